// The PostgreSQL store as the merge path uses it: statements with values are prepared once
// per connection and planned with their values each run; scripts without values still run
// whole; the claims' exclusion leads with the slot hash yet compares the real keys; a
// committed transaction's connection begins the next one at once, and is given back
// unused, to a pool in need, or when PostgreSQL ended it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../testing/postgres';
import { openPostgresServerDb } from './open-postgres';
import type { ServerDb } from './server-db';

const pgUp = await postgresAvailable();

it.runIf(!pgUp && process.env.CI === 'true')('PostgreSQL on 127.0.0.1:5432 is reachable (required when CI=true)', () => {
  expect.fail('PostgreSQL is not reachable at 127.0.0.1:5432; CI must provide it (see .ci/run).');
});

describe.skipIf(!pgUp)('the PostgreSQL server store', () => {
  let database: TestDatabase;
  let db: ServerDb;
  beforeAll(async () => {
    database = await createTestDatabase('frontdesk_store');
    db = await openPostgresServerDb(database.url, { poolSize: 1 });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('prepares a statement with values once per connection and plans each run with its values', async () => {
    const text = 'select count(*)::int as n from claims where appointment_id = any($1::text[])';
    for (let i = 0; i < 7; i++) await db.query(text, [[`a-${i}`]]);
    const { rows: prepared } = await db.query<{ statement: string }>('select statement from pg_prepared_statements where statement = $1', [text]);
    expect(prepared).toHaveLength(1);
    const { rows: [mode] } = await db.query<{ plan_cache_mode: string }>('show plan_cache_mode');
    expect(mode!.plan_cache_mode).toBe('force_custom_plan');
    await db.transaction(async (tx) => {
      expect((await tx.query<{ n: number }>(text, [['nobody']])).rows[0]!.n).toBe(0);
    });
  });

  it('runs a script of several statements sent without values', async () => {
    await db.query('create temporary table scratch (n int); insert into scratch values (1), (2)');
    expect((await db.query<{ n: number }>('select sum(n)::int as n from scratch', [])).rows[0]!.n).toBe(3);
  });

  it('excludes overlapping claims on the same key through the slot hash, and only those', async () => {
    const insert = (appointment: string, key: string, from: number, to: number) => db.query(
      'insert into claims (appointment_id, org_id, kind, key, during) values ($1, $2, $3, $4, int8range($5, $6))', [appointment, 'org-s', 'provider', key, from, to]);
    await insert('a1', 'prov-1', 0, 100);
    await expect(insert('a2', 'prov-1', 50, 150)).rejects.toMatchObject({ code: '23P01' });
    await insert('a3', 'prov-2', 50, 150);
    const { rows } = await db.query<{ same: boolean }>(
      `select slot = hashtextextended('frontdesk-claim:' || org_id || ':' || kind || ':' || key, 0) as same from claims`, []);
    expect(rows.map((r) => r.same)).toEqual([true, true]);
    const { rows: [index] } = await db.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'claims_no_overlap'`, []);
    expect(index!.def).toMatch(/^EXCLUDE USING gist \(slot WITH =, org_id WITH =, kind WITH =, key WITH =, during WITH &&\)/);
  });
});

describe.skipIf(!pgUp)('transactions on begun connections', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('frontdesk_begun');
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** How long before its first statement the transaction began, in ms, and on which backend. */
  const begunFor = (db: ServerDb) => db.transaction(async (tx) => (await tx.query<{ waited: number; pid: number }>(
    'select extract(epoch from statement_timestamp() - transaction_timestamp()) * 1000 as waited, pg_backend_pid() as pid')).rows[0]!);

  it('runs the next transaction on the connection the last one committed on, begun meanwhile; rollback still undoes', async () => {
    const db = await openPostgresServerDb(database.url, { poolSize: 3 });
    try {
      const first = await begunFor(db);
      await sleep(300);
      const second = await begunFor(db);
      expect(second.pid).toBe(first.pid);
      expect(Number(second.waited)).toBeGreaterThanOrEqual(250);

      await db.query('create table if not exists begun_rows (n int)');
      await expect(db.transaction(async (tx) => {
        await tx.query('insert into begun_rows values ($1)', [1]);
        throw new Error('changed my mind');
      })).rejects.toThrow('changed my mind');
      await db.transaction((tx) => tx.query('insert into begun_rows values ($1)', [2]));
      expect((await db.query<{ n: number }>('select n from begun_rows', [])).rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });

  it('gives a begun connection back after a second unused, and at once to a pool with no other', async () => {
    const db = await openPostgresServerDb(database.url, { poolSize: 3 });
    try {
      await begunFor(db);
      await sleep(1_300);
      expect(Number((await begunFor(db)).waited)).toBeLessThan(250);
    } finally {
      await db.close();
    }
    const single = await openPostgresServerDb(database.url, { poolSize: 1 });
    try {
      await begunFor(single);
      // The pool's only connection is the begun one: the query gets it, rolled back, at
      // once (not when the second is up).
      const asked = performance.now();
      const { rows: [alone] } = await single.query<{ waited: number }>('select extract(epoch from statement_timestamp() - transaction_timestamp()) * 1000 as waited', []);
      expect(Number(alone!.waited)).toBeLessThan(250);
      expect(performance.now() - asked).toBeLessThan(700);
      expect(Number((await begunFor(single)).waited)).toBeLessThan(250);
    } finally {
      await single.close();
    }
  });

  it('replaces a begun connection that PostgreSQL ended while it waited', async () => {
    const db = await openPostgresServerDb(database.url, { poolSize: 3 });
    const admin = await openPostgresServerDb(database.url, { poolSize: 1 });
    try {
      const { pid } = await begunFor(db);
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await sleep(200);
      const next = await begunFor(db);
      expect(next.pid).not.toBe(pid);
    } finally {
      await admin.close();
      await db.close();
    }
  });
});
