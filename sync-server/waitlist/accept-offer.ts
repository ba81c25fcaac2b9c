// A patient accepting a waitlist offer. The booking goes through writeAsSystem, the devices'
// merge and slot-claim path: when several patients accept the same slot at once, the claim
// constraint lets exactly one appointment in and the others learn it has gone. Ids derive
// from the offer, so a double-submitted form gets the first answer back.
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { OfferOutcome } from '../../db/reminders/offer-templates';
import type { Language } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import { enqueueJobs } from '../jobs/queue';
import { writeAudited } from '../reminders/write-appointment';
import { loadOfferFacts } from './offer-facts';
import { OFFER_GONE_JOB } from './offer-round';

const BOOKING_NAMESPACE = '9a2e7c41-6b3d-4f58-a1e0-5d8c3b7f2e69';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Six characters a patient can read out, from the offer id: the same offer always gets the same code. */
function confirmationCodeFor(offerId: string): string {
  const digest = createHash('sha256').update(`confirmation:${offerId}`).digest();
  return Array.from(digest.subarray(0, 6), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export async function acceptOffer(ctx: JobsContext, offerId: string): Promise<{ outcome: OfferOutcome; language: Language }> {
  const db = ctx.server.db;
  const o = await loadOfferFacts(db, offerId);
  if (!o) return { outcome: 'gone', language: 'en' };
  const language = o.patient.language;
  if (o.status === 'accepted') return { outcome: 'already_booked', language };
  if (o.status === 'expired') return { outcome: 'expired', language };
  if (o.status === 'gone') return { outcome: 'gone', language };
  const now = ctx.now();
  if (o.expiresAt <= now) return { outcome: 'expired', language };

  const appointmentId = uuidv5(`${o.id}:appointment`, BOOKING_NAMESPACE);
  const s = o.slot;
  const booking = await writeAudited(ctx, o.orgId, 'appointments', appointmentId, {
    location_id: s.locationId, provider_id: s.providerId, service_id: s.serviceId, patient_id: o.patient.id, resource_ids: s.resourceIds,
    start_at: s.startAt, end_at: s.endAt, buffer_before_min: s.bufferBeforeMin, buffer_after_min: s.bufferAfterMin,
    status: 'booked', source_channel: 'online', overbook: false, confirmation_code: confirmationCodeFor(o.id), late_cancel_fee: false,
    notes: 'Booked from the waitlist (offer accepted by the patient).', booked_at: now, deleted: false,
  }, { key: `offer:${o.id}:book`, action: 'appointments.book_from_waitlist', before: null });

  if (booking.status !== 'accepted') {
    await db.query(`update waitlist_offers set status = 'gone' where id = $1 and status = 'offered'`, [o.id]);
    return { outcome: 'gone', language };
  }
  await db.query(`update waitlist_offers set status = 'accepted', booked_appointment_id = $2 where id = $1`, [o.id, appointmentId]);
  const entry = await writeAudited(ctx, o.orgId, 'waitlist_entries', o.waitlistEntryId, { status: 'booked' },
    { key: `offer:${o.id}:entry`, action: 'waitlist_entries.booked_from_offer', before: { status: 'waiting' } });
  if (entry.status !== 'accepted') console.error(`waitlist entry ${o.waitlistEntryId} could not be closed: ${entry.message}`);
  const { rows: others } = await db.query<{ id: string }>(
    `update waitlist_offers set status = 'gone' where freed_appointment_id = $1 and id <> $2 and status = 'offered' returning id`, [o.freedAppointmentId, o.id]);
  await enqueueJobs(db, others.map((g) => ({ orgId: o.orgId, kind: OFFER_GONE_JOB, dedupeKey: `waitlist_offer_gone:${g.id}`, runAt: now, payload: { offerId: g.id } })), now);
  return { outcome: 'booked', language };
}
