// Enqueueing on PGlite: the whole batch in one statement, whatever its size, each dedupe key once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { enqueueJobs, type NewJob } from './queue';

let db: ServerDb;
beforeEach(async () => {
  db = await openPgliteServerDb();
});
afterEach(async () => {
  await db.close();
});

const job = (i: number, over: Partial<NewJob> = {}): NewJob => ({
  orgId: 'org-1', kind: 'reminder', dedupeKey: `reminder:${i}`, runAt: 1_000 + i, payload: { appointmentId: `a${i}`, n: i }, ...over,
});

describe('enqueueJobs', () => {
  it('queues more jobs in one call than a statement may have bind parameters (65,535), and each dedupe key once', async () => {
    const jobs = Array.from({ length: 70_000 }, (_, i) => job(i));
    let statements = 0;
    const counted = { query: ((text: string, params?: unknown[]) => { statements++; return db.query(text, params); }) as ServerDb['query'] };
    expect(await enqueueJobs(counted, jobs, 5)).toBe(70_000);
    expect(statements).toBe(1);
    expect((await db.query('select count(*)::int as n, count(distinct dedupe_key)::int as keys, min(run_at)::int as first, max(run_at)::int as last from jobs')).rows)
      .toEqual([{ n: 70_000, keys: 70_000, first: 1_000, last: 70_999 }]);
    // Half already there: only the new half counts.
    expect(await enqueueJobs(db, Array.from({ length: 1_000 }, (_, i) => job(69_500 + i)), 6)).toBe(500);
    expect(await enqueueJobs(db, jobs, 7)).toBe(0);
  });

  it('keeps payloads and settings exactly as given', async () => {
    const awkward = { note: 'quote " backslash \\ comma, brace } ñ 日本 \u0001', nested: { list: [1, null, 'x'] }, flag: true };
    await enqueueJobs(db, [job(1, { payload: awkward, maxAttempts: 3 }), job(2, { kind: 'escalate', orgId: 'org-2' })], 42);
    const { rows } = await db.query('select org_id, kind, dedupe_key, payload, run_at, max_attempts, created_at, status, attempts from jobs order by dedupe_key');
    expect(rows).toEqual([
      { org_id: 'org-1', kind: 'reminder', dedupe_key: 'reminder:1', payload: awkward, run_at: 1_001, max_attempts: 3, created_at: 42, status: 'pending', attempts: 0 },
      { org_id: 'org-2', kind: 'escalate', dedupe_key: 'reminder:2', payload: { appointmentId: 'a2', n: 2 }, run_at: 1_002, max_attempts: 8, created_at: 42, status: 'pending', attempts: 0 },
    ]);
  });

  it('queues nothing, without a statement, for no jobs', async () => {
    const refuse = { query: () => Promise.reject(new Error('no statement expected')) };
    expect(await enqueueJobs(refuse, [], 1)).toBe(0);
  });
});
