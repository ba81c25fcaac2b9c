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

export class SlotTaken extends Error {
  constructor(readonly conflictsWith: string, readonly claim: Pick<Claim, 'kind' | 'key'>) {
    super('slot_taken');
  }
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
}

const lockName = (orgId: string, c: Pick<Claim, 'kind' | 'key'>) => `frontdesk-claim:${orgId}:${c.kind}:${c.key}`;

/**
 * Serialize claim writers per (kind, key): one transaction at a time may change the claims
 * of a provider, a room or a patient. Without it, two transactions whose checks both ran
 * before either committed meet in the exclusion constraint, where crossing waits (a move
 * releasing one slot while taking another) deadlock and cost a second each before
 * PostgreSQL breaks them. A batch takes all its keys in one statement, in one sorted
 * order, so batches never deadlock on them, and the check that follows sees every
 * committed claim on those keys. Transaction-scoped: released at commit or rollback.
 */
export async function lockClaimKeys(tx: Sql, keys: (Pick<Claim, 'kind' | 'key'> & { orgId: string })[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `select count(pg_advisory_xact_lock(h)) from (
       select distinct hashtextextended(k, 0) as h from unnest($1::text[]) as k order by h
     ) as keys`,
    [[...new Set(keys.map((k) => lockName(k.orgId, k)))]]);
}

/** Every stored claim on the same keys overlapping any of `wanted`. Call with the keys locked. */
export async function loadOverlappingClaims(tx: Sql, wanted: (Claim & { orgId: string })[]): Promise<StoredClaim[]> {
  if (wanted.length === 0) return [];
  const { rows } = await tx.query<{ appointment_id: string; org_id: string; kind: Claim['kind']; key: string; s: string | number; e: string | number; exclusive: boolean }>(
    overlapping('unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::int8[]) as x(org_id, kind, key, s, e)',
      'c.appointment_id, c.org_id, c.kind, c.key, lower(c.during) as s, upper(c.during) as e, c.exclusive'),
    [wanted.map((w) => w.orgId), wanted.map((w) => w.kind), wanted.map((w) => w.key), wanted.map((w) => w.start), wanted.map((w) => w.end)]);
  return rows.map((r) => ({ appointmentId: r.appointment_id, orgId: r.org_id, kind: r.kind, key: r.key, start: Number(r.s), end: Number(r.e), exclusive: r.exclusive }));
}

/**
 * Drop the claims `release` held and store `claims` (already checked). `alsoSelect`: a
 * select list to evaluate in the same statement, after the claims are stored (locks the
 * caller takes next anyway); its row is returned.
 * The delete goes alone: inserted claims must not meet the released ones in the exclusion
 * check, and a statement's parts cannot see each other's effects.
 */
export async function rewriteClaims(tx: Sql, release: string[], claims: StoredClaim[], alsoSelect?: (st: Statement) => string): Promise<Record<string, unknown> | undefined> {
  if (release.length > 0) await tx.query('delete from claims where appointment_id = any($1::text[])', [release]);
  const st = new Statement();
  const also = alsoSelect?.(st);
  if (claims.length === 0) return also ? (await tx.query(`select ${also}`, st.values)).rows[0] : undefined;
  const insert = `insert into claims (appointment_id, org_id, kind, key, during, exclusive)
     select a, o, k, y, int8range(s, e), x from unnest(${[
    st.param(claims.map((c) => c.appointmentId), 'text[]'), st.param(claims.map((c) => c.orgId), 'text[]'), st.param(claims.map((c) => c.kind), 'text[]'),
    st.param(claims.map((c) => c.key), 'text[]'), st.param(claims.map((c) => c.start), 'int8[]'), st.param(claims.map((c) => c.end), 'int8[]'),
    st.param(claims.map((c) => c.exclusive), 'bool[]')].join(', ')}) as t(a, o, k, y, s, e, x)`;
  if (!also) {
    await tx.query(insert, st.values);
    return undefined;
  }
  // Referenced first, so the claims are in before the locks are waited for.
  return (await tx.query(`with inserted as (${insert} returning 1) select (select count(*) from inserted) as claims, ${also}`, st.values)).rows[0];
}

/**
 * A sentence for the receptionist whose booking lost: who holds the slot, and when.
 * `holder`: the holder's values when the caller knows them better than the database does
 * (a batch not yet written).
 */
export async function describeConflict(db: Sql, orgId: string, conflict: SlotTaken, holder?: ColumnValues): Promise<string> {
  const { rows } = await db.query<{ start_at: number; end_at: number; confirmation_code: string; time_zone: string | null; provider: string | null; resource: string | null }>(
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
  if (!a || a.start_at === null) return 'That time is already taken by another appointment.';
  const zone = a.time_zone ?? 'UTC';
  const from = formatWallClock(a.start_at, zone);
  const when = `${from.slice(0, 10)} ${from.slice(11, 16)}-${formatWallClock(a.end_at, zone).slice(11, 16)}`;
  const who = conflict.claim.kind === 'provider' ? `${a.provider ?? 'The provider'} is already booked`
    : conflict.claim.kind === 'resource' ? `${a.resource ?? 'A required room or device'} is already in use`
      : 'The patient already has an appointment';
  return `${who} ${when} (confirmation ${a.confirmation_code}, including preparation and cleanup time). Choose another time, add the patient to the waitlist, or ask a manager to overbook.`;
}
