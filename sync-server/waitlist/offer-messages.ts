// The offer and the "it has gone" notice, by the patient's preferred channel when it can
// reach them (else the other one), through the delivery outbox like any reminder.
import { renderOfferEmail, renderOfferGoneEmail } from '../../db/reminders/offer-templates';
import { renderOfferGone, renderWaitlistOffer } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import type { ClaimedJob } from '../jobs/queue';
import { PermanentJobError } from '../jobs/runner';
import { deliver, type Message } from '../reminders/deliver';
import { linkFor } from '../reminders/links-for';
import { loadOfferFacts, type OfferFacts } from './offer-facts';

function reachBy(o: OfferFacts): 'sms' | 'email' {
  const { phone, email, preferredChannel } = o.patient;
  if (preferredChannel === 'email' && email) return 'email';
  if (preferredChannel === 'sms' && phone) return 'sms';
  if (email) return 'email';
  if (phone) return 'sms';
  throw new PermanentJobError('The patient has neither a phone number nor an email address.');
}

async function send(ctx: JobsContext, job: ClaimedJob, o: OfferFacts, content: { email: { subject: string; text: string }; sms: string }): Promise<void> {
  const channel = reachBy(o);
  const message: Message = channel === 'email'
    ? { channel, to: o.patient.email!, subject: content.email.subject, text: content.email.text, language: o.patient.language }
    : { channel, to: o.patient.phone!, body: content.sms };
  await deliver(ctx, job.dedupeKey, o.orgId, o.freedAppointmentId, message);
}

export async function sendOffer(ctx: JobsContext, job: ClaimedJob): Promise<void> {
  const o = await loadOfferFacts(ctx.server.db, job.payload.offerId as string);
  if (!o || o.status !== 'offered' || o.expiresAt <= ctx.now()) return;
  const url = linkFor(ctx, 'accept_offer', o.id, o.expiresAt);
  const { language } = o.patient;
  await send(ctx, job, o, { email: renderOfferEmail(o.facts, url, o.expiresAt, language), sms: renderWaitlistOffer(o.facts, url, o.expiresAt, language) });
}

export async function sendOfferGone(ctx: JobsContext, job: ClaimedJob): Promise<void> {
  const o = await loadOfferFacts(ctx.server.db, job.payload.offerId as string);
  if (!o || o.status !== 'gone') return;
  const { language } = o.patient;
  await send(ctx, job, o, { email: renderOfferGoneEmail(o.facts, language), sms: renderOfferGone(o.facts, language) });
}
