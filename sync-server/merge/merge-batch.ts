// One transaction's worth of changes, merged with a fixed number of statements whatever
// the batch size: the changes of every push that arrived together (group-commit.ts).
//
// The outcome is exactly that of applying the changes one after another in batch order:
// rows and slot claims are tracked in memory as the batch goes, so a change sees the
// effect of the changes before it (a move that frees a slot, then a booking that takes it).
// What the database must decide is asked once for the batch, up front and under locks
// (rows, staff roles, the claims on every key the batch touches); the writes go out once
// at the end. When a change turns out to need a claim the batch did not lock (it depends
// on an earlier change of the same batch being refused), the batch is split instead.
import type { Change, ChangeResult, RejectionReason } from '../../db/crdt/change';
import { mergeChange, type ColumnValues, type RowState } from '../../db/crdt/merge';
import { claimsOf, type Claim } from '../../db/rules/overlap';
import { checkWrite } from '../../db/rules/permissions';
import { auditEventFromChange, checkChainContinuation } from '../../db/audit/continuation';
import { checkKioskCheckInFrom } from '../../db/rules/kiosk';
import type { AppointmentStatus, Role } from '../../db/rules/types';
import { appointmentFromRow } from '../../db/schema/appointment-row';
import { replicatedTableNames, tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import { PUBLISH_CHANNEL, type Sql } from '../store/server-db';
import { Statement } from '../store/statement';
import { claimColumns, claimKeyLocksSql, describeConflict, insertClaimsSql, loadOverlappingClaims, lockClaimKeys, releaseClaims, SlotTaken, type ClaimKey, type StoredClaim } from './claims';
import { lockRowsSql, rowState, writeRowsSql, type PgRow, type RowWrite } from './pg-rows';
import { baseOf, numberCommitted, setAsideSql, unnumberedSql } from './publish';

export interface Author {
  orgId: string;
  deviceId: string;
  /** kiosk devices act as "kiosk"; other devices act as their signed-in staff user. */
  deviceRole: 'front_desk' | 'manager' | 'kiosk' | 'system';
}

/** A change that passed the checks that need no database. */
export interface BatchItem {
  author: Author;
  change: Change;
  table: ReplicatedTableName;
}

export type Rejected = Extract<ChangeResult, { status: 'rejected' }>;

/** The batch needs a claim it did not lock up front: run its changes one at a time. */
export class BatchNeedsSplitting extends Error {}

/** Another transaction recorded one of these change ids first (a retry racing its original). */
export class AlreadyRecorded extends Error {}

class Rejection {
  constructor(readonly reason: RejectionReason, readonly message: string, readonly conflict?: SlotTaken) {}
}

interface Stored {
  orgId: string;
  state: RowState;
}

const rowKey = (table: string, id: string) => `${table}\u0000${id}`;
const claimKey = (orgId: string, c: Pick<Claim, 'kind' | 'key'>) => `${orgId}\u0000${c.kind}\u0000${c.key}`;

/** An answer to file in the change log. */
export interface LogEntry {
  author: Author;
  change: Pick<Change, 'id' | 'table' | 'row'>;
  result: ChangeResult;
}

export interface MergeOptions {
  /** Answers decided before the batch (prepare.ts refusals), filed with it. */
  refusals?: LogEntry[];
  /**
   * Number the batch's changes, and every committed change still unnumbered, as it
   * writes (publish.ts numberCommitted, setAsideSql), holding the organizations' publication locks until
   * `tx` commits: rows and log entries are written with their numbers once, never
   * stamped afterwards, and every instance's long-polls are woken by a NOTIFY in the
   * statement that writes them, delivered at commit. Without it, accepted answers carry
   * seq 0 until published.
   */
  publish?: boolean;
}

/**
 * Merge `items` in order inside `tx`, write the rows, claims and change log. Answers come
 * back for `items`, then for `options.refusals`. A change id the log already holds gets
 * its first answer and is not applied again (another organization's id is refused).
 */
export async function mergeBatch(tx: Sql, allItems: BatchItem[], now: number, options: MergeOptions = {}): Promise<ChangeResult[]> {
  const expected = expectedClaimKeys(allItems);
  const { earlier, roles, rows: dbRows } = await readBatchState(tx, allItems, options.refusals ?? [], expected);
  const items = allItems.filter((i) => !earlier.has(i.change.id));
  const refusals = (options.refusals ?? []).filter((r) => !earlier.has(r.change.id));
  const brokenChains = await checkAuditChains(tx, items, dbRows);

  // Pass 1: every claim key and range the batch could touch if every change were accepted.
  const planned = new Map<string, { start: number; end: number }[]>();
  const lockKeys: ClaimKey[] = [];
  const wanted: (Claim & { orgId: string })[] = [];
  walk(items, roles, dbRows, brokenChains, (item, effect) => {
    if (effect instanceof Rejection) return false;
    for (const c of effect.held) lockKeys.push({ orgId: item.author.orgId, kind: c.kind, key: c.key });
    for (const c of effect.claims) {
      lockKeys.push({ orgId: item.author.orgId, kind: c.kind, key: c.key });
      wanted.push({ ...c, orgId: item.author.orgId });
      const ranges = planned.get(claimKey(item.author.orgId, c)) ?? [];
      ranges.push({ start: c.start, end: c.end });
      planned.set(claimKey(item.author.orgId, c), ranges);
    }
    return true;
  });
  const locked = new Set(expected.map((k) => claimKey(k.orgId, k)));
  const unlocked = lockKeys.filter((k) => !locked.has(claimKey(k.orgId, k)));
  // A second lock statement breaks the one sorted order: two instances crossing here can
  // deadlock, which PostgreSQL breaks and withRetries (apply-changes.ts) runs again. Only a
  // change that does not name every key it claims (a move of a stored appointment) needs it.
  await lockClaimKeys(tx, unlocked);
  for (const k of unlocked) locked.add(claimKey(k.orgId, k));
  const index = new ClaimIndex(await loadOverlappingClaims(tx, wanted));

  // Pass 2: the real decisions, in order.
  const outcomes: (Rejection | null)[] = [];
  // A refused change is told about the holder as it was then, not as later changes of the batch leave it.
  const holders = new Map<number, ColumnValues>();
  const claimRewrites = new Map<string, StoredClaim[]>();
  const touched = new Map<string, { table: ReplicatedTableName; id: string; orgId: string; inDb: boolean; state: RowState; won: Set<string>; lastChange: string }>();
  walk(items, roles, dbRows, brokenChains, (item, effect, current) => {
    if (effect instanceof Rejection) {
      outcomes.push(effect);
      return false;
    }
    const { author, change } = item;
    if (effect.claimsChange) {
      const covered = effect.held.every((c) => locked.has(claimKey(author.orgId, c)))
        && effect.claims.every((c) => (planned.get(claimKey(author.orgId, c)) ?? []).some((r) => r.start <= c.start && c.end <= r.end));
      if (!covered) throw new BatchNeedsSplitting();
      const conflict = effect.exclusive ? index.conflictWith(author.orgId, change.row, effect.claims) : null;
      if (conflict) {
        const holder = current('appointments', conflict.conflictsWith);
        if (holder) holders.set(outcomes.length, holder.state.values);
        outcomes.push(new Rejection('slot_taken', 'slot taken', conflict));
        return false;
      }
      const stored = effect.claims.map((c) => ({ ...c, appointmentId: change.row, orgId: author.orgId, exclusive: effect.exclusive }));
      index.replace(change.row, stored);
      claimRewrites.set(change.row, stored);
    }
    const key = rowKey(item.table, change.row);
    const row = touched.get(key) ?? { table: item.table, id: change.row, orgId: author.orgId, inDb: dbRows.has(key), state: effect.merged, won: new Set<string>(), lastChange: change.id };
    row.state = effect.merged;
    row.lastChange = change.id;
    for (const c of effect.won) row.won.add(c);
    touched.set(key, row);
    outcomes.push(null);
    return true;
  });

  // The answers, before any lock that other batches wait for is taken.
  const results: ChangeResult[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const { change } = items[i]!;
    if (!outcome) {
      // Its number, if the batch is numbered, once the write has set the numbers aside.
      results.push({ id: change.id, status: 'accepted', seq: 0 });
      continue;
    }
    const { conflict } = outcome;
    const message = conflict ? await describeConflict(tx, items[i]!.author.orgId, conflict, holders.get(i)) : outcome.message;
    results.push({ id: change.id, status: 'rejected', reason: outcome.reason, message, ...(conflict ? { conflictsWith: conflict.conflictsWith } : {}) });
  }

  // Only appointments already stored can hold claims to let go of.
  const held = [...claimRewrites.keys()].filter((id) => dbRows.has(rowKey('appointments', id)));
  const numbering = options.publish ? placesInOrganization([...items, ...refusals]) : null;
  await releaseClaims(tx, held);

  const entries = [...items.map((item, i) => ({ author: item.author, change: item.change, result: results[i]! })), ...refusals];

  // The numbers (which lock the organizations' sequences until commit: publish.ts), the
  // claims, the rows and the log, in one statement.
  const st = new Statement();
  const ctes: string[] = numbering ? [setAsideSql(st, numbering.counts)] : [];
  const claims = [...claimRewrites.values()].flat();
  if (claims.length > 0) ctes.push(`w${ctes.length} as (${insertClaimsSql(st, claims)})`);
  for (const table of replicatedTableNames) {
    const rows = [...touched.values()].filter((r) => r.table === table);
    const write = (r: (typeof rows)[number], columns: string[]): RowWrite => ({ id: r.id, orgId: r.orgId, values: r.state.values, hlc: r.state.hlc, columns, ...(numbering ? { place: numbering.places.get(r.lastChange)! } : {}) });
    const inserts = rows.filter((r) => !r.inDb).map((r) => write(r, Object.keys(r.state.values)));
    // A numbered batch stamps every row an accepted change touched, as the publisher would.
    const updates = rows.filter((r) => r.inDb && (r.won.size > 0 || numbering)).map((r) => write(r, [...r.won]));
    for (const w of writeRowsSql(st, table, inserts, updates)) ctes.push(`w${ctes.length} as (${w})`);
  }
  const { recorded, bases, unnumbered } = entries.length === 0 ? { recorded: new Set<string>(), bases: new Map<string, number>(), unnumbered: [] } : await runLogging(tx, st, ctes, entries, now, numbering?.places);
  // A numbered batch must file every entry: a number set aside and not used would leave a gap.
  if (numbering ? recorded.size < entries.length : results.some((r) => r.status === 'accepted' && !recorded.has(r.id))) throw new AlreadyRecorded();
  if (numbering) {
    for (const [i, r] of results.entries()) if (r.status === 'accepted') r.seq = bases.get(items[i]!.author.orgId)! + numbering.places.get(r.id)!;
  }
  // Changes other writers committed unnumbered get the numbers after the batch's, while it
  // still holds the sequences.
  for (const orgId of unnumbered) await numberCommitted(tx, orgId);

  const byId = new Map(entries.map((e) => [e.change.id, e.result]));
  const answer = (author: Author, id: string) => {
    const first = earlier.get(id);
    return first ? answerFromLog(author, id, first) : byId.get(id)!;
  };
  return [...allItems.map((i) => answer(i.author, i.change.id)), ...(options.refusals ?? []).map((r) => answer(r.author, r.change.id))];
}

/**
 * Each entry's place among its organization's entries, in batch order (1, 2, ...): its
 * number is the organization's base, set aside by the write (publish.ts setAsideSql), plus its place.
 */
function placesInOrganization(entries: { author: Author; change: Pick<Change, 'id'> }[]): { places: Map<string, number>; counts: Map<string, number> } {
  const places = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const e of entries) {
    const n = (counts.get(e.author.orgId) ?? 0) + 1;
    counts.set(e.author.orgId, n);
    places.set(e.change.id, n);
  }
  return { places, counts };
}

