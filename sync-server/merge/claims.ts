// Slot claims on the server: the coordination per-column LWW cannot give. An active
// appointment claims its provider, each resource and its patient (db/rules/overlap.ts);
// the claims table's exclusion constraint refuses overlaps even between two server
// instances racing on one PostgreSQL. Rows are checked here first so the loser can be
// told which appointment holds the slot.
import { claimsOf, type Claim } from '../../db/rules/overlap';
import { appointmentFromRow } from '../../db/schema/appointment-row';
import { formatWallClock } from '../../db/rules/wallclock';
import type { ColumnValues } from '../../db/crdt/merge';
import type { Sql } from '../store/server-db';

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

export async function findConflict(tx: Sql, orgId: string, appointmentId: string, claims: Claim[]): Promise<SlotTaken | null> {
  if (claims.length === 0) return null;
  const { rows } = await tx.query<{ appointment_id: string; kind: Claim['kind']; key: string }>(
    `select c.appointment_id, c.kind, c.key
       from claims c
       join unnest($3::text[], $4::text[], $5::int8[], $6::int8[]) as x(kind, key, s, e)
         on c.kind = x.kind and c.key = x.key and c.during && int8range(x.s, x.e)
      where c.org_id = $1 and c.appointment_id <> $2
      order by c.appointment_id
      limit 1`,
    [orgId, appointmentId, ...unnestParams(claims)]);
  const hit = rows[0];
  return hit ? new SlotTaken(hit.appointment_id, hit) : null;
}

/**
 * Serialize claim writers per (kind, key): one transaction at a time may change the claims
 * of a provider, a room or a patient. Without it, two transactions whose checks both ran
 * before either committed meet in the exclusion constraint, where crossing waits (a move
 * releasing one slot while taking another) deadlock and cost a second each before
 * PostgreSQL breaks them. Locks are taken in one sorted order, so they never deadlock,
 * and the check that follows sees every committed claim on those keys. Transaction-scoped:
 * released at commit or rollback.
 */
async function lockClaimKeys(tx: Sql, orgId: string, claims: Pick<Claim, 'kind' | 'key'>[]): Promise<void> {
  if (claims.length === 0) return;
  await tx.query(
    `select count(pg_advisory_xact_lock(h)) from (
       select distinct hashtextextended('frontdesk-claim:' || $1 || ':' || k, 0) as h from unnest($2::text[]) as k order by h
     ) as keys`,
    [orgId, claims.map((c) => `${c.kind}:${c.key}`)]);
}

/**
 * Replace an appointment's claims with those its merged state implies. `previous` is the
 * appointment's stored state (null for a new one): its claims are only let go once the new
 * ones are known to fit, so a rejected move or re-booking keeps the slot it already held.
 * Returns the conflict instead of throwing, so the push's transaction stays usable. An
 * overbooked appointment's claims do not exclude others, but a normal booking may still
 * not land on them; the exclusion constraint remains the backstop against races the check
 * cannot see (SQLSTATE 23P01, handled by the caller).
 */
export async function replaceClaims(tx: Sql, orgId: string, appointmentId: string, merged: ColumnValues, previous: ColumnValues | null): Promise<SlotTaken | null> {
  const claims = merged.deleted === true ? [] : claimsOf(appointmentFromRow({ ...merged, id: appointmentId }));
  const held = previous && previous.deleted !== true ? claimsOf(appointmentFromRow({ ...previous, id: appointmentId })) : [];
  await lockClaimKeys(tx, orgId, [...claims, ...held]);
  const exclusive = merged.overbook !== true;
  if (previous) {
    if (exclusive) {
      const conflict = await findConflict(tx, orgId, appointmentId, claims);
      if (conflict) return conflict;
    }
    await tx.query('delete from claims where appointment_id = $1 and org_id = $2', [appointmentId, orgId]);
  }
  if (claims.length === 0) return null;
  const { rows } = await tx.query<{ appointment_id: string; kind: Claim['kind']; key: string }>(
    `with wanted as (
       select * from unnest($3::text[], $4::text[], $5::int8[], $6::int8[]) as x(kind, key, s, e)
     ), conflict as (
       select c.appointment_id, c.kind, c.key
         from claims c join wanted x on c.kind = x.kind and c.key = x.key and c.during && int8range(x.s, x.e)
        where $7 and c.org_id = $2 and c.appointment_id <> $1
        order by c.appointment_id limit 1
     ), inserted as (
       insert into claims (appointment_id, org_id, kind, key, during, exclusive)
       select $1, $2, kind, key, int8range(s, e), $7 from wanted where not exists (select 1 from conflict)
     )
     select * from conflict`,
    [appointmentId, orgId, ...unnestParams(claims), exclusive]);
  const hit = rows[0];
  return hit ? new SlotTaken(hit.appointment_id, hit) : null;
}

/** A sentence for the receptionist whose booking lost: who holds the slot, and when. */
export async function describeConflict(db: Sql, orgId: string, conflict: SlotTaken): Promise<string> {
  const { rows } = await db.query<{ start_at: number; end_at: number; confirmation_code: string; time_zone: string | null; provider: string | null; resource: string | null }>(
    `select a.start_at, a.end_at, a.confirmation_code, l.time_zone, p.name as provider, r.name as resource
       from appointments a
       left join locations l on l.id = a.location_id
       left join providers p on p.id = a.provider_id
       left join resources r on r.id = $3
      where a.id = $1 and a.org_id = $2`,
    [conflict.conflictsWith, orgId, conflict.claim.kind === 'resource' ? conflict.claim.key : null]);
  const a = rows[0];
  if (!a) return 'That time is already taken by another appointment.';
  const zone = a.time_zone ?? 'UTC';
  const from = formatWallClock(a.start_at, zone);
  const when = `${from.slice(0, 10)} ${from.slice(11, 16)}-${formatWallClock(a.end_at, zone).slice(11, 16)}`;
  const who = conflict.claim.kind === 'provider' ? `${a.provider ?? 'The provider'} is already booked`
    : conflict.claim.kind === 'resource' ? `${a.resource ?? 'A required room or device'} is already in use`
      : 'The patient already has an appointment';
  return `${who} ${when} (confirmation ${a.confirmation_code}, including preparation and cleanup time). Choose another time, add the patient to the waitlist, or ask a manager to overbook.`;
}
