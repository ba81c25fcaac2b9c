// Appointments still unconfirmed a day ahead become a front-desk task: someone should call.
import { ESCALATION_LEAD_MS, needsConfirmationCall } from '../../db/rules/attendance-policy';
import { formatDate, formatTime } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import { enqueueJobs, type ClaimedJob } from '../jobs/queue';
import type { Sql } from '../store/server-db';
import { loadAppointmentFacts } from './appointment-facts';
import { raiseStaffTask } from './staff-tasks';

export const ESCALATE_JOB = 'escalate_unconfirmed';

export async function enqueueEscalations(db: Sql, now: number): Promise<number> {
  const { rows } = await db.query<{ id: string; org_id: string; start_at: number }>(
    `select id, org_id, start_at from appointments where status = 'booked' and not deleted and start_at > $1 and start_at <= $2`, [now, now + ESCALATION_LEAD_MS]);
  return enqueueJobs(db, rows.map((r) => ({ orgId: r.org_id, kind: ESCALATE_JOB, dedupeKey: `escalate:${r.id}:${r.start_at}`, runAt: now, payload: { appointmentId: r.id } })), now);
}

export async function escalateUnconfirmed(ctx: JobsContext, job: ClaimedJob): Promise<void> {
  const f = await loadAppointmentFacts(ctx.server.db, job.payload.appointmentId as string);
  if (!f || !needsConfirmationCall(f.appointment, ctx.now())) return;
  const when = `${formatDate(f.appointment.startAt, f.timeZone, 'en')} ${formatTime(f.appointment.startAt, f.timeZone, 'en')}`;
  await raiseStaffTask(ctx, f.orgId, {
    key: job.dedupeKey, locationId: f.appointment.locationId, appointmentId: f.appointment.id, kind: 'unconfirmed_appointment', dueAt: f.appointment.startAt,
    title: `Call ${f.patient.firstName}: ${f.serviceName} on ${when} is not confirmed.`,
  });
}
