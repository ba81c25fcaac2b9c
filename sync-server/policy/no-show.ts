// Appointments nobody checked in by the end of the grace period become no-shows. The sweep
// queues candidates; the job re-reads each one, so a late check-in still wins.
import { findNoShows } from '../../db/rules/attendance-policy';
import type { JobsContext } from '../jobs/context';
import { enqueueJobs, type ClaimedJob } from '../jobs/queue';
import { loadAppointmentFacts } from '../reminders/appointment-facts';
import { writeAudited } from '../reminders/write-appointment';
import type { Sql } from '../store/server-db';

export const NO_SHOW_JOB = 'mark_no_show';

/** Looks back two days: a server that was down over a weekend still catches up. */
export async function enqueueNoShowChecks(db: Sql, now: number): Promise<number> {
  const { rows } = await db.query<{ id: string; org_id: string; start_at: number }>(
    `select id, org_id, start_at from appointments where status in ('booked', 'confirmed') and not deleted and start_at <= $1 and start_at > $1 - $2`,
    [now, 2 * 86_400_000]);
  return enqueueJobs(db, rows.map((r) => ({ orgId: r.org_id, kind: NO_SHOW_JOB, dedupeKey: `no_show:${r.id}:${r.start_at}`, runAt: now, payload: { appointmentId: r.id } })), now);
}

export async function markNoShow(ctx: JobsContext, job: ClaimedJob): Promise<void> {
  const f = await loadAppointmentFacts(ctx.server.db, job.payload.appointmentId as string);
  if (!f) return;
  if (findNoShows([f.appointment], f.policy, f.timeZone, ctx.now()).length === 0) {
    // Still inside the grace period: look again when it ends.
    const graceEnds = f.appointment.startAt + f.policy.noShowGraceMinutes * 60_000;
    if (['booked', 'confirmed'].includes(f.appointment.status) && graceEnds > ctx.now()) throw new Error(`grace period runs until ${new Date(graceEnds).toISOString()}`);
    return;
  }
  await writeAudited(ctx, f.orgId, 'appointments', f.appointment.id, { status: 'no_show' },
    { key: job.dedupeKey, action: 'appointments.no_show_by_policy', before: { status: f.appointment.status } });
}
