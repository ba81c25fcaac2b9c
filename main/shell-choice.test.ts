// npm start's choice between the Electron window and the browser host, on a fake electron
// package folder (a real one would have downloaded a binary).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseShell, hasDisplay } from './shell-choice';

let base: string;
let electronDir: string;
let mainBundle: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'frontdesk-shell-choice-'));
  electronDir = join(base, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  mainBundle = join(base, 'dist', 'electron', 'main.cjs');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function installBinary(): string {
  writeFileSync(join(electronDir, 'path.txt'), 'electron');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  const binary = join(electronDir, 'dist', 'electron');
  writeFileSync(binary, '');
  return binary;
}

function buildBundle(): void {
  mkdirSync(join(base, 'dist', 'electron'), { recursive: true });
  writeFileSync(mainBundle, '');
}

const linuxDesktop = { DISPLAY: ':0' };

describe('choosing the shell for npm start', () => {
  it('opens Electron where the binary, a display and the build are all there', () => {
    const binary = installBinary();
    buildBundle();
    expect(chooseShell({ platform: 'linux', env: linuxDesktop, electronPackageDir: electronDir, mainBundle })).toEqual({ shell: 'electron', binary });
  });

  it('says "no Electron binary" when it was never downloaded (this machine)', () => {
    buildBundle();
    const choice = chooseShell({ platform: 'linux', env: linuxDesktop, electronPackageDir: electronDir, mainBundle });
    expect(choice).toMatchObject({ shell: 'browser', reason: expect.stringMatching(/^no Electron binary: .*path\.txt is absent/) });
  });

  it('says "no Electron binary" when path.txt names a binary that is gone, or the package is missing', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    buildBundle();
    expect(chooseShell({ platform: 'linux', env: linuxDesktop, electronPackageDir: electronDir, mainBundle })).toMatchObject({ shell: 'browser', reason: expect.stringMatching(/^no Electron binary: .*does not exist/) });
    expect(chooseShell({ platform: 'linux', env: linuxDesktop, electronPackageDir: null, mainBundle })).toMatchObject({ shell: 'browser', reason: expect.stringMatching(/^no Electron binary/) });
  });

  it('says "no display" on Linux without X11 or Wayland', () => {
    installBinary();
    buildBundle();
    expect(chooseShell({ platform: 'linux', env: {}, electronPackageDir: electronDir, mainBundle })).toMatchObject({ shell: 'browser', reason: expect.stringMatching(/^no display/) });
    expect(chooseShell({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, electronPackageDir: electronDir, mainBundle })).toMatchObject({ shell: 'electron' });
  });

  it('always has a display on Windows and macOS', () => {
    expect(hasDisplay('win32', {})).toBe(true);
    expect(hasDisplay('darwin', {})).toBe(true);
    expect(hasDisplay('linux', {})).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    buildBundle();
    const elsewhere = join(base, 'electron-dist');
    mkdirSync(elsewhere);
    expect(chooseShell({ platform: 'win32', env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere }, electronPackageDir: electronDir, mainBundle })).toMatchObject({ shell: 'browser', reason: expect.stringMatching(/^no Electron binary: ELECTRON_OVERRIDE_DIST_PATH/) });
    writeFileSync(join(elsewhere, 'electron'), '');
    expect(chooseShell({ platform: 'win32', env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere }, electronPackageDir: electronDir, mainBundle })).toEqual({ shell: 'electron', binary: join(elsewhere, 'electron') });
  });

  it('asks for the build when the binary is there but dist/electron is not', () => {
    installBinary();
    expect(chooseShell({ platform: 'linux', env: linuxDesktop, electronPackageDir: electronDir, mainBundle })).toMatchObject({ shell: 'browser', reason: expect.stringContaining('npm run build:electron') });
  });

  it('serves the browser host when asked to, even where Electron could run', () => {
    installBinary();
    buildBundle();
    expect(chooseShell({ platform: 'linux', env: { ...linuxDesktop, FRONTDESK_SHELL: 'browser' }, electronPackageDir: electronDir, mainBundle })).toMatchObject({ shell: 'browser' });
  });
});
