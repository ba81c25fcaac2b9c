// The CLI as IT runs it, as a child process (testing/cli-process.ts).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteServerDb } from './store/open-pglite';
import { runCli, startCliServer, type CliServer } from './testing/cli-process';

const root = mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run sync-server', () => {
  const dataDir = join(root, 'pairing');
  const cli = (...args: string[]) => runCli(args, { dataDir });

  it('prints a pairing code for a role, creating the organization on first use', async () => {
    const { stdout } = await cli('pairing-code', '--role', 'kiosk');
    expect(stdout).toMatch(/Pairing code for a kiosk device: \S+/);
    expect(stdout).toMatch(/Valid until .* \(15 minutes\), once/);
  }, 150_000);

  it('refuses an unknown role with the list of roles', async () => {
    await expect(cli('pairing-code', '--role', 'janitor')).rejects.toMatchObject({ stderr: expect.stringMatching(/--role must be one of: front_desk, manager, kiosk/) });
  }, 150_000);
});

describe('npm run sync-server -- backup / restore, embedded store', () => {
  const dataDir = join(root, 'server');
  const backupFile = join(root, 'backups', 'nightly.backup');
  const cli = (...args: string[]) => runCli(args, { dataDir });
  let server: CliServer | null = null;
  afterAll(() => server?.stop());

  const pairingCodes = async () => {
    const db = await openPgliteServerDb(join(dataDir, 'pglite'));
    try {
      return (await db.query<{ n: number }>('select count(*)::int as n from pairing_codes')).rows[0]!.n;
    } finally {
      await db.close();
    }
  };

  it('backs up the running server, refuses to restore under it, and restores once it is stopped', { timeout: 300_000 }, async () => {
    mkdirSync(join(root, 'backups'));
    server = await startCliServer(dataDir);
    // Each pairing code is a row in the store: one before the backup, one after.
    await cli('pairing-code', '--role', 'front_desk');

    const { stdout } = await cli('backup', '--out', backupFile);
    expect(stdout).toContain(`Backed up the embedded PGlite store of the running sync server (pid ${server.pid}) to ${backupFile}`);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(root, 'backups'))).toEqual(['nightly.backup']);
    // The server went on serving through the backup.
    expect((await fetch(`${server.url}/health`)).ok).toBe(true);
    await cli('pairing-code', '--role', 'manager');

    await expect(cli('restore', '--from', backupFile)).rejects.toMatchObject({ stderr: expect.stringMatching(new RegExp(`The sync server \\(pid ${server.pid}\\) is using .*; stop it for the restore`)) });

    await server.stop();
    server = null;
    expect(await pairingCodes()).toBe(2);
    const restored = await cli('restore', '--from', backupFile);
    expect(restored.stdout).toMatch(/Restored .*nightly\.backup\. New history epoch [0-9a-f]+: devices will download everything again/);
    expect(restored.stdout).toMatch(/The store it replaced was kept in .*pglite\.replaced-/);
    expect(await pairingCodes()).toBe(1);
  });

  it('says which option is missing when --out is left out or has no value', async () => {
    await expect(cli('backup')).rejects.toMatchObject({ stderr: expect.stringContaining('sync-server: Where to? npm run sync-server -- backup --out FILE') });
    await expect(runCli(['backup', '--data', dataDir, '--out'], {})).rejects.toMatchObject({ stderr: expect.stringMatching(/^sync-server: Option '--out <value>' argument missing\nFrontdesk sync server\n/) });
  }, 150_000);

  it('refuses to restore a file that is not a server backup, and leaves the store as it was', async () => {
    const notes = join(root, 'notes.txt');
    writeFileSync(notes, 'not a backup');
    const before = await pairingCodes();
    await expect(cli('restore', '--from', notes)).rejects.toMatchObject({ stderr: expect.stringContaining(`sync-server: ${notes} is not a Frontdesk server backup.`) });
    expect(await pairingCodes()).toBe(before);
  }, 150_000);

  it('sees through a server.json left by a killed server whose address another server now answers', { timeout: 150_000 }, async () => {
    const otherDir = join(root, 'other');
    const other = await startCliServer(otherDir);
    try {
      const gone = spawnSync(process.execPath, ['-e', '0']).pid;
      writeFileSync(join(dataDir, 'server.json'), JSON.stringify({ url: other.url, adminToken: 'not-this-servers-token', pid: gone }));
      const { stdout } = await cli('backup', '--out', join(root, 'backups', 'after-a-crash.backup'));
      expect(stdout).toMatch(/^Backed up the embedded PGlite store to .*after-a-crash\.backup/);
    } finally {
      await other.stop();
      rmSync(join(dataDir, 'server.json'), { force: true });
    }
  });

  it('will not guess whether a server runs when its server.json is damaged', async () => {
    const damagedDir = join(root, 'damaged');
    mkdirSync(damagedDir);
    writeFileSync(join(damagedDir, 'server.json'), '{"url": "http://127.0.0.1:1"');
    await expect(runCli(['backup', '--out', join(root, 'backups', 'damaged.backup')], { dataDir: damagedDir })).rejects.toMatchObject({
      stderr: expect.stringContaining(`server.json is damaged. If no sync server is running on ${damagedDir}, delete it and try again.`),
    });
  }, 150_000);
});
