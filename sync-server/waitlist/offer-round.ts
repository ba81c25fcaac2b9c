// One round of offers for a freed slot: the best-ranked waiting patients (rankWaitlistForSlot)
// who have not been offered it yet, several at once. The next round is queued for when these
// offers expire; it stops once someone has accepted, the slot is taken again, or nobody is left.
import { v5 as uuidv5 } from 'uuid';
import { rankWaitlistForSlot, type WaitlistCandidate } from '../../db/rules/waitlist';
import type { JobsContext } from '../jobs/context';
import { enqueueJobs, type ClaimedJob } from '../jobs/queue';
import type { HeldSlot } from './freed-slot';
import { ACTIVE_STATUSES } from './freed-slot';

export const OFFER_ROUND_JOB = 'waitlist_offer_round';
export const OFFER_SEND_JOB = 'waitlist_offer_send';
export const OFFER_GONE_JOB = 'waitlist_offer_gone';

const OFFER_NAMESPACE = '3d6b2f8e-5a1c-4e7d-9b0f-8c2a4e6d1f37';
/** Offers close this long before the visit, so whoever accepts can still get there. */
const CLOSE_BEFORE_START_MS = 30 * 60_000;

export interface OfferRoundPayload {
  freedAppointmentId: string;
  slot: HeldSlot;
  round: number;
}

export const roundDedupeKey = (p: OfferRoundPayload) => `waitlist_round:${p.freedAppointmentId}:${p.slot.startAt}:${p.slot.providerId}:${p.round}`;
export const offerIdFor = (freedAppointmentId: string, entryId: string) => uuidv5(`${freedAppointmentId}:${entryId}`, OFFER_NAMESPACE);

export async function runOfferRound(ctx: JobsContext, job: ClaimedJob): Promise<void> {
  const p = job.payload as unknown as OfferRoundPayload;
  const db = ctx.server.db;
  const now = ctx.now();
  await db.query(`update waitlist_offers set status = 'expired' where freed_appointment_id = $1 and status = 'offered' and expires_at <= $2`, [p.freedAppointmentId, now]);
  const { rows: earlier } = await db.query<{ waitlist_entry_id: string; status: string }>(
    'select waitlist_entry_id, status from waitlist_offers where freed_appointment_id = $1', [p.freedAppointmentId]);
  // Someone has it, or this round already ran (a retry after its offers were written).
  if (earlier.some((o) => o.status === 'accepted' || o.status === 'offered')) return;
  const closesAt = p.slot.startAt - CLOSE_BEFORE_START_MS;
  if (closesAt <= now || (await isSlotTaken(ctx, job.orgId, p.slot))) return;

  const { rows: location } = await db.query<{ time_zone: string }>('select time_zone from locations where id = $1', [p.slot.locationId]);
  if (!location[0]) return;
  const { rows: entries } = await db.query<Record<string, unknown>>(
    `select id, patient_id, service_id, provider_id, location_id, earliest_date, latest_date, urgency, status, created_at from waitlist_entries
     where org_id = $1 and location_id = $2 and service_id = $3 and status = 'waiting' and not deleted`, [job.orgId, p.slot.locationId, p.slot.serviceId]);
  const offeredBefore = new Set(earlier.map((o) => o.waitlist_entry_id));
  const candidates: WaitlistCandidate[] = entries.filter((e) => !offeredBefore.has(e.id as string)).map((e) => ({
    id: e.id as string, patientId: e.patient_id as string, serviceId: e.service_id as string, providerId: e.provider_id as string | null,
    locationId: e.location_id as string, earliestDate: e.earliest_date as string, latestDate: e.latest_date as string,
    urgency: Number(e.urgency), status: e.status as WaitlistCandidate['status'], createdAt: Number(e.created_at),
  }));
  const chosen = rankWaitlistForSlot(candidates, p.slot, location[0].time_zone, ctx.offersPerSlot);
  if (chosen.length === 0) return;

  const expiresAt = Math.min(now + ctx.offerTtlMs, closesAt);
  await db.transaction(async (tx) => {
    const ids = chosen.map((e) => offerIdFor(p.freedAppointmentId, e.id));
    await tx.query(
      `insert into waitlist_offers (id, org_id, freed_appointment_id, waitlist_entry_id, patient_id, slot, status, expires_at, created_at)
       select id, $1::text, $2::text, entry, patient, $3::jsonb, 'offered', $4::bigint, $5::bigint from unnest($6::text[], $7::text[], $8::text[]) as t(id, entry, patient)
       on conflict do nothing`,
      [job.orgId, p.freedAppointmentId, JSON.stringify(p.slot), expiresAt, now, ids, chosen.map((e) => e.id), chosen.map((e) => e.patientId)]);
    const next: OfferRoundPayload = { ...p, round: p.round + 1 };
    await enqueueJobs(tx, [
      ...ids.map((offerId) => ({ orgId: job.orgId, kind: OFFER_SEND_JOB, dedupeKey: `waitlist_offer:${offerId}`, runAt: now, payload: { offerId } })),
      { orgId: job.orgId, kind: OFFER_ROUND_JOB, dedupeKey: roundDedupeKey(next), runAt: expiresAt, payload: next as unknown as Record<string, unknown> },
    ], now);
  });
}

/** Booked again meanwhile (by the desk, or by an earlier round's acceptance). */
async function isSlotTaken(ctx: JobsContext, orgId: string, slot: HeldSlot): Promise<boolean> {
  const { rows } = await ctx.server.db.query(
    `select 1 from appointments where org_id = $1 and provider_id = $2 and not deleted and status = any($3::text[]) and start_at < $5 and end_at > $4 limit 1`,
    [orgId, slot.providerId, ACTIVE_STATUSES, slot.startAt, slot.endAt]);
  return rows.length > 0;
}
