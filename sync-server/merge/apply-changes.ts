// POST /v1/changes, the merge path every write takes (devices, and server jobs): validate,
// check the role, merge per column by HLC, keep the slot claims, log the answer.
//
// A push is applied in one transaction: rejections the server decides (roles, slot
// conflicts found by the claims check) are recorded without aborting it. Only an error
// from PostgreSQL itself aborts it (a race lost to another transaction's claim, a
// deadlock, a NOT NULL violation); then the push is re-run one change per transaction,
// so one bad change never takes its neighbours down. Re-sent change ids get their first
// answer back and are not applied again.
import { changeSchema, type Change, type ChangeResult, type RejectionReason } from '../../db/crdt/change';
import { MAX_DRIFT_MS, driftAheadMs, type HybridClock } from '../../db/crdt/hlc';
import { latestTimestamp, mergeChange } from '../../db/crdt/merge';
import { claimsOf } from '../../db/rules/overlap';
import { checkWrite } from '../../db/rules/permissions';
import type { Role } from '../../db/rules/types';
import type { ReplicatedTableName } from '../../db/schema/registry';
import type { ServerDb, Sql } from '../store/server-db';
import { appointmentFromRow } from '../../db/schema/appointment-row';
import { claimColumns, describeConflict, findConflict, replaceClaims, type SlotTaken } from './claims';
import { insertRow, lockRow, rowState, updateRow } from './pg-rows';
import type { Publisher } from './publish';
import { validateChange } from './validate';

export interface Author {
  orgId: string;
  deviceId: string;
  /** kiosk devices act as "kiosk"; other devices act as their signed-in staff user. */
  deviceRole: 'front_desk' | 'manager' | 'kiosk' | 'system';
}

export interface MergeContext {
  db: ServerDb;
  clock: HybridClock;
  publisher: Publisher;
  now: () => number;
  onResult?: (result: ChangeResult) => void;
}

class Rejection extends Error {
  constructor(readonly reason: RejectionReason, message: string, readonly conflict?: SlotTaken) {
    super(message);
  }
}

type Rejected = Extract<ChangeResult, { status: 'rejected' }>;

/** A change that passed the checks that need no database, ready to merge. */
interface Ready {
  change: Change;
  table: ReplicatedTableName;
  role: Role;
}

export async function applyChanges(ctx: MergeContext, author: Author, raw: unknown[]): Promise<ChangeResult[]> {
  const answers: (ChangeResult | null)[] = new Array(raw.length).fill(null);
  const ready = new Map<number, Ready>();
  const earlier = await previousAnswers(ctx.db, author.orgId, raw);
  const staffRoles = new Map<string, Role | null>();

  for (let i = 0; i < raw.length; i++) {
    const prepared = await prepare(ctx, author, raw[i], earlier, staffRoles);
    if ('status' in prepared) answers[i] = prepared;
    else ready.set(i, prepared);
  }
  // Pre-database rejections are final answers too: record them so a re-send gets the same one.
  // (A malformed change has no trustworthy id or row to file it under: it is answered, not logged.)
  for (const [i, answer] of answers.entries()) {
    if (answer?.status !== 'rejected' || earlier.has(answer.id)) continue;
    const parsed = changeSchema.safeParse(raw[i]);
    if (parsed.success) await recordRejection(ctx.db, author, parsed.data, answer, ctx.now());
  }

  // Each appointment change takes its claim-key locks in one sorted statement; several in
  // one transaction would take them in batch order, and two such batches can deadlock.
  const appointmentChanges = [...ready.values()].filter((r) => r.table === 'appointments').length;
  if (ready.size > 0 && appointmentChanges > 1) {
    for (const [i, item] of ready) answers[i] = await applyAlone(ctx, author, item);
  } else if (ready.size > 0) {
    try {
      const results = await ctx.db.transaction(async (tx) => {
        const out = new Map<number, ChangeResult>();
        for (const [i, item] of ready) out.set(i, await mergeAndLog(tx, ctx, author, item));
        return out;
      });
      for (const [i, r] of results) answers[i] = r;
    } catch {
      // Something only PostgreSQL could see went wrong (see top): one change at a time.
      for (const [i, item] of ready) answers[i] = await applyAlone(ctx, author, item);
    }
  }
  if (ready.size > 0) {
    for (const [i, item] of ready) {
      const newest = latestTimestamp(item.change.hlc);
      // An audit event's timestamp may be far ahead (see prepare): the clock must not follow it.
      if (newest && answers[i]?.status === 'accepted' && item.table !== 'audit_events') ctx.clock.receive(newest);
    }
  }

  await ctx.publisher.publish(author.orgId);
  const results = await attachSequenceNumbers(ctx.db, answers as ChangeResult[]);
  for (const r of results) ctx.onResult?.(r);
  return results;
}

