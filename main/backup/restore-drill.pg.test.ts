// The restore drill (testing/restore-drill.ts) on PostgreSQL: pg_dump while the server
// serves, every schema dropped, pg_restore, a new epoch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupServer, restoreServer } from '../../sync-server/backup/server-backup';
import { openPostgresServerDb } from '../../sync-server/store/open-postgres';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../../sync-server/testing/postgres';
import { runRestoreDrill } from './testing/restore-drill';

const pgUp = await postgresAvailable();
const pgRequired = process.env.CI === 'true';

// CI must run these: there, an unreachable PostgreSQL is a failure, not a skip.
it.runIf(!pgUp && pgRequired)('PostgreSQL on 127.0.0.1:5432 is reachable (required when CI=true)', () => {
  expect.fail('PostgreSQL is not reachable at 127.0.0.1:5432; CI must provide it (see .ci/run).');
});

describe.runIf(pgUp)('restore drill, PostgreSQL', () => {
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-restore-drill-pg-'));
  const backupFile = join(root, 'server.backup');
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('frontdesk_drill');
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up while serving, destroys, restores, and the desks resync with nothing lost', { timeout: 180_000 }, async () => {
    await runRestoreDrill({
      open: () => openPostgresServerDb(database.url, { poolSize: 4 }),
      async backup() {
        expect((await backupServer({ dataDir: root, databaseUrl: database.url }, backupFile)).kind).toBe('postgres');
      },
      async destroy() {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public');
        } finally {
          await client.end();
        }
      },
      restore: () => restoreServer({ dataDir: root, databaseUrl: database.url }, backupFile),
    });
  });
});
