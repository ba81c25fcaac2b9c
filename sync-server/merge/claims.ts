// Slot claims on the server: the coordination per-column LWW cannot give. An active
// appointment claims its provider, each resource and its patient (db/rules/overlap.ts);
// the claims table's exclusion constraint refuses overlaps even between two server
// instances racing on one PostgreSQL. Rows are checked here first so the loser can be
// told which appointment holds the slot.
import type { ColumnValues } from '../../db/crdt/merge';
import type { Claim } from '../../db/rules/overlap';
import { formatWallClock } from '../../db/rules/wallclock';
import type { Sql } from '../store/server-db';
import { Statement } from '../store/statement';

/** Columns whose change can move, grow, shrink, free or re-take an appointment's claims. */
export const claimColumns = new Set(['start_at', 'end_at', 'provider_id', 'patient_id', 'resource_ids', 'status', 'deleted', 'buffer_before_min', 'buffer_after_min', 'overbook']);

/** Which appointment holds a wanted slot, through which claim. */
export class SlotTaken {
  constructor(readonly conflictsWith: string, readonly claim: Pick<StoredClaim, 'kind' | 'key' | 'holder'>) {}
}

function unnestParams(claims: Claim[]) {
  return [claims.map((c) => c.kind), claims.map((c) => c.key), claims.map((c) => c.start), claims.map((c) => c.end)];
}

/** The claims table's `slot` (migration 0005) for a wanted key: the hash its indexes lead with. */
const slotOf = (x: string) => `hashtextextended('frontdesk-claim:' || ${x}.org_id || ':' || ${x}.kind || ':' || ${x}.key, 0)`;

/**
 * Claims on the same keys overlapping the wanted ranges (`wanted` has columns org_id, kind,
 * key, s, e). Exclusive and overbooked claims are asked for apart: each kind has its own
 * (partial) index, the exclusion constraint's and claims_overbooked.
 */
const overlapping = (wanted: string, columns: string) => ['c.exclusive', 'not c.exclusive'].map((which) =>
  `select ${columns} from ${wanted} join claims c
      on c.slot = ${slotOf('x')} and c.org_id = x.org_id and c.kind = x.kind and c.key = x.key and c.during && int8range(x.s, x.e) and ${which}`).join(' union ');

export async function findConflict(tx: Sql, orgId: string, appointmentId: string, claims: Claim[]): Promise<SlotTaken | null> {
  if (claims.length === 0) return null;
  const { rows } = await tx.query<{ appointment_id: string; kind: Claim['kind']; key: string }>(
    `select * from (${overlapping('(select $1::text as org_id, u.* from unnest($3::text[], $4::text[], $5::int8[], $6::int8[]) as u(kind, key, s, e)) as x', 'c.appointment_id, c.kind, c.key')}) as hits
      where appointment_id <> $2
      order by appointment_id
      limit 1`,
    [orgId, appointmentId, ...unnestParams(claims)]);
  const hit = rows[0];
  return hit ? new SlotTaken(hit.appointment_id, hit) : null;
}

/** A claim as the claims table holds it. */
export interface StoredClaim extends Claim {
  appointmentId: string;
  orgId: string;
  exclusive: boolean;
  /** What a refused booking is told about the holder, as stored (claims read by loadOverlappingClaims). */
  holder?: HolderFacts & { locationId: string | null; providerId: string | null };
}

/** What the sentence for a refused booking says about the appointment holding the slot. */
interface HolderFacts {
  startAt: number;
  endAt: number;
  confirmationCode: string;
  timeZone: string | null;
  provider: string | null;
  resource: string | null;
}

const lockName = (orgId: string, c: Pick<Claim, 'kind' | 'key'>) => `frontdesk-claim:${orgId}:${c.kind}:${c.key}`;

/**
 * Serialize claim writers per (kind, key): one transaction at a time may change the claims
 * of a provider, a room or a patient. Without it, two transactions whose checks both ran
 * before either committed meet in the exclusion constraint, where crossing waits (a move
 * releasing one slot while taking another) deadlock and cost a second each before
 * PostgreSQL breaks them. A statement takes its keys in one sorted order, and the check
 * that follows (in a later statement) sees every committed claim on them.
 * Transaction-scoped: released at commit or rollback.
 */
export async function lockClaimKeys(tx: Sql, keys: ClaimKey[]): Promise<void> {
  if (keys.length === 0) return;
  const st = new Statement();
  await tx.query(`select ${claimKeyLocksSql(st, keys)}`, st.values);
}

export type ClaimKey = Pick<Claim, 'kind' | 'key'> & { orgId: string };

/** The locking expression alone, for a statement that has other work to do as well. */
export function claimKeyLocksSql(st: Statement, keys: ClaimKey[]): string {
  return `(select count(pg_advisory_xact_lock(h)) from (
       select distinct hashtextextended(k, 0) as h from unnest(${st.param([...new Set(keys.map((k) => lockName(k.orgId, k)))], 'text[]')}) as k order by h
     ) as keys)`;
}

/**
 * Every stored claim on the same keys overlapping any of `wanted`, with what a refused
 * booking is told about its holder (rows come back only for overlaps, so this costs a
 * batch nothing unless something overlaps). Call with the keys locked.
 */
