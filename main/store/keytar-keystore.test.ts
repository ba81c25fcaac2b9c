// The real keytar against a real Secret Service (gnome-keyring in a private D-Bus session),
// as PROBES.md describes; `npm run setup` installs dbus and gnome-keyring.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'frontdesk-keytar-'));
const dataDir = join(root, 'app');
const env = { ...process.env, XDG_DATA_HOME: join(root, 'xdg-data'), XDG_RUNTIME_DIR: join(root, 'xdg-run') };
mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true });
chmodSync(env.XDG_RUNTIME_DIR, 0o700);
const script = new URL('./testing/keytar-session.ts', import.meta.url).pathname;

function inSession(unlocked: boolean, action: string): { ok: boolean; code?: string; patients?: number; message?: string } {
  const daemon = unlocked
    ? 'echo frontdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1'
    : 'gnome-keyring-daemon --components=secrets --daemonize >/dev/null 2>&1';
  const out = execFileSync('dbus-run-session', ['--', 'sh', '-c', `${daemon}; exec node --import tsx "$0" "$1" "$2"`, script, dataDir, action], {
    env, encoding: 'utf8', timeout: 45_000, stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('KeytarKeyStore with the OS keychain', () => {
  it('creates the key in the keychain on first run and reopens the database with it', () => {
    expect(inSession(true, 'create')).toEqual({ ok: true, patients: 1 });
    expect(inSession(true, 'reopen')).toEqual({ ok: true, patients: 1 });
  });

  it('reports a locked keychain as locked and does not replace the database', () => {
    const locked = inSession(false, 'reopen');
    expect(locked).toMatchObject({ ok: false, code: 'keychain_locked' });
    expect(locked.message).toMatch(/unlock it/);
    expect(inSession(true, 'reopen')).toEqual({ ok: true, patients: 1 });
  });
});
