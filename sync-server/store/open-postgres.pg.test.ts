// The PostgreSQL store as the merge path uses it: statements with values are prepared once
// per connection and planned with their values each run; scripts without values still run
// whole; the claims' exclusion leads with the slot hash yet compares the real keys.
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
