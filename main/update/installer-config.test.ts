// Lives here because vitest.config.ts collects tests from db/, main/ and sync-server/ only.
import { resolve } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import { checkInstallerConfig, loadInstallerConfig, validateWithElectronBuilder } from '../../scripts/check-installer-config';

const file = resolve(import.meta.dirname, '..', '..', 'electron-builder.yml');

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateWithElectronBuilder(await loadInstallerConfig(file))).resolves.toBeUndefined();
  });

  it('has the fuses, asar unpacking, targets, signing and update feed this project requires', async () => {
    expect(checkInstallerConfig(await loadInstallerConfig(file))).toEqual([]);
  });

  it('the schema check can fail', async () => {
    const broken = { ...(await loadInstallerConfig(file)), nsis: { perMachine: 'yes' } } as unknown as Configuration;
    await expect(validateWithElectronBuilder(broken)).rejects.toThrow(/perMachine/);
  });

  it('the security checks can fail, each with its reason', async () => {
    const good = await loadInstallerConfig(file);
    const bad = {
      ...good,
      electronFuses: { ...good.electronFuses, runAsNode: true, onlyLoadAppFromAsar: false },
      asarUnpack: ['node_modules/keytar/**/*'],
      win: { ...good.win, signtoolOptions: { certificatePassword: 'hunter2' } },
      mac: { ...good.mac, hardenedRuntime: false },
    } as Configuration;
    const problems = checkInstallerConfig(bad).join('\n');
    expect(problems).toMatch(/electronFuses.runAsNode must be false/);
    expect(problems).toMatch(/electronFuses.onlyLoadAppFromAsar must be true/);
    expect(problems).toMatch(/asarUnpack must include "node_modules\/better-sqlite3-multiple-ciphers/);
    expect(problems).toMatch(/asarUnpack must include "node_modules\/argon2/);
    expect(problems).toMatch(/win.signtoolOptions.certificatePassword: signing material/);
    expect(problems).toMatch(/mac.hardenedRuntime must be true/);
  });
});
