// Plans the reminders of every appointment in the coming horizon and queues them: four bulk
// reads and one insert, whatever the number of appointments (no per-appointment queries).
import { planReminders, type PatientContact, type ReminderRuleRecord } from '../../db/reminders/plan';
import type { ReminderRule } from '../../db/schema/shared';
import type { AppointmentStatus } from '../../db/rules/types';
import { enqueueJobs } from '../jobs/queue';
import type { Sql } from '../store/server-db';
import { REMINDER_JOB, type ReminderPayload } from './send-reminder';

export async function planAndEnqueueReminders(db: Sql, now: number, horizonMs: number): Promise<{ planned: number; queued: number }> {
  const { rows: appointments } = await db.query<{ id: string; org_id: string; location_id: string; service_id: string; patient_id: string; start_at: number; status: AppointmentStatus }>(
    `select id, org_id, location_id, service_id, patient_id, start_at, status from appointments
     where start_at > $1 and start_at <= $2 and status in ('booked', 'confirmed') and not deleted`, [now, now + horizonMs]);
  if (appointments.length === 0) return { planned: 0, queued: 0 };
  const patientIds = [...new Set(appointments.map((a) => a.patient_id))];
  const [patients, locations, rules] = await Promise.all([
    db.query<{ id: string; preferred_channel: PatientContact['preferredChannel']; phone: string | null; email: string | null }>(
      'select id, preferred_channel, phone, email from patients where id = any($1::text[]) and not deleted', [patientIds]),
    db.query<{ id: string; time_zone: string }>('select id, time_zone from locations where not deleted'),
    db.query<{ id: string; org_id: string; location_id: string | null; service_id: string | null; rule: ReminderRule }>(
      'select id, org_id, location_id, service_id, rule from reminder_rules where not deleted'),
  ]);
  const orgOf = new Map(appointments.map((a) => [a.id, a.org_id]));
  const rulesByOrg = new Map<string, ReminderRuleRecord[]>();
  for (const r of rules.rows) {
    const list = rulesByOrg.get(r.org_id) ?? [];
    list.push({ id: r.id, locationId: r.location_id, serviceId: r.service_id, rule: r.rule });
    rulesByOrg.set(r.org_id, list);
  }
  const patientsById = new Map(patients.rows.map((p) => [p.id, { preferredChannel: p.preferred_channel, phone: p.phone, email: p.email }]));
  const timeZones = new Map(locations.rows.map((l) => [l.id, l.time_zone]));
  const planned = [...rulesByOrg].flatMap(([orgId, orgRules]) => planReminders({
    appointments: appointments.filter((a) => a.org_id === orgId).map((a) => ({
      id: a.id, locationId: a.location_id, serviceId: a.service_id, patientId: a.patient_id, startAt: Number(a.start_at), status: a.status,
    })),
    rules: orgRules, patients: patientsById, timeZones, now,
  }));
  const queued = await enqueueJobs(db, planned.map((p) => ({
    orgId: orgOf.get(p.appointmentId)!, kind: REMINDER_JOB, dedupeKey: p.dedupeKey, runAt: p.sendAt,
    payload: { appointmentId: p.appointmentId, channel: p.channel, kind: p.kind, startAt: p.startAt } satisfies ReminderPayload as unknown as Record<string, unknown>,
  })), now);
  return { planned: planned.length, queued };
}
