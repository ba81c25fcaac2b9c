import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('the data directory', () => {
  it('is FRONTDESK_DATA_DIR when set, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(defaultDataDir({ FRONTDESK_DATA_DIR: '/srv/frontdesk' }, platform)).toBe('/srv/frontdesk');
    }
  });

  it("is otherwise the OS's per-user application-data folder", () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\desk\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\desk\\AppData\\Roaming', 'Frontdesk'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Frontdesk'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/desk/.config' }, 'linux')).toBe('/home/desk/.config/Frontdesk');
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Frontdesk'));
  });
});
