// POST /v1/changes, the merge path every write takes (devices, and later server jobs):
// validate, check the role, merge per column by HLC, keep the slot claims, log the answer.
// One transaction per change, so one rejected change never undoes its neighbours, and a
// re-sent change id gets its first answer back without being applied again.
import { changeSchema, type Change, type ChangeResult, type RejectionReason } from '../../db/crdt/change';
import { MAX_DRIFT_MS, driftAheadMs, type HybridClock } from '../../db/crdt/hlc';
import { latestTimestamp, mergeChange } from '../../db/crdt/merge';
import { checkWrite } from '../../db/rules/permissions';
import type { Role } from '../../db/rules/types';
import type { ReplicatedTableName } from '../../db/schema/registry';
import type { ServerDb, Sql } from '../store/server-db';
import { claimColumns, describeConflict, findConflict, refreshClaims, SlotTaken, toAppointment } from './claims';
import { claimsOf } from '../../db/rules/overlap';
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
  constructor(readonly reason: RejectionReason, message: string, readonly conflictsWith?: string) {
    super(message);
  }
}

export async function applyChanges(ctx: MergeContext, author: Author, changes: unknown[]): Promise<ChangeResult[]> {
  const staffRoles = new Map<string, Role | null>();
  const answers: ChangeResult[] = [];
  for (const raw of changes) {
    const answer = await applyOne(ctx, author, raw, staffRoles);
    answers.push(answer);
  }
  if (answers.length > 0) await ctx.publisher.publish(author.orgId);
  const results = await attachSequenceNumbers(ctx.db, answers);
  for (const r of results) ctx.onResult?.(r);
  return results;
}

async function applyOne(ctx: MergeContext, author: Author, raw: unknown, staffRoles: Map<string, Role | null>): Promise<ChangeResult> {
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '';
    return { id, status: 'rejected', reason: 'invalid', message: `Malformed change: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'change'} ${i.message}`).join('; ')}.` };
  }
  const change = parsed.data;
  const earlier = await previousAnswer(ctx.db, author.orgId, change.id);
  if (earlier) return earlier;

  try {
    const validation = validateChange(change);
    if (!validation.ok) throw new Rejection(validation.reason, validation.message);
    const newest = latestTimestamp(change.hlc);
    if (newest && driftAheadMs(newest, ctx.now()) > MAX_DRIFT_MS) {
      throw new Rejection('clock_drift', `This device's clock is ${Math.round(driftAheadMs(newest, ctx.now()) / 60_000)} minutes ahead of the server. Correct the date and time on this computer; the change will be sent again.`);
    }
    const role = await resolveRole(ctx.db, author, change, staffRoles);
    await withRetries(() => ctx.db.transaction((tx) => mergeInto(tx, author, role, validation.table, change, ctx.now())));
    if (newest) ctx.clock.receive(newest);
    return { id: change.id, status: 'accepted', seq: 0 };
  } catch (e) {
    // The same change id pushed twice at once (a retry racing the original): the loser
    // answers what the winner recorded.
    if (pgError(e).code === '23505' && pgError(e).constraint === 'change_log_pkey') {
      const first = await previousAnswer(ctx.db, author.orgId, change.id);
      if (first) return first;
    }
    const rejection = await toRejection(ctx.db, author, change, e);
    await recordRejection(ctx.db, author, change, rejection, ctx.now());
    return { id: change.id, status: 'rejected', reason: rejection.reason, message: rejection.message, ...(rejection.conflictsWith ? { conflictsWith: rejection.conflictsWith } : {}) };
  }
}

async function mergeInto(tx: Sql, author: Author, role: Role, table: ReplicatedTableName, change: Change, now: number): Promise<void> {
  const existing = await lockRow(tx, table, change.row);
  if (existing && existing.org_id !== author.orgId) throw new Rejection('forbidden', 'That record belongs to another organization.');
  const permission = checkWrite({ role, table, values: change.values, isNew: !existing });
  if (!permission.ok) throw new Rejection('forbidden', permission.message);
  if (table === 'audit_events' && change.values.device_id !== author.deviceId) {
    throw new Rejection('forbidden', 'A device may only append to its own audit trail.');
  }

  const { row: merged, won } = mergeChange(existing && rowState(table, existing), { values: change.values, hlc: change.hlc });
  if (!existing) await insertRow(tx, table, change.row, author.orgId, merged.values, merged.hlc);
  else if (won.length > 0) await updateRow(tx, table, change.row, merged.values, won, merged.hlc);

  if (table === 'appointments' && (!existing || won.some((c) => claimColumns.has(c)))) {
    await refreshClaims(tx, author.orgId, change.row, merged.values);
  }
  await tx.query(
    `insert into change_log (change_id, org_id, device_id, table_name, row_id, status, received_at) values ($1, $2, $3, $4, $5, 'accepted', $6)`,
    [change.id, author.orgId, author.deviceId, table, change.row, now]);
}