interface Effect {
  merged: RowState;
  won: string[];
  /** The appointment's claims after this change, and before it (for locking). */
  claimsChange: boolean;
  claims: Claim[];
  held: Claim[];
  exclusive: boolean;
}

/**
 * Decide each change against the rows as the batch has left them so far. `visit` returns
 * whether the change is applied (so later changes see it).
 */
function walk(items: BatchItem[], roles: Map<string, Role | null>, dbRows: Map<string, Stored>, refusedUpFront: Map<string, Rejection>, visit: (item: BatchItem, effect: Effect | Rejection, current: (table: string, id: string) => Stored | undefined) => boolean): void {
  const rows = new Map(dbRows);
  const current = (table: string, id: string) => rows.get(rowKey(table, id));
  for (const item of items) {
    const key = rowKey(item.table, item.change.row);
    const stored = rows.get(key);
    const effect = refusedUpFront.get(item.change.id) ?? decide(item, roleOf(item, roles), stored);
    if (visit(item, effect, current) && !(effect instanceof Rejection)) rows.set(key, { orgId: stored?.orgId ?? item.author.orgId, state: effect.merged });
  }
}

function decide(item: BatchItem, role: Role | Rejection, stored: Stored | undefined): Effect | Rejection {
  if (role instanceof Rejection) return role;
  const { author, change, table } = item;
  if (stored && stored.orgId !== author.orgId) return new Rejection('forbidden', 'That record belongs to another organization.');
  const permission = checkWrite({ role, table, values: change.values, isNew: !stored });
  if (!permission.ok) return new Rejection('forbidden', permission.message);
  if (role === 'kiosk' && table === 'appointments') {
    // checkWrite sees only the pushed columns: a check-in must not revive a cancelled visit.
    const revive = checkKioskCheckInFrom(stored ? (stored.state.values.status as AppointmentStatus) : null);
    if (!revive.ok) return new Rejection('forbidden', revive.message);
  }
  if (table === 'audit_events' && change.values.device_id !== author.deviceId) return new Rejection('forbidden', 'A device may only append to its own audit trail.');
  const { row: merged, won } = mergeChange(stored?.state, { values: change.values, hlc: change.hlc });
  if (!stored) {
    // Asked here rather than left to NOT NULL: the answer must not depend on whether a later
    // change of the same batch completes the row before it is written.
    const missing = requiredColumns(table).filter((c) => merged.values[c] === undefined || merged.values[c] === null);
    if (missing.length > 0) return new Rejection('invalid', `A new ${table} record needs ${missing.join(', ')}.`);
  }
  const claimsChange = table === 'appointments' && (!stored || won.some((c) => claimColumns.has(c)));
  if (!claimsChange) return { merged, won, claimsChange, claims: [], held: [], exclusive: false };
  const claims = merged.values.deleted === true ? [] : claimsOf(appointmentFromRow({ ...merged.values, id: change.row }));
  const held = stored && stored.state.values.deleted !== true ? claimsOf(appointmentFromRow({ ...stored.state.values, id: change.row })) : [];
  return { merged, won, claimsChange, claims, held, exclusive: merged.values.overbook !== true };
}

