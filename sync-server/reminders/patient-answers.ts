// A patient's answer (signed link or SMS reply) applied to their appointment: the status
// machine decides (status.ts, attendance-policy.ts), writeAsSystem applies, the audit
// records it. Each answer key (link nonce, provider message id) acts once.
import type { AnswerOutcome } from '../../db/reminders/templates';
import { decidePatientCancellation } from '../../db/rules/attendance-policy';
import { transitionAppointment } from '../../db/rules/status';
import type { JobsContext } from '../jobs/context';
import { loadAppointmentFacts } from './appointment-facts';
import { raiseStaffTask } from './staff-tasks';
import { writeAudited } from './write-appointment';

export type PatientAnswer = 'confirm' | 'cancel' | 'reschedule';

export interface AnswerResult {
  outcome: AnswerOutcome;
  language: 'en' | 'es';
}

export async function applyPatientAnswer(ctx: JobsContext, appointmentId: string, answer: PatientAnswer, answerKey: string, source: 'link' | 'sms'): Promise<AnswerResult> {
  const db = ctx.server.db;
  const f = await loadAppointmentFacts(db, appointmentId);
  if (!f) return { outcome: 'not_possible', language: 'en' };
  const language = f.patient.language;
  const { rows: earlier } = await db.query('select outcome from patient_answers where answer_key = $1', [answerKey]);
  if (earlier.length > 0) return { outcome: 'already_done', language };

  const outcome = await decideAndWrite(ctx, f, answer, answerKey, source);
  await db.query(`insert into patient_answers (answer_key, org_id, appointment_id, answer, outcome, at) values ($1, $2, $3, $4, $5, $6) on conflict (answer_key) do nothing`,
    [answerKey, f.orgId, appointmentId, answer, outcome, ctx.now()]);
  return { outcome, language };
}

async function decideAndWrite(ctx: JobsContext, f: NonNullable<Awaited<ReturnType<typeof loadAppointmentFacts>>>, answer: PatientAnswer, key: string, source: 'link' | 'sms'): Promise<AnswerOutcome> {
  const a = f.appointment;
  const now = ctx.now();
  const before = { status: a.status };
  if (answer === 'reschedule') {
    if (a.status !== 'booked' && a.status !== 'confirmed') return 'not_possible';
    await raiseStaffTask(ctx, f.orgId, { key: `reschedule:${key}`, locationId: a.locationId, appointmentId: a.id, kind: 'reschedule_requested', dueAt: a.startAt,
      title: `${f.patient.firstName} asked for another time (${f.serviceName} with ${f.providerName}).` });
    return 'reschedule_requested';
  }
  if (answer === 'confirm') {
    if (a.status === 'confirmed') return 'already_done';
    const t = transitionAppointment({ appointment: a, to: 'confirmed', role: 'system', now, policy: f.policy, timeZone: f.timeZone });
    if (!t.ok || a.startAt <= now) return 'not_possible';
    const result = await writeAudited(ctx, f.orgId, 'appointments', a.id, { status: 'confirmed' }, { key: `answer:${key}`, action: `appointments.confirm_by_${source}`, before });
    return result.status === 'accepted' ? 'confirmed' : 'not_possible';
  }
  if (a.status === 'cancelled' || a.status === 'late_cancelled') return 'already_done';
  const decision = decidePatientCancellation(a, f.policy, f.timeZone, now);
  if (!decision.ok || a.startAt <= now) return 'not_possible';
  const values = { status: decision.status, late_cancel_fee: decision.lateCancelFee, cancel_reason: source === 'sms' ? 'patient replied to a text' : 'patient cancelled by link' };
  const result = await writeAudited(ctx, f.orgId, 'appointments', a.id, values, { key: `answer:${key}`, action: `appointments.cancel_by_${source}`, before });
  return result.status !== 'accepted' ? 'not_possible' : decision.status;
}
