// Backup and restore of a PostgreSQL store: pg_dump while the server serves, pg_restore,
// through the CLI as IT runs it; wrong and damaged files change nothing. The full cycle
// with desks resyncing is the drill (main/backup/restore-drill.pg.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../app';
import { openPgliteServerDb } from '../store/open-pglite';
import { openPostgresServerDb } from '../store/open-postgres';
import type { ServerDb } from '../store/server-db';
import { runCli } from '../testing/cli-process';
import { appointmentValues, ensureTestClinic, type TestDevice } from '../testing/harness';
import { createTestDatabase, enrollTestDevice, postgresAvailable, type TestDatabase } from '../testing/postgres';
import { backupKindOf } from './backup-file';
import { backupRunningServer } from './online-backup';
import { backupServer, restoreServer } from './server-backup';

const pgUp = await postgresAvailable();
const pgRequired = process.env.CI === 'true';

// CI must run these: there, an unreachable PostgreSQL is a failure, not a skip.
it.runIf(!pgUp && pgRequired)('PostgreSQL on 127.0.0.1:5432 is reachable (required when CI=true)', () => {
  expect.fail('PostgreSQL is not reachable at 127.0.0.1:5432; CI must provide it (see .ci/run).');
});

const MIN = 60_000;
const DAY = Date.UTC(2027, 5, 7, 14, 0);
const adminToken = 'pg-backup-test-token';

describe.runIf(pgUp)('backup and restore of a PostgreSQL store', () => {
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-pg-backup-'));
  const backupFile = join(root, 'nightly.backup');
  let database: TestDatabase;
  let db: ServerDb;
  let server: SyncServer;
  let url: string;
  let desk: TestDevice;

  beforeAll(async () => {
    database = await createTestDatabase('frontdesk_backup');
    db = await openPostgresServerDb(database.url, { poolSize: 4 });
    server = await createSyncServer({ db, adminToken, liveTimeoutMs: 2_000 });
    url = await server.listen(0, '127.0.0.1');
    const { orgId, staff } = await ensureTestClinic(server);
    desk = await enrollTestDevice(server, orgId, url, staff.receptionist);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  const book = async (i: number) => {
    const start = DAY + i * 30 * MIN;
    const change = desk.change('appointments', uuidv7(), appointmentValues({ start_at: start, end_at: start + 30 * MIN }));
    expect((await desk.push([change]))[0]!.status).toBe('accepted');
    return change.row;
  };
  const appointmentIds = async () => (await db.query<{ id: string }>('select id from appointments order by id')).rows.map((r) => r.id);

  it('backs up while the server serves and restores what was backed up, through the CLI', { timeout: 120_000 }, async () => {
    const before = [await book(0), await book(1)];
    const backingUp = runCli(['backup', '--out', backupFile], { dataDir: root, databaseUrl: database.url });
    const during = await book(2);
    const { stdout } = await backingUp;
    expect(stdout).toContain(`Backed up the PostgreSQL store to ${backupFile}`);
    expect(await backupKindOf(backupFile)).toBe('postgres');
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const after = await book(3);
    expect(await appointmentIds()).toEqual([...before, during, after].sort());

    const restored = await runCli(['restore', '--from', backupFile], { dataDir: root, databaseUrl: database.url });
    expect(restored.stdout).toMatch(/New history epoch [0-9a-f]+: devices will download everything again/);
    expect(restored.stdout).toContain('Restart every sync-server instance on this database so they serve the new epoch.');
    const ids = await appointmentIds();
    expect(ids).toEqual(expect.arrayContaining(before));
    expect(ids).not.toContain(after);
  });

  it('refuses a PGlite backup, and a damaged dump changes nothing', { timeout: 120_000 }, async () => {
    const pgliteData = join(root, 'embedded');
    mkdirSync(pgliteData);
    await (await openPgliteServerDb(join(pgliteData, 'pglite'))).close();
    const pgliteBackup = join(root, 'embedded.backup');
    await backupServer({ dataDir: pgliteData }, pgliteBackup);
    const unchanged = await appointmentIds();

    await expect(runCli(['restore', '--from', pgliteBackup], { dataDir: root, databaseUrl: database.url })).rejects.toMatchObject({
      stderr: expect.stringContaining(`${pgliteBackup} is a PGlite backup, but this server's store is PostgreSQL (DATABASE_URL is set).`),
    });
    expect(await appointmentIds()).toEqual(unchanged);

    const damaged = join(root, 'damaged.backup');
    const whole = readFileSync(backupFile);
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restoreServer({ dataDir: root, databaseUrl: database.url }, damaged)).rejects.toThrow(/pg_restore failed: /);
    expect(await appointmentIds()).toEqual(unchanged);
  });

  it('answers a request for an embedded-store dump by pointing at pg_dump', async () => {
    await expect(backupRunningServer({ url, adminToken }, join(root, 'online.backup'))).rejects.toThrow(
      /refused the backup \(409\): This server stores its data in PostgreSQL: the backup command runs pg_dump against DATABASE_URL itself/);
  });
});