export async function loadOverlappingClaims(tx: Sql, wanted: (Claim & { orgId: string })[]): Promise<StoredClaim[]> {
  if (wanted.length === 0) return [];
  const { rows } = await tx.query<{ appointment_id: string; org_id: string; kind: Claim['kind']; key: string; s: number; e: number; exclusive: boolean } & HolderRow>(
    `select h.*, a.start_at, a.end_at, a.confirmation_code, a.location_id, a.provider_id, l.time_zone, p.name as provider, r.name as resource
       from (${overlapping('unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::int8[]) as x(org_id, kind, key, s, e)',
    'c.appointment_id, c.org_id, c.kind, c.key, lower(c.during) as s, upper(c.during) as e, c.exclusive')}) as h
       left join appointments a on a.id = h.appointment_id and a.org_id = h.org_id
       left join locations l on l.id = a.location_id
       left join providers p on p.id = a.provider_id
       left join resources r on h.kind = 'resource' and r.id = h.key`,
    [wanted.map((w) => w.orgId), wanted.map((w) => w.kind), wanted.map((w) => w.key), wanted.map((w) => w.start), wanted.map((w) => w.end)]);
  return rows.map((r) => ({
    appointmentId: r.appointment_id, orgId: r.org_id, kind: r.kind, key: r.key, start: Number(r.s), end: Number(r.e), exclusive: r.exclusive,
    ...(r.start_at === null ? {} : { holder: { ...holderFacts(r), locationId: r.location_id, providerId: r.provider_id } }),
  }));
}

interface HolderRow { start_at: number | null; end_at: number; confirmation_code: string; location_id: string | null; provider_id: string | null; time_zone: string | null; provider: string | null; resource: string | null }

const holderFacts = (r: HolderRow): HolderFacts => ({ startAt: Number(r.start_at), endAt: Number(r.end_at), confirmationCode: r.confirmation_code, timeZone: r.time_zone, provider: r.provider, resource: r.resource });

/**
 * Let go of the claims these appointments held, before their new claims are stored: a
 * statement's parts cannot see each other's effects, so released and new claims of the same
 * appointment must not meet in one statement's exclusion check.
 */
export async function releaseClaims(tx: Sql, appointmentIds: string[]): Promise<void> {
  if (appointmentIds.length > 0) await tx.query('delete from claims where appointment_id = any($1::text[])', [appointmentIds]);
}

/** An insert of `claims` (already checked), for a statement that has other work to do as well. */
export function insertClaimsSql(st: Statement, claims: StoredClaim[]): string {
  return `insert into claims (appointment_id, org_id, kind, key, during, exclusive)
     select a, o, k, y, int8range(s, e), x from unnest(${[
    st.param(claims.map((c) => c.appointmentId), 'text[]'), st.param(claims.map((c) => c.orgId), 'text[]'), st.param(claims.map((c) => c.kind), 'text[]'),
    st.param(claims.map((c) => c.key), 'text[]'), st.param(claims.map((c) => c.start), 'int8[]'), st.param(claims.map((c) => c.end), 'int8[]'),
    st.param(claims.map((c) => c.exclusive), 'bool[]')].join(', ')}) as t(a, o, k, y, s, e, x)`;
}

/**
 * A sentence for the receptionist whose booking lost: who holds the slot, and when.
 * `holder`: the holder's values when the caller knows them better than the database does
 * (a batch not yet written).
 */
export async function describeConflict(db: Sql, orgId: string, conflict: SlotTaken, holder?: ColumnValues): Promise<string> {
  const known = describeFromClaim(conflict, holder);
  if (known) return known;
  const { rows } = await db.query<HolderRow>(
    `select coalesce($4::int8, a.start_at) as start_at, coalesce($5::int8, a.end_at) as end_at, coalesce($6, a.confirmation_code) as confirmation_code,
            l.time_zone, p.name as provider, r.name as resource
       from (select $1::text as id) as wanted
       left join appointments a on a.id = wanted.id and a.org_id = $2
       left join locations l on l.id = coalesce($7, a.location_id)
       left join providers p on p.id = coalesce($8, a.provider_id)
       left join resources r on r.id = $3`,
    [conflict.conflictsWith, orgId, conflict.claim.kind === 'resource' ? conflict.claim.key : null,
      holder?.start_at ?? null, holder?.end_at ?? null, holder?.confirmation_code ?? null, holder?.location_id ?? null, holder?.provider_id ?? null]);
  const a = rows[0];
  return a && a.start_at !== null ? conflictSentence(conflict.claim.kind, holderFacts(a)) : 'That time is already taken by another appointment.';
}

/**
 * The sentence from what the overlap read brought with the holding claim, when the batch
 * has not moved the holder to another location or provider since (`holder`: its values as
 * the batch left them). Null when the database must be asked.
 */
function describeFromClaim(conflict: SlotTaken, holder: ColumnValues | undefined): string | null {
  const stored = conflict.claim.holder;
  if (!stored) return null;
  if (holder && ((holder.location_id ?? null) !== stored.locationId || (holder.provider_id ?? null) !== stored.providerId)) return null;
  return conflictSentence(conflict.claim.kind, {
    ...stored,
    ...(holder ? { startAt: Number(holder.start_at), endAt: Number(holder.end_at), confirmationCode: String(holder.confirmation_code) } : {}),
  });
}

function conflictSentence(kind: Claim['kind'], a: HolderFacts): string {
  const zone = a.timeZone ?? 'UTC';
  const from = formatWallClock(a.startAt, zone);
  const when = `${from.slice(0, 10)} ${from.slice(11, 16)}-${formatWallClock(a.endAt, zone).slice(11, 16)}`;
  const who = kind === 'provider' ? `${a.provider ?? 'The provider'} is already booked`
    : kind === 'resource' ? `${a.resource ?? 'A required room or device'} is already in use`
      : 'The patient already has an appointment';
  return `${who} ${when} (confirmation ${a.confirmationCode}, including preparation and cleanup time). Choose another time, add the patient to the waitlist, or ask a manager to overbook.`;
}