const required = new Map<ReplicatedTableName, string[]>();
function requiredColumns(table: ReplicatedTableName): string[] {
  let columns = required.get(table);
  if (!columns) {
    const spec = tableSpecs[table];
    columns = spec.columns.filter((c) => c.notNull && !c.hasDefault && spec.writable.has(c.name)).map((c) => c.name);
    required.set(table, columns);
  }
  return columns;
}

function roleOf(item: BatchItem, roles: Map<string, Role | null>): Role | Rejection {
  const { author, change } = item;
  if (author.deviceRole === 'kiosk') return 'kiosk';
  if (author.deviceRole === 'system') return 'system';
  // A front desk that hosts the waiting-room kiosk writes the patients' own check-ins with
  // nobody signed in: those act with the kiosk's rights (a check-in, nothing else).
  if (!change.staffUserId) {
    return author.deviceRole === 'front_desk' ? 'kiosk'
      : new Rejection('forbidden', 'Changes from a manager device must name the signed-in staff member.');
  }
  return roles.get(`${author.orgId}\u0000${change.staffUserId}`)
    ?? new Rejection('forbidden', 'The staff member who made this change is unknown or inactive here. Sign in again.');
}

interface BatchState {
  /** First answers already filed for the batch's change ids. */
  earlier: Map<string, { orgId: string; result: ChangeResult }>;
  roles: Map<string, Role | null>;
  rows: Map<string, Stored>;
}

