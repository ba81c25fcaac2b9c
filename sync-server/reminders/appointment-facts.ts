// Everything a message or a decision about one appointment needs, in one query.
import type { FeePolicy } from '../../db/rules/attendance-policy';
import type { Appointment } from '../../db/rules/types';
import type { Language } from '../../db/reminders/templates';
import { appointmentFromRow } from '../../db/schema/appointment-row';
import type { Sql } from '../store/server-db';

export interface AppointmentFacts {
  orgId: string;
  appointment: Appointment;
  row: Record<string, unknown>;
  patient: { id: string; firstName: string; phone: string | null; email: string | null; preferredChannel: 'sms' | 'email' | 'none'; language: Language };
  clinicName: string;
  address: string | null;
  timeZone: string;
  serviceName: string;
  providerName: string;
  policy: FeePolicy;
}

const defaultPolicy: FeePolicy = { cancellationNoticeHours: 24, lateCancelFeeCents: 0, noShowGraceMinutes: 15, noShowThreshold: 3, checkInEarlyMinutes: 60, lateArrivalMinutes: 15 };

export async function loadAppointmentFacts(db: Sql, appointmentId: string): Promise<AppointmentFacts | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select a.*, p.first_name, p.phone, p.email, p.preferred_channel, p.preferred_language,
            l.name as location_name, l.address, l.time_zone, s.name as service_name, pr.name as provider_name,
            (select to_jsonb(po) from policies po where po.org_id = a.org_id and not po.deleted
               and (po.location_id = a.location_id or po.location_id is null)
             order by po.location_id nulls last limit 1) as policy
     from appointments a
     join patients p on p.id = a.patient_id
     join locations l on l.id = a.location_id
     left join services s on s.id = a.service_id
     left join providers pr on pr.id = a.provider_id
     where a.id = $1 and not a.deleted`, [appointmentId]);
  const r = rows[0];
  if (!r) return null;
  const po = r.policy as Record<string, number> | null;
  return {
    orgId: r.org_id as string,
    appointment: appointmentFromRow(r),
    row: r,
    patient: {
      id: r.patient_id as string, firstName: r.first_name as string, phone: r.phone as string | null, email: r.email as string | null,
      preferredChannel: r.preferred_channel as 'sms' | 'email' | 'none', language: r.preferred_language === 'es' ? 'es' : 'en',
    },
    clinicName: r.location_name as string,
    address: r.address as string | null,
    timeZone: r.time_zone as string,
    serviceName: (r.service_name as string | null) ?? 'clinic',
    providerName: (r.provider_name as string | null) ?? 'your clinician',
    policy: po ? {
      cancellationNoticeHours: po.cancellation_notice_hours!, lateCancelFeeCents: po.late_cancel_fee_cents!, noShowGraceMinutes: po.no_show_grace_minutes!,
      noShowThreshold: po.no_show_threshold!, checkInEarlyMinutes: po.check_in_early_minutes!, lateArrivalMinutes: po.late_arrival_minutes!,
    } : defaultPolicy,
  };
}

export function templateFacts(f: AppointmentFacts) {
  return { clinicName: f.clinicName, serviceName: f.serviceName, providerName: f.providerName, address: f.address, startAt: f.appointment.startAt, timeZone: f.timeZone };
}
