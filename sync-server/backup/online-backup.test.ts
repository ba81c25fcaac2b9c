// Online backup of the embedded store: the running server dumps its own live PGlite while
// desks keep pushing, and the restored copy is a consistent store holding everything that
// was accepted before the backup began.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { appointmentValues, startTestServer, type RunningServer, type TestDevice } from '../testing/harness';
import { backupRunningServer } from './online-backup';
import { restoreServer } from './server-backup';

const MIN = 60_000;
const DAY = Date.UTC(2027, 4, 3, 13, 0);
const root = mkdtempSync(join(tmpdir(), 'frontdesk-online-backup-'));
const adminToken = 'online-backup-test-token';

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Opens a restored store with amcheck, which verifies that its B-tree indexes agree with their tables. */
async function openWithAmcheck(dataDir: string): Promise<PGlite> {
  const pg = await PGlite.create(`file://${dataDir}`, { extensions: { btree_gist, amcheck } });
  await pg.exec('create extension if not exists amcheck');
  return pg;
}

describe('a dump of the live embedded store', () => {
  let db: ServerDb;
  // Opening PGlite on disk takes seconds on a loaded machine.
  beforeAll(async () => {
    db = await openPgliteServerDb(join(root, 'live'));
    await db.query('create table backup_probe (id int primary key)');
  }, 120_000);
  afterAll(() => db?.close());

  it('waits for a transaction in flight and contains it: it never cuts a transaction in two', async () => {
    let finish!: () => void;
    let inside!: () => void;
    const holding = new Promise<void>((resolve) => { finish = resolve; });
    const started = new Promise<void>((resolve) => { inside = resolve; });
    const writing = db.transaction(async (tx) => {
      await tx.query('insert into backup_probe values (1)');
      inside();
      await holding;
      await tx.query('insert into backup_probe values (2)');
    });
    await started;
    let dumped = false;
    const dump = db.dumpDataDir!().then((blob) => {
      dumped = true;
      return blob;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dumped).toBe(false);
    finish();
    await writing;

    const copy = await PGlite.create({ extensions: { btree_gist }, loadDataDir: await dump });
    try {
      expect((await copy.query('select id from backup_probe order by id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      await copy.close();
    }
  });
});

describe('npm run sync-server -- backup, against a running embedded server', () => {
  let env: RunningServer;
  let db: ServerDb;
  beforeAll(async () => {
    mkdirSync(join(root, 'server'));
    db = await openPgliteServerDb(join(root, 'server', 'pglite'));
    env = await startTestServer({ db, adminToken });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
    await db?.close();
  });

  const book = (desk: TestDevice, i: number) => {
    const start = DAY + i * 30 * MIN;
    return desk.change('appointments', uuidv7(), appointmentValues({ provider_id: `prov-${i % 4}`, start_at: start, end_at: start + 30 * MIN }));
  };

  it('restores to a consistent store with every change accepted before it began, while desks kept writing', { timeout: 120_000 }, async () => {
    const desks = [await env.enroll(), await env.enroll()];
    const before: string[] = [];
    for (let i = 0; i < 20; i++) {
      const change = book(desks[i % 2]!, i);
      expect((await desks[i % 2]!.push([change]))[0]!.status).toBe('accepted');
      before.push(change.row);
    }

    // Both desks keep booking, one push after another, for as long as the backup runs.
    const pushes: { row: string; sentAt: number; answeredAt: number }[] = [];
    let writing = true;
    let failure: unknown = null;
    let next = 1_000;
    const writer = async (desk: TestDevice) => {
      while (writing) {
        const change = book(desk, next++);
        const sentAt = performance.now();
        const [result] = await desk.push([change]);
        if (result!.status !== 'accepted') throw new Error(`push during the backup: ${JSON.stringify(result)}`);
        pushes.push({ row: change.row, sentAt, answeredAt: performance.now() });
      }
    };
    const writers = Promise.all(desks.map((desk) => writer(desk).catch((e: unknown) => { failure = e; })));
    const answered = async (which: (p: { sentAt: number; answeredAt: number }) => boolean) => {
      while (!pushes.some(which)) {
        if (failure) throw failure;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await answered(() => true);
    const file = join(root, 'nightly.backup');
    const backupStarted = performance.now();
    const result = await backupRunningServer({ url: env.url, adminToken }, file);
    const backupEnded = performance.now();
    await answered((p) => p.sentAt > backupEnded);
    writing = false;
    await writers;
    expect(failure).toBeNull();

    expect(result.bytes).toBe(statSync(file).size);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const acceptedBefore = pushes.filter((p) => p.answeredAt < backupStarted).map((p) => p.row);
    const sentAfter = pushes.filter((p) => p.sentAt > backupEnded).map((p) => p.row);
    // The writes really went on around the backup: a push was in flight while it ran.
    expect(pushes.some((p) => p.sentAt < backupEnded && p.answeredAt > backupStarted)).toBe(true);

    const restoredDir = join(root, 'restored');
    mkdirSync(restoredDir);
    await restoreServer({ dataDir: restoredDir }, file);
    const restored = await openWithAmcheck(join(restoredDir, 'pglite'));
    try {
      const ids = new Set((await restored.query<{ id: string }>('select id from appointments')).rows.map((r) => r.id));
      for (const row of [...before, ...acceptedBefore]) expect(ids.has(row), `appointment ${row} accepted before the backup`).toBe(true);
      for (const row of sentAfter) expect(ids.has(row), `appointment ${row} sent after the backup`).toBe(false);
      // Each push is one transaction (row, change log entry, slot claims): whole or absent.
      const { rows: halves } = await restored.query(`
        select a.id from appointments a
        where not exists (select 1 from change_log c where c.row_id = a.id and c.status = 'accepted')
           or not exists (select 1 from claims k where k.appointment_id = a.id)
        union all
        select c.row_id from change_log c
        where c.table_name = 'appointments' and c.status = 'accepted' and not exists (select 1 from appointments a where a.id = c.row_id)`);
      expect(halves).toEqual([]);
      // Every B-tree index agrees with its table (heapallindexed: every row is in the index).
      const { rows: checked } = await restored.query(`
        select c.relname, bt_index_check(c.oid, true) from pg_index i
        join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
        where am.amname = 'btree' and n.nspname = 'public'`);
      expect(checked.length).toBeGreaterThan(10);
    } finally {
      await restored.close();
    }
  });

  it('refuses without the admin token, or through a proxy, and writes nothing', async () => {
    const file = join(root, 'refused.backup');
    await expect(backupRunningServer({ url: env.url, adminToken: 'not-the-token' }, file)).rejects.toThrow(/refused the backup \(403\): Administration is only available on this computer, with the admin token/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);

    // A reverse proxy on this machine connects from loopback too; what it relays is not local.
    for (const [header, value] of [['x-forwarded-for', '203.0.113.9'], ['forwarded', 'for=203.0.113.9']] as const) {
      const relayed = await fetch(`${env.url}/v1/admin/backup`, { method: 'POST', headers: { 'x-admin-token': adminToken, [header]: value } });
      expect(relayed.status).toBe(403);
    }
  });

  it('says so when the backup folder does not exist', async () => {
    await expect(backupRunningServer({ url: env.url, adminToken }, join(root, 'no-such-folder', 'x.backup'))).rejects.toThrow(/There is no folder .*no-such-folder to write the backup into/);
  });
});