/**
 * The claim keys the batch's appointment changes name outright (a new booking names its
 * provider, rooms and patient): locked with the rows, so most batches need no lock
 * statement of their own. Keys a change claims without naming them are locked after the
 * rows are read.
 */
function expectedClaimKeys(items: BatchItem[]): ClaimKey[] {
  const keys: ClaimKey[] = [];
  for (const { author, change, table } of items) {
    if (table !== 'appointments') continue;
    const { provider_id: provider, patient_id: patient, resource_ids: resources } = change.values;
    if (typeof provider === 'string') keys.push({ orgId: author.orgId, kind: 'provider', key: provider });
    if (typeof patient === 'string') keys.push({ orgId: author.orgId, kind: 'patient', key: patient });
    if (Array.isArray(resources)) for (const r of resources) if (typeof r === 'string') keys.push({ orgId: author.orgId, kind: 'resource', key: r });
  }
  return keys;
}

/**
 * Everything the batch must know before deciding, in one statement: the answers already
 * filed for its change ids, the signed-in staff's roles, and its rows, locked table by
 * table in the registry's order, ids sorted (the same order in every batch), then the
 * claim keys its changes name (expectedClaimKeys).
 */
async function readBatchState(tx: Sql, items: BatchItem[], refusals: LogEntry[], keys: ClaimKey[]): Promise<BatchState> {
  const st = new Statement();
  const staffIds = [...new Set(items.filter((i) => i.author.deviceRole !== 'kiosk' && i.author.deviceRole !== 'system' && i.change.staffUserId).map((i) => i.change.staffUserId!))];
  const tables = replicatedTableNames.filter((table) => items.some((i) => i.table === table));
  const parts = [
    `(select coalesce(json_agg(l), '[]') from (select ${LOGGED_ANSWER} from change_log where change_id = any(${st.param([...items.map((i) => i.change.id), ...refusals.map((r) => r.change.id)], 'text[]')})) as l) as earlier`,
    `(select coalesce(json_agg(s), '[]') from (select id, org_id, role from staff_users where id = any(${st.param(staffIds, 'text[]')}) and active and not deleted) as s) as roles`,
    ...tables.map((table, n) => `${lockRowsSql(st, table, [...new Set(items.filter((i) => i.table === table).map((i) => i.change.row))].sort())} as rows${n}`),
    // After the rows, as every batch locks them; the overlap read that relies on these locks is a later statement.
    ...(keys.length > 0 ? [`${claimKeyLocksSql(st, keys)} as keyed`] : []),
  ];
  const { rows: [found] } = await tx.query<Record<string, unknown>>(`select ${parts.join(',\n       ')}`, st.values);
  const earlier = new Map((found!.earlier as EarlierAnswer[]).map((r) => [r.change_id, { orgId: r.org_id, result: answerOf(r) }]));
  const roles = new Map((found!.roles as { id: string; org_id: string; role: Role }[]).map((r) => [`${r.org_id}\u0000${r.id}`, r.role]));
  const rows = new Map<string, Stored>();
  tables.forEach((table, n) => {
    for (const row of found![`rows${n}`] as PgRow[]) rows.set(rowKey(table, row.id as string), { orgId: row.org_id as string, state: rowState(table, row) });
  });
  return { earlier, roles, rows };
}

