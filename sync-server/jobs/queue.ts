// The jobs table as a queue shared by every server instance on one database. A job is
// claimed by taking a lease (locked_by, locked_until) in one statement that skips rows other
// instances hold (FOR UPDATE SKIP LOCKED), so instances never wait on each other and never
// run the same job at the same time while a lease lasts. An instance that dies simply lets
// its lease run out; the job is then claimed again, which is why every handler's effect is
// guarded by its own dedupe record (docs/jobs.md).
import type { Sql } from '../store/server-db';
import { defaultBackoff, retryDelayMs, type BackoffOptions } from './backoff';

export interface NewJob {
  orgId: string;
  kind: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  runAt: number;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  orgId: string;
  kind: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  /** Including this one. */
  attempts: number;
  maxAttempts: number;
}

/**
 * Inserts all jobs in one statement; a dedupe key already queued (or done) is left alone.
 * Returns how many were new. The jobs travel as one JSON document: a month of a clinic's
 * reminders is tens of thousands of rows, which PostgreSQL parses far faster from JSON than
 * from array literals with every payload quoted and escaped.
 */
export async function enqueueJobs(db: Sql, jobs: NewJob[], now: number): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = jobs.map((j) => ({ org_id: j.orgId, kind: j.kind, dedupe_key: j.dedupeKey, payload: j.payload, run_at: j.runAt, max_attempts: j.maxAttempts ?? 8 }));
  const { rows: counted } = await db.query<{ n: number }>(
    `with inserted as (
       insert into jobs (org_id, kind, dedupe_key, payload, run_at, max_attempts, created_at)
       select org_id, kind, dedupe_key, payload, run_at, max_attempts, $2
       from jsonb_to_recordset($1::jsonb) as t(org_id text, kind text, dedupe_key text, payload jsonb, run_at bigint, max_attempts int)
       on conflict (dedupe_key) do nothing
       returning 1)
     select count(*)::int as n from inserted`,
    [JSON.stringify(rows), now]);
  return counted[0]!.n;
}

export async function claimJobs(db: Sql, owner: string, now: number, { leaseMs, limit, kinds }: { leaseMs: number; limit: number; kinds?: string[] }): Promise<ClaimedJob[]> {
  const { rows } = await db.query<{ id: number; org_id: string; kind: string; dedupe_key: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
    `update jobs set attempts = attempts + 1, locked_by = $1, locked_until = $2 + $3
     where id in (
       select id from jobs
       where status = 'pending' and run_at <= $2 and (locked_until is null or locked_until <= $2)
         and ($5::text[] is null or kind = any($5::text[]))
       order by run_at, id
       limit $4
       for update skip locked)
     returning id, org_id, kind, dedupe_key, payload, attempts, max_attempts`,
    [owner, now, leaseMs, limit, kinds ?? null]);
  return rows
    .map((r) => ({ id: Number(r.id), orgId: r.org_id, kind: r.kind, dedupeKey: r.dedupe_key, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }))
    .sort((a, b) => a.id - b.id);
}

/** Only the lease holder may finish a job: one whose lease ran out and was re-claimed belongs to the new holder. */
export async function completeJob(db: Sql, job: ClaimedJob, owner: string, now: number): Promise<boolean> {
  const { rows } = await db.query(
    `update jobs set status = 'done', done_at = $3, locked_by = null, locked_until = null, last_error = null
     where id = $1 and locked_by = $2 and status = 'pending' returning id`, [job.id, owner, now]);
  return rows.length === 1;
}

export async function failJob(db: Sql, job: ClaimedJob, owner: string, now: number, error: string, { retryable, backoff = defaultBackoff, random }: { retryable: boolean; backoff?: BackoffOptions; random?: () => number }): Promise<'retry' | 'failed'> {
  const giveUp = !retryable || job.attempts >= job.maxAttempts;
  await db.query(
    `update jobs set status = $4, run_at = $5, locked_by = null, locked_until = null, last_error = $6, done_at = case when $4 = 'failed' then $3::bigint end
     where id = $1 and locked_by = $2 and status = 'pending'`,
    [job.id, owner, now, giveUp ? 'failed' : 'pending', giveUp ? now : now + retryDelayMs(job.attempts, backoff, random), error.slice(0, 2000)]);
  return giveUp ? 'failed' : 'retry';
}
