import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MachineConfigError, machineConfigPath, parseMachineConfig, readMachineConfig } from './machine-config';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problems(json: unknown): string[] {
  try {
    parseMachineConfig(json, 'config.json');
  } catch (e) {
    if (e instanceof MachineConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('machine-wide configuration', () => {
  it('is found where IT puts it on each system', () => {
    expect(machineConfigPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Frontdesk\\config.json');
    expect(machineConfigPath('win32', {})).toBe('C:\\ProgramData\\Frontdesk\\config.json');
    expect(machineConfigPath('darwin', {})).toBe('/Library/Application Support/Frontdesk/config.json');
    expect(machineConfigPath('linux', {})).toBe('/etc/frontdesk/config.json');
  });

  it('reads a complete configuration, with the defaults filled in', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, '\uFEFF' + JSON.stringify({ serverUrl: 'https://frontdesk.clinic.lan:8443/', location: 'Main Street', deviceRole: 'kiosk', pairingCode: 'K7PQ-2M9X' }));
    expect(await readMachineConfig(file)).toEqual({ serverUrl: 'https://frontdesk.clinic.lan:8443', location: 'Main Street', deviceRole: 'kiosk', pairingCode: 'K7PQ-2M9X', updateChannel: 'stable' });
  });

  it('is optional: no file means the device is paired by hand', async () => {
    expect(await readMachineConfig(join(dir, 'missing.json'))).toBeNull();
  });

  it('names every bad field, each with what it should be', () => {
    const found = problems({ serverUrl: 'http://frontdesk.clinic.lan', location: '', deviceRole: 'reception', pairingCode: 42, updateChannel: 'beta', colour: 'blue' });
    expect(found).toHaveLength(6);
    expect(found.join('\n')).toMatch(/serverUrl must start with https:\/\//);
    expect(found.join('\n')).toMatch(/location must not be empty/);
    expect(found.join('\n')).toMatch(/deviceRole must be one of "front_desk", "manager", "kiosk"/);
    expect(found.join('\n')).toMatch(/pairingCode must be text/);
    expect(found.join('\n')).toMatch(/updateChannel must be "stable" or "pilot"/);
    expect(found.join('\n')).toMatch(/unknown setting "colour"/);
  });

  it('requires the server address and the role', () => {
    expect(problems({})).toEqual([
      expect.stringMatching(/serverUrl is required/),
      expect.stringMatching(/deviceRole must be one of/),
    ]);
    expect(problems({ serverUrl: 'frontdesk', deviceRole: 'manager' })).toEqual([expect.stringMatching(/serverUrl "frontdesk" is not a web address/)]);
  });

  it('allows plain http only to this computer', () => {
    expect(problems({ serverUrl: 'http://127.0.0.1:8787', deviceRole: 'front_desk' })).toEqual([]);
  });

  it('says which file is broken and how, when it is not JSON', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ serverUrl: https://x }');
    await expect(readMachineConfig(file)).rejects.toThrow(new RegExp(`${file.replace(/[/\\]/g, '.')}[\\s\\S]*not valid JSON`));
  });
});