/** What a change id already in the log is answered: its first answer, unless another organization filed it. */
export function answerFromLog(author: Author, id: string, first: { orgId: string; result: ChangeResult }): ChangeResult {
  return first.orgId === author.orgId ? first.result : { id, status: 'rejected', reason: 'invalid', message: 'That change id is already in use.' };
}

const LOGGED_ANSWER = 'change_id, org_id, status, seq, reason, message, conflicts_with';

interface EarlierAnswer { change_id: string; org_id: string; status: 'accepted' | 'rejected'; seq: number | null; reason: RejectionReason; message: string; conflicts_with: string | null }

function answerOf(r: EarlierAnswer): ChangeResult {
  return r.status === 'accepted'
    ? { id: r.change_id, status: 'accepted', seq: r.seq === null ? 0 : Number(r.seq) }
    : { id: r.change_id, status: 'rejected', reason: r.reason, message: r.message, ...(r.conflicts_with ? { conflictsWith: r.conflicts_with } : {}) };
}

/** The first answers filed for `ids`, for a change that lost a race to record itself. */
export async function earlierAnswers(db: Sql, ids: string[]): Promise<Map<string, { orgId: string; result: ChangeResult }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<EarlierAnswer>(
    `select ${LOGGED_ANSWER} from change_log where change_id = any($1::text[])`, [ids]);
  return new Map(rows.map((r) => [r.change_id, { orgId: r.org_id, result: answerOf(r) }]));
}