async function prepare(ctx: MergeContext, author: Author, raw: unknown, earlier: Map<string, ChangeResult>, staffRoles: Map<string, Role | null>): Promise<ChangeResult | Ready> {
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : '';
    return { id, status: 'rejected', reason: 'invalid', message: `Malformed change: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'change'} ${i.message}`).join('; ')}.` };
  }
  const change = parsed.data;
  const previous = earlier.get(change.id);
  if (previous) return previous;
  const reject = (r: Rejection): Rejected => ({ id: change.id, status: 'rejected', reason: r.reason, message: r.message });
  const validation = validateChange(change);
  if (!validation.ok) return reject(new Rejection(validation.reason, validation.message));
  const newest = latestTimestamp(change.hlc);
  const ahead = newest ? driftAheadMs(newest, ctx.now()) : 0;
  // Audit events are appended, never merged, so a fast clock wins nothing with them; refusing
  // one would leave a hole in the device's hash chain here and a rejection nobody can act on.
  if (ahead > MAX_DRIFT_MS && validation.table !== 'audit_events') {
    return reject(new Rejection('clock_drift', `This device's clock is ${Math.round(ahead / 60_000)} minutes ahead of the server. Correct the date and time on this computer, then make the change again.`));
  }
  const role = await resolveRole(ctx.db, author, change, staffRoles);
  if (typeof role !== 'string') return reject(role);
  return { change, table: validation.table, role };
}

/** Merge one change inside `tx` and log its answer there. Server-decided rejections do not throw. */
async function mergeAndLog(tx: Sql, ctx: MergeContext, author: Author, item: Ready): Promise<ChangeResult> {
  const { change, table, role } = item;
  const now = ctx.now();
  const outcome = await merge(tx, author, role, table, change);
  if (outcome instanceof Rejection) {
    const { conflict } = outcome;
    const message = conflict ? await describeConflict(tx, author.orgId, conflict) : outcome.message;
    const rejected: Rejected = { id: change.id, status: 'rejected', reason: outcome.reason, message, ...(conflict ? { conflictsWith: conflict.conflictsWith } : {}) };
    await recordRejection(tx, author, change, rejected, now);
    return rejected;
  }
  await tx.query(
    `insert into change_log (change_id, org_id, device_id, table_name, row_id, status, received_at) values ($1, $2, $3, $4, $5, 'accepted', $6)`,
    [change.id, author.orgId, author.deviceId, table, change.row, now]);
  return { id: change.id, status: 'accepted', seq: 0 };
}

async function merge(tx: Sql, author: Author, role: Role, table: ReplicatedTableName, change: Change): Promise<Rejection | null> {
  const existing = await lockRow(tx, table, change.row);
  if (existing && existing.org_id !== author.orgId) return new Rejection('forbidden', 'That record belongs to another organization.');
  const permission = checkWrite({ role, table, values: change.values, isNew: !existing });
  if (!permission.ok) return new Rejection('forbidden', permission.message);
  if (table === 'audit_events' && change.values.device_id !== author.deviceId) return new Rejection('forbidden', 'A device may only append to its own audit trail.');

  const stored = existing && rowState(table, existing);
  const { row: merged, won } = mergeChange(stored, { values: change.values, hlc: change.hlc });
  if (table === 'appointments' && (!stored || won.some((c) => claimColumns.has(c)))) {
    const conflict = await replaceClaims(tx, author.orgId, change.row, merged.values, stored ? stored.values : null);
    if (conflict) return new Rejection('slot_taken', 'slot taken', conflict);
  }
  if (!existing) await insertRow(tx, table, change.row, author.orgId, merged.values, merged.hlc);
  else if (won.length > 0) await updateRow(tx, table, change.row, merged.values, won, merged.hlc);
  return null;
}

