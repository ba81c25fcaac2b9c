// One waitlist offer with what its messages and page need, in one query.
import type { AppointmentFacts, Language } from '../../db/reminders/templates';
import type { Sql } from '../store/server-db';
import type { HeldSlot } from './freed-slot';

export interface OfferFacts {
  id: string;
  orgId: string;
  freedAppointmentId: string;
  waitlistEntryId: string;
  status: 'offered' | 'accepted' | 'gone' | 'expired';
  expiresAt: number;
  slot: HeldSlot;
  patient: { id: string; phone: string | null; email: string | null; preferredChannel: 'sms' | 'email' | 'none'; language: Language };
  facts: AppointmentFacts;
}

export async function loadOfferFacts(db: Sql, offerId: string): Promise<OfferFacts | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select o.*, p.phone, p.email, p.preferred_channel, p.preferred_language, l.name as location_name, l.address, l.time_zone,
            s.name as service_name, pr.name as provider_name
     from waitlist_offers o
     join patients p on p.id = o.patient_id
     join locations l on l.id = (o.slot->>'locationId')
     left join services s on s.id = (o.slot->>'serviceId')
     left join providers pr on pr.id = (o.slot->>'providerId')
     where o.id = $1`, [offerId]);
  const r = rows[0];
  if (!r) return null;
  const slot = r.slot as HeldSlot;
  return {
    id: r.id as string, orgId: r.org_id as string, freedAppointmentId: r.freed_appointment_id as string, waitlistEntryId: r.waitlist_entry_id as string,
    status: r.status as OfferFacts['status'], expiresAt: Number(r.expires_at), slot,
    patient: {
      id: r.patient_id as string, phone: r.phone as string | null, email: r.email as string | null,
      preferredChannel: r.preferred_channel as OfferFacts['patient']['preferredChannel'], language: r.preferred_language === 'es' ? 'es' : 'en',
    },
    facts: {
      clinicName: r.location_name as string, address: r.address as string | null, timeZone: r.time_zone as string, startAt: slot.startAt,
      serviceName: (r.service_name as string | null) ?? 'clinic', providerName: (r.provider_name as string | null) ?? 'your clinician',
    },
  };
}