/**
 * Each device's audit trail must continue the chain the server holds for it: a forged,
 * edited or reordered event is refused with every later one of the batch, before anything
 * is stored. Per device, the chain's tail is read under a lock, so two instances taking
 * the same device's pushes take turns.
 */
async function checkAuditChains(tx: Sql, items: BatchItem[], dbRows: Map<string, Stored>): Promise<Map<string, Rejection>> {
  const byDevice = new Map<string, { orgId: string; deviceId: string; items: BatchItem[] }>();
  for (const item of items) {
    const { author, change } = item;
    // Rows that exist are refused as edits, and other devices' events as forgeries, in decide().
    if (item.table !== 'audit_events' || dbRows.has(rowKey(item.table, change.row)) || change.values.device_id !== author.deviceId) continue;
    const key = `${author.orgId}\u0000${author.deviceId}`;
    const group = byDevice.get(key) ?? { orgId: author.orgId, deviceId: author.deviceId, items: [] };
    group.items.push(item);
    byDevice.set(key, group);
  }
  const refused = new Map<string, Rejection>();
  if (byDevice.size === 0) return refused;
  const groups = [...byDevice.values()];
  await tx.query(
    `select count(pg_advisory_xact_lock(h)) from (
       select distinct hashtextextended('frontdesk-audit:' || k, 0) as h from unnest($1::text[]) as k order by h
     ) as keys`,
    [groups.map((g) => `${g.orgId}:${g.deviceId}`)]);
  const { rows } = await tx.query<{ org_id: string; device_id: string; chain_seq: number; hash: string }>(
    `select distinct on (a.org_id, a.device_id) a.org_id, a.device_id, a.chain_seq, a.hash
       from audit_events a join unnest($1::text[], $2::text[]) as d(org_id, device_id) on a.org_id = d.org_id and a.device_id = d.device_id
      order by a.org_id, a.device_id, a.chain_seq desc`,
    [groups.map((g) => g.orgId), groups.map((g) => g.deviceId)]);
  const tails = new Map(rows.map((r) => [`${r.org_id}\u0000${r.device_id}`, { chainSeq: Number(r.chain_seq), hash: r.hash }]));
  for (const [key, group] of byDevice) {
    const byRow = new Map(group.items.map((i) => [i.change.row, i]));
    const verdict = checkChainContinuation(group.deviceId, tails.get(key) ?? null, group.items.map((i) => auditEventFromChange(group.orgId, i.change.row, i.change.values)));
    if (verdict.ok) continue;
    for (const event of verdict.refused) {
      const item = byRow.get(event.id);
      if (item) refused.set(item.change.id, new Rejection('invalid', `This device's audit trail does not continue at event ${verdict.brokenAt}: ${verdict.message}`));
    }
  }
  return refused;
}

/** The claims the batch can see: those loaded under lock, then each accepted change's. */
class ClaimIndex {
  private readonly byKey = new Map<string, StoredClaim[]>();
  /** The keys each appointment holds claims on here, so replacing them touches only those. */
  private readonly keysOf = new Map<string, Set<string>>();

  constructor(claims: StoredClaim[]) {
    for (const c of claims) this.add(c);
  }

  /** The lowest-id other appointment holding an overlapping claim (the database answered the same way). */
  conflictWith(orgId: string, appointmentId: string, claims: Claim[]): SlotTaken | null {
    let hit: StoredClaim | null = null;
    for (const c of claims) {
      for (const other of this.byKey.get(claimKey(orgId, c)) ?? []) {
        if (other.appointmentId === appointmentId || other.start >= c.end || c.start >= other.end) continue;
        if (!hit || other.appointmentId < hit.appointmentId) hit = other;
      }
    }
    return hit ? new SlotTaken(hit.appointmentId, hit) : null;
  }