/** The slow path: this change alone, with retries for deadlocks and PostgreSQL's errors turned into answers. */
async function applyAlone(ctx: MergeContext, author: Author, item: Ready): Promise<ChangeResult> {
  const { change } = item;
  try {
    return await withRetries(() => ctx.db.transaction((tx) => mergeAndLog(tx, ctx, author, item)));
  } catch (e) {
    const err = pgError(e);
    if (err.code === '23505' && err.constraint === 'change_log_pkey') {
      // The same change id twice at once (a retry racing the original): answer what the winner recorded.
      const first = (await previousAnswers(ctx.db, author.orgId, [change])).get(change.id);
      if (first) return first;
    }
    const rejected = await toRejection(ctx.db, author, change, e);
    await recordRejection(ctx.db, author, change, rejected, ctx.now());
    return rejected;
  }
}

async function resolveRole(db: Sql, author: Author, change: Change, cache: Map<string, Role | null>): Promise<Role | Rejection> {
  if (author.deviceRole === 'kiosk') return 'kiosk';
  if (author.deviceRole === 'system') return 'system';
  const staffId = change.staffUserId;
  if (!staffId) return new Rejection('forbidden', 'Changes from a front-desk or manager device must name the signed-in staff member.');
  if (!cache.has(staffId)) {
    const { rows } = await db.query<{ role: Role }>(
      `select role from staff_users where id = $1 and org_id = $2 and active and not deleted`, [staffId, author.orgId]);
    cache.set(staffId, rows[0]?.role ?? null);
  }
  return cache.get(staffId) ?? new Rejection('forbidden', 'The staff member who made this change is unknown or inactive here. Sign in again.');
}

async function toRejection(db: ServerDb, author: Author, change: Change, e: unknown): Promise<Rejected> {
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

async function recordRejection(db: Sql, author: Author, change: Pick<Change, 'id' | 'table' | 'row'>, r: Rejected, now: number): Promise<void> {
  await db.query(
    `insert into change_log (change_id, org_id, device_id, table_name, row_id, status, reason, message, conflicts_with, received_at)
     values ($1, $2, $3, $4, $5, 'rejected', $6, $7, $8, $9) on conflict (change_id) do nothing`,
    [change.id, author.orgId, author.deviceId, String(change.table).slice(0, 64), change.row, r.reason, r.message, r.conflictsWith ?? null, now]);
}

async function previousAnswers(db: Sql, orgId: string, raw: unknown[]): Promise<Map<string, ChangeResult>> {
  const ids = raw.map((c) => (c as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ change_id: string; status: 'accepted' | 'rejected'; seq: number | null; reason: RejectionReason; message: string; conflicts_with: string | null }>(
    `select change_id, status, seq, reason, message, conflicts_with from change_log where change_id = any($1::text[]) and org_id = $2`, [ids, orgId]);
  return new Map(rows.map((r) => [r.change_id, r.status === 'accepted'
    ? { id: r.change_id, status: 'accepted', seq: r.seq ?? 0 }
    : { id: r.change_id, status: 'rejected', reason: r.reason, message: r.message, ...(r.conflicts_with ? { conflictsWith: r.conflicts_with } : {}) }]));
}

async function attachSequenceNumbers(db: Sql, answers: ChangeResult[]): Promise<ChangeResult[]> {
  const ids = answers.filter((a) => a.status === 'accepted' && a.seq === 0).map((a) => a.id);
  if (ids.length === 0) return answers;
  const { rows } = await db.query<{ change_id: string; seq: number }>(`select change_id, seq from change_log where change_id = any($1::text[])`, [ids]);
  const seqs = new Map(rows.map((r) => [r.change_id, r.seq]));
  return answers.map((a) => (a.status === 'accepted' && a.seq === 0 ? { ...a, seq: seqs.get(a.id)! } : a));
}
