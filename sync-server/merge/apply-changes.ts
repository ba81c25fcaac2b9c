// POST /v1/changes, the merge path every write takes (devices, and server jobs): validate,
// check the role, merge per column by HLC, keep the slot claims, log the answer.
//
// Concurrent pushes are merged together, in one transaction per batch (group-commit.ts,
// merge-batch.ts); the answers are those of applying every change one after another.
// Rejections the server decides (roles, slot conflicts) are answers, not errors. Only an
// error from PostgreSQL itself aborts a batch (a race lost to another instance's claim, a
// NOT NULL violation); then its changes are re-run one per transaction, so one bad change
// never takes its neighbours down. Re-sent change ids get their first answer back and are
// not applied again.
import type { Change, ChangeResult, RejectionReason } from '../../db/crdt/change';
import type { HybridClock } from '../../db/crdt/hlc';
import { latestTimestamp } from '../../db/crdt/merge';
import { claimsOf } from '../../db/rules/overlap';
import { appointmentFromRow } from '../../db/schema/appointment-row';
import type { ServerDb, Sql } from '../store/server-db';
import { describeConflict, findConflict } from './claims';
import { GroupCommitter } from './group-commit';
import { AlreadyRecorded, answerFromLog, earlierAnswers, logAnswers, mergeBatch, type Author, type BatchItem, type LogEntry, type Rejected } from './merge-batch';
import { rowState } from './pg-rows';
import { prepareChange } from './prepare';
import type { Publisher } from './publish';

export type { Author } from './merge-batch';

export interface MergeContext {
  db: ServerDb;
  clock: HybridClock;
  publisher: Publisher;
  now: () => number;
  onResult?: (result: ChangeResult) => void;
}

interface Push {
  author: Author;
  raw: unknown[];
}

const committers = new WeakMap<MergeContext, GroupCommitter<Push, ChangeResult[]>>();

export function applyChanges(ctx: MergeContext, author: Author, raw: unknown[]): Promise<ChangeResult[]> {
  let committer = committers.get(ctx);
  if (!committer) {
    committer = new GroupCommitter<Push, ChangeResult[]>({ commit: (pushes) => commitPushes(ctx, pushes), size: (p) => p.raw.length });
    committers.set(ctx, committer);
  }
  return committer.submit({ author, raw });
}

type Slot = { push: number; index: number };

async function commitPushes(ctx: MergeContext, pushes: Push[]): Promise<(ChangeResult[] | Error)[]> {
  const now = ctx.now();
  const answers: (ChangeResult | null)[][] = pushes.map((p) => new Array<ChangeResult | null>(p.raw.length).fill(null));
  const failures = new Map<number, Error>();

  const ready: (BatchItem & Slot)[] = [];
  const refusals: (LogEntry & { result: Rejected } & Slot)[] = [];
  const first = new Map<string, Slot>();
  const duplicates: { slot: Slot; of: Slot }[] = [];
  pushes.forEach(({ author, raw }, push) => raw.forEach((r, index) => {
    const p = prepareChange(r, now);
    if (p.kind === 'malformed') {
      answers[push]![index] = p.result;
      return;
    }
    const seen = first.get(p.change.id);
    if (seen) {
      duplicates.push({ slot: { push, index }, of: seen });
      return;
    }
    first.set(p.change.id, { push, index });
    if (p.kind === 'refused') refusals.push({ author, change: p.change, result: p.result, push, index });
    else ready.push({ author, change: p.change, table: p.table, push, index });
  }));

  if (ready.length > 0 || refusals.length > 0) {
    const merged = await mergeTogether(ctx, ready, refusals, now) ?? await mergeOneByOne(ctx, ready, refusals, now);
    merged.forEach((result, i) => {
      const { push, index } = i < ready.length ? ready[i]! : refusals[i - ready.length]!;
      if (result instanceof Error) failures.set(push, result);
      else answers[push]![index] = result;
    });
  }
  for (const { slot, of } of duplicates) {
    const original = answers[of.push]![of.index];
    if (original) answers[slot.push]![slot.index] = original;
  }

  for (const item of ready) {
    const newest = latestTimestamp(item.change.hlc);
    // An audit event's timestamp may be far ahead (see prepare.ts): the clock must not follow it.
    if (newest && answers[item.push]![item.index]?.status === 'accepted' && item.table !== 'audit_events') ctx.clock.receive(newest);
  }
  // Changes merged one by one, and earlier answers another instance has not numbered yet.
  const unnumbered = pushes.filter((_, push) => answers[push]!.some((a) => a?.status === 'accepted' && a.seq === 0));
  if (unnumbered.length > 0) {
    await Promise.all([...new Set(unnumbered.map((p) => p.author.orgId))].map((orgId) => ctx.publisher.publish(orgId)));
    await attachSequenceNumbers(ctx.db, answers.flat().filter((a): a is ChangeResult => a !== null));
  }

  return pushes.map((_, push) => {
    const failure = failures.get(push);
    if (failure) return failure;
    const results = answers[push]!.map((a) => a!);
    for (const r of results) ctx.onResult?.(r);
    return results;
  });
}

