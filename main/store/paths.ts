import { homedir } from 'node:os';
import { join } from 'node:path';

/** FRONTDESK_DATA_DIR, else the OS's per-user application-data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FRONTDESK_DATA_DIR) return env.FRONTDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Frontdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Frontdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Frontdesk');
}

export const DATABASE_FILE = 'frontdesk.db';
