// The reminder job: re-reads the appointment (it may have moved or been cancelled since it
// was planned), renders the patient's language, and sends through the delivery outbox.
import type { Channel } from '../../db/reminders/plan';
import { renderReminderEmail, renderReminderSms } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import type { ClaimedJob } from '../jobs/queue';
import { PermanentJobError } from '../jobs/runner';
import { loadAppointmentFacts, templateFacts } from './appointment-facts';
import { deliver } from './deliver';
import { buildInvite } from './invite';
import { linkFor } from './links-for';

export const REMINDER_JOB = 'reminder';

export interface ReminderPayload {
  appointmentId: string;
  channel: Channel;
  kind: 'reminder' | 'confirmation_prompt';
  startAt: number;
}

export async function sendReminder(ctx: JobsContext, job: ClaimedJob): Promise<void> {
  const p = job.payload as unknown as ReminderPayload;
  const f = await loadAppointmentFacts(ctx.server.db, p.appointmentId);
  const a = f?.appointment;
  // Moved (a new key was planned for the new time), cancelled, or confirmed meanwhile: nothing to say.
  if (!f || !a || a.startAt !== p.startAt || (a.status !== 'booked' && a.status !== 'confirmed')) return;
  if (p.kind === 'confirmation_prompt' && a.status === 'confirmed') return;
  const askToConfirm = a.status === 'booked';
  const links = {
    ...(askToConfirm ? { confirm: linkFor(ctx, 'confirm', a.id, a.endAt) } : {}),
    cancel: linkFor(ctx, 'cancel', a.id, a.endAt),
    reschedule: linkFor(ctx, 'reschedule', a.id, a.endAt),
  };
  const facts = templateFacts(f);
  const language = f.patient.language;
  if (p.channel === 'email') {
    if (!f.patient.email) throw new PermanentJobError('The patient has no email address.');
    const { subject, text } = renderReminderEmail(facts, links, language);
    const invite = buildInvite({
      uid: `${a.id}@frontdesk`, startAt: a.startAt, endAt: a.endAt, timeZone: f.timeZone, stamp: ctx.now(),
      summary: `${f.serviceName} – ${f.clinicName}`, description: text, location: f.address ? `${f.clinicName}, ${f.address}` : f.clinicName,
    });
    await deliver(ctx, job.dedupeKey, f.orgId, a.id, { channel: 'email', to: f.patient.email, subject, text, invite, language });
  } else {
    if (!f.patient.phone) throw new PermanentJobError('The patient has no phone number.');
    await deliver(ctx, job.dedupeKey, f.orgId, a.id, { channel: 'sms', to: f.patient.phone, body: renderReminderSms(facts, links, language, askToConfirm) });
  }
}
