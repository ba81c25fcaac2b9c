// The planning sweep on PGlite: as many statements for one appointment as for many (bulk
// reads and one insert, never a query per appointment), and nothing queued twice.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSyncServer } from '../app';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb, Sql } from '../store/server-db';
import { planAndEnqueueReminders } from './plan-reminders';
import { seedClinic } from './testing/fixtures';

const H = 3_600_000;
const now = Date.parse('2026-06-10T10:00:00-07:00');
let db: ServerDb;
beforeEach(async () => {
  db = await openPgliteServerDb();
});
afterEach(async () => {
  await db.close();
});

function counting(sql: Sql): { db: Sql; statements: () => number } {
  let statements = 0;
  return { db: { query: (text, params) => { statements++; return sql.query(text, params); } }, statements: () => statements };
}

it('plans in the same few statements whatever the number of appointments, and queues each reminder once', async () => {
  const server = await createSyncServer({ db, now: () => now });
  const clinic = await seedClinic(server, { channels: ['email', 'sms'] });
  const sweep = async () => {
    const counted = counting(db);
    const result = await planAndEnqueueReminders(counted.db, now, 8 * 24 * H);
    return { ...result, statements: counted.statements() };
  };

  await clinic.book({ email: 'one@example.org' }, now + 4 * 24 * H);
  const one = await sweep();
  expect(one).toEqual({ planned: 2, queued: 2, statements: 5 });

  for (let i = 0; i < 12; i++) await clinic.book({ email: `p${i}@example.org` }, now + (30 + i) * H);
  const many = await sweep();
  expect(many).toEqual({ planned: 26, queued: 24, statements: one.statements });
  expect(await sweep()).toEqual({ planned: 26, queued: 0, statements: one.statements });
  expect((await db.query('select count(*)::int as n from jobs')).rows).toEqual([{ n: 26 }]);
});