  replace(appointmentId: string, claims: StoredClaim[]): void {
    for (const key of this.keysOf.get(appointmentId) ?? []) this.byKey.set(key, this.byKey.get(key)!.filter((c) => c.appointmentId !== appointmentId));
    this.keysOf.delete(appointmentId);
    for (const c of claims) this.add(c);
  }

  private add(c: StoredClaim): void {
    const key = claimKey(c.orgId, c);
    const list = this.byKey.get(key) ?? [];
    list.push(c);
    this.byKey.set(key, list);
    const keys = this.keysOf.get(c.appointmentId) ?? new Set<string>();
    keys.add(key);
    this.keysOf.set(c.appointmentId, keys);
  }
}

/** File answers, not yet numbered, so a re-sent change id gets the same one. Returns the ids this call recorded. */
export async function logAnswers(tx: Sql, entries: LogEntry[], now: number): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  return (await runLogging(tx, new Statement(), [], entries, now)).recorded;
}

/**
 * `writes` (named data-modifying CTEs built on `st`), then the log entries, as one
 * statement. `places`: a numbered batch's entries' places (the writes then include
 * setAsideSql, whose bases come back per organization); a numbered batch also learns which
 * organizations have unnumbered changes, and sends their NOTIFY.
 */
async function runLogging(tx: Sql, st: Statement, writes: string[], entries: LogEntry[], now: number, places?: Map<string, number> | null): Promise<{ recorded: Set<string>; bases: Map<string, number>; unnumbered: string[] }> {
  const rejected = (r: ChangeResult) => (r.status === 'rejected' ? r : null);
  const columns: [unknown[], string][] = [
    [entries.map((e) => e.change.id), 'text[]'], [entries.map((e) => e.author.orgId), 'text[]'], [entries.map((e) => e.author.deviceId), 'text[]'],
    [entries.map((e) => String(e.change.table).slice(0, 64)), 'text[]'], [entries.map((e) => e.change.row), 'text[]'], [entries.map((e) => e.result.status), 'text[]'],
    [entries.map((e) => rejected(e.result)?.reason ?? null), 'text[]'], [entries.map((e) => rejected(e.result)?.message ?? null), 'text[]'],
    [entries.map((e) => rejected(e.result)?.conflictsWith ?? null), 'text[]'], [entries.map(() => now), 'int8[]'], [entries.map((e) => places?.get(e.change.id) ?? null), 'int8[]'],
  ];
  const seq = places ? `${baseOf('u.org_id')} + u.place` : 'null::int8';
  const ctes = [...writes, `logged as (
       insert into change_log (change_id, org_id, device_id, table_name, row_id, status, reason, message, conflicts_with, received_at, seq)
       select u.change_id, u.org_id, u.device_id, u.table_name, u.row_id, u.status, u.reason, u.message, u.conflicts_with, u.received_at, ${seq}
         from unnest(${columns.map(([values, cast]) => st.param(values, cast)).join(', ')})
           as u(change_id, org_id, device_id, table_name, row_id, status, reason, message, conflicts_with, received_at, place)
       on conflict (change_id) do nothing
       returning change_id)`];
  const orgs = [...new Set(entries.map((e) => e.author.orgId))].sort();
  const { rows: [logged] } = await tx.query<{ ids: string[]; bases: { org_id: string; base: number }[]; unnumbered: string[] }>(
    `with ${ctes.join(',\n     ')}
     select coalesce((select json_agg(change_id) from logged), '[]') as ids, ${places ? "coalesce((select json_agg(b) from bases b), '[]')" : "'[]'::json"} as bases,
            ${places ? `${unnumberedSql(st, orgs)} as unnumbered,
            (select count(pg_notify(${st.param(PUBLISH_CHANNEL, 'text')}, o)) from unnest(${st.param(orgs, 'text[]')}) as o) as announced` : "'[]'::json as unnumbered"}`, st.values);
  return { recorded: new Set(logged!.ids), bases: new Map(logged!.bases.map((b) => [b.org_id, Number(b.base)])), unnumbered: logged!.unnumbered };
}
