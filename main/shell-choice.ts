// Can this computer open the Electron window? Answered without require('electron'): that
// require downloads the binary when it is missing (electron 44+), which must never happen
// from `npm start` on a machine that cannot reach the download server. It lives outside
// main/electron/ because npm start runs in plain Node and may not import from there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ShellChoice =
  | { shell: 'electron'; binary: string }
  | { shell: 'browser'; reason: string };

export interface ShellEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** node_modules/electron, or null when the package is not installed. */
  electronPackageDir: string | null;
  /** The built Electron main process (dist/electron/main.cjs). */
  mainBundle: string;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string;
}

/** The same lookup the electron package does (path.txt names the executable inside dist/), minus the download. */
export function findElectronBinary(electronPackageDir: string, env: NodeJS.ProcessEnv, exists = (path: string) => existsSync(path), readText = (p: string) => readFileSync(p, 'utf8')): { binary: string } | { missing: string } {
  const pathFile = join(electronPackageDir, 'path.txt');
  const executable = exists(pathFile) ? readText(pathFile).trim() : '';
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir) {
    const binary = join(overrideDir, executable || 'electron');
    return exists(binary) ? { binary } : { missing: `ELECTRON_OVERRIDE_DIST_PATH points at ${binary}, which does not exist` };
  }
  if (!executable) return { missing: `${pathFile} is absent, so the binary was never downloaded` };
  const binary = join(electronPackageDir, 'dist', executable);
  return exists(binary) ? { binary } : { missing: `${binary} does not exist` };
}

/** Linux needs an X11 or Wayland session; Windows and macOS always have a desktop when someone runs npm start. */
export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chooseShell(environment: ShellEnvironment): ShellChoice {
  const { platform, env, electronPackageDir, mainBundle } = environment;
  const exists = environment.exists ?? ((path: string) => existsSync(path));
  if (env.FRONTDESK_SHELL === 'browser') return { shell: 'browser', reason: 'FRONTDESK_SHELL=browser asks for the browser host' };
  if (!electronPackageDir) return { shell: 'browser', reason: 'no Electron binary: the electron package is not installed' };
  const found = findElectronBinary(electronPackageDir, env, exists, environment.readText);
  if ('missing' in found) return { shell: 'browser', reason: `no Electron binary: ${found.missing}` };
  if (!hasDisplay(platform, env)) return { shell: 'browser', reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  if (!exists(mainBundle)) return { shell: 'browser', reason: `no Electron build: ${mainBundle} is missing (run npm run build:electron)` };
  return { shell: 'electron', binary: found.binary };
}