async function resolveRole(db: Sql, author: Author, change: Change, cache: Map<string, Role | null>): Promise<Role> {
  if (author.deviceRole === 'kiosk') return 'kiosk';
  if (author.deviceRole === 'system') return 'system';
  const staffId = change.staffUserId;
  if (!staffId) throw new Rejection('forbidden', 'Changes from a front-desk or manager device must name the signed-in staff member.');
  if (!cache.has(staffId)) {
    const { rows } = await db.query<{ role: Role }>(
      `select role from staff_users where id = $1 and org_id = $2 and active and not deleted`, [staffId, author.orgId]);
    cache.set(staffId, rows[0]?.role ?? null);
  }
  const role = cache.get(staffId);
  if (!role) throw new Rejection('forbidden', 'The staff member who made this change is unknown or inactive here. Sign in again.');
  return role;
}

async function toRejection(db: ServerDb, author: Author, change: Change, e: unknown): Promise<Rejection> {
  if (e instanceof Rejection) return e;
  if (e instanceof SlotTaken) return new Rejection('slot_taken', await describeConflict(db, author.orgId, e), e.conflictsWith);
  const pgCode = pgError(e).code;
  if (pgCode === '23P01') {
    // Lost a race the pre-check could not see (another transaction or instance committed
    // an overlapping claim first): find the winner now that it is visible.
    const row = await db.query<Record<string, unknown>>(`select * from appointments where id = $1`, [change.row]);
    const values = { ...(row.rows[0] ? rowState('appointments', row.rows[0]).values : {}), ...change.values };
    const conflict = await findConflict(db, author.orgId, change.row, claimsOf(toAppointment(change.row, values)));
    if (conflict) return new Rejection('slot_taken', await describeConflict(db, author.orgId, conflict), conflict.conflictsWith);
    return new Rejection('slot_taken', 'That time was taken by another booking a moment ago. Choose another time.');
  }
  if (pgCode === '23502' || pgCode === '22P02' || pgCode === '23505' || pgCode === '22003') {
    return new Rejection('invalid', `The change could not be stored: ${(e as Error).message}.`);
  }
  throw e;
}

function pgError(e: unknown): { code?: string; constraint?: string } {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  return err?.code ? err : err?.cause ?? {};
}

/** Crossing claims can deadlock two transactions; PostgreSQL aborts one, which simply retries. */
async function withRetries<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = pgError(e).code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw e;
      await new Promise((r) => setTimeout(r, 5 * i * Math.random()));
    }
  }
}

async function recordRejection(db: ServerDb, author: Author, change: Change, r: Rejection, now: number): Promise<void> {
  await db.query(
    `insert into change_log (change_id, org_id, device_id, table_name, row_id, status, reason, message, conflicts_with, received_at)
     values ($1, $2, $3, $4, $5, 'rejected', $6, $7, $8, $9) on conflict (change_id) do nothing`,
    [change.id, author.orgId, author.deviceId, change.table.slice(0, 64), change.row, r.reason, r.message, r.conflictsWith ?? null, now]);
}

async function previousAnswer(db: Sql, orgId: string, changeId: string): Promise<ChangeResult | null> {
  const { rows } = await db.query<{ status: 'accepted' | 'rejected'; seq: number | null; reason: RejectionReason; message: string; conflicts_with: string | null }>(
    `select status, seq, reason, message, conflicts_with from change_log where change_id = $1 and org_id = $2`, [changeId, orgId]);
  const r = rows[0];
  if (!r) return null;
  if (r.status === 'accepted') return { id: changeId, status: 'accepted', seq: r.seq ?? 0 };
  return { id: changeId, status: 'rejected', reason: r.reason, message: r.message, ...(r.conflicts_with ? { conflictsWith: r.conflicts_with } : {}) };
}

async function attachSequenceNumbers(db: Sql, answers: ChangeResult[]): Promise<ChangeResult[]> {
  const ids = answers.filter((a) => a.status === 'accepted' && a.seq === 0).map((a) => a.id);
  if (ids.length === 0) return answers;
  const { rows } = await db.query<{ change_id: string; seq: number }>(`select change_id, seq from change_log where change_id = any($1::text[])`, [ids]);
  const seqs = new Map(rows.map((r) => [r.change_id, r.seq]));
  return answers.map((a) => (a.status === 'accepted' && a.seq === 0 ? { ...a, seq: seqs.get(a.id)! } : a));
}