/**
 * The whole batch in one transaction, numbered before it commits (merge-batch.ts, publish
 * option); answers for `ready`, then `refusals`. Null when it must be split (see mergeOneByOne).
 */
async function mergeTogether(ctx: MergeContext, ready: BatchItem[], refusals: LogEntry[], now: number): Promise<ChangeResult[] | null> {
  try {
    return await withRetries(() => ctx.db.transaction((tx) => mergeBatch(tx, ready, now, { refusals, publish: true })), 3);
  } catch {
    // A claim the batch did not lock, a change id another instance recorded first, or
    // something only PostgreSQL could see (see top): one change at a time.
    return null;
  }
}

async function mergeOneByOne(ctx: MergeContext, ready: BatchItem[], refusals: LogEntry[], now: number): Promise<(ChangeResult | Error)[]> {
  const out: (ChangeResult | Error)[] = [];
  for (const item of ready) {
    try {
      out.push(await mergeAlone(ctx, item, now));
    } catch (e) {
      out.push(e instanceof Error ? e : new Error(String(e)));
    }
  }
  if (refusals.length > 0) out.push(...await withRetries(() => ctx.db.transaction((tx) => mergeBatch(tx, [], now, { refusals }))));
  return out;
}

/** This change alone, with retries for deadlocks and PostgreSQL's errors turned into answers. */
async function mergeAlone(ctx: MergeContext, item: BatchItem, now: number): Promise<ChangeResult> {
  const { author, change } = item;
  try {
    const [result] = await withRetries(() => ctx.db.transaction((tx) => mergeBatch(tx, [item], now)));
    return result!;
  } catch (e) {
    if (e instanceof AlreadyRecorded) {
      // The same change id twice at once (a retry racing the original): answer what the winner recorded.
      const recorded = (await earlierAnswers(ctx.db, [change.id])).get(change.id);
      if (recorded) return answerFromLog(author, change.id, recorded);
    }
    const rejected = await toRejection(ctx.db, author, change, e);
    await logAnswers(ctx.db, [{ author, change, result: rejected }], now);
    return rejected;
  }
}

async function toRejection(db: Sql, author: Author, change: Change, e: unknown): Promise<Rejected> {
  const code = pgError(e).code;
  const reject = (reason: RejectionReason, message: string, conflictsWith?: string): Rejected =>
    ({ id: change.id, status: 'rejected', reason, message, ...(conflictsWith ? { conflictsWith } : {}) });
  if (code === '23P01') {
    // Lost a race the check could not see (another transaction or instance committed an
    // overlapping claim first): find the winner now that it is visible.
    const { rows } = await db.query<Record<string, unknown>>(`select * from appointments where id = $1`, [change.row]);
    const values = { ...(rows[0] ? rowState('appointments', rows[0]).values : {}), ...change.values };
    const conflict = await findConflict(db, author.orgId, change.row, claimsOf(appointmentFromRow({ ...values, id: change.row })));
    if (conflict) return reject('slot_taken', await describeConflict(db, author.orgId, conflict), conflict.conflictsWith);
    return reject('slot_taken', 'That time was taken by another booking a moment ago. Choose another time.');
  }
  if (code === '23502' || code === '22P02' || code === '23505' || code === '22003' || code === '22007') {
    return reject('invalid', `The change could not be stored: ${(e as Error).message}.`);
  }
  throw e;
}

function pgError(e: unknown): { code?: string; constraint?: string } {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  return err?.code ? err : err?.cause ?? {};
}

/** Crossing claims can deadlock two transactions; PostgreSQL aborts one, which simply retries. */
async function withRetries<T>(fn: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = pgError(e).code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw e;
      await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** i) * (0.5 + Math.random() / 2)));
    }
  }
}

/** Accepted answers get the sequence number the publisher gave them (in place). */
async function attachSequenceNumbers(db: Sql, answers: ChangeResult[]): Promise<void> {
  const pending = answers.filter((a): a is Extract<ChangeResult, { status: 'accepted' }> => a.status === 'accepted' && a.seq === 0);
  if (pending.length === 0) return;
  const { rows } = await db.query<{ change_id: string; seq: number }>(`select change_id, seq from change_log where change_id = any($1::text[])`, [[...new Set(pending.map((a) => a.id))]]);
  const seqs = new Map(rows.map((r) => [r.change_id, Number(r.seq)]));
  for (const a of pending) a.seq = seqs.get(a.id)!;
}
