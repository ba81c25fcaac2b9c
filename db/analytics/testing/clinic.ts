// A small clinic for hand-computed analytics tests: Los Angeles (DST on 2026-03-08 and
// 2026-11-01, both Sundays) and New York. Instants are written as UTC on purpose, so the
// expected figures do not lean on the code under test to convert wall times.
import type { AppointmentStatus, ScheduleException, ScheduleTemplate } from '../../rules/types';
import type { SourceChannel } from '../../schema/shared';
import type { AnalyticsAppointment, AnalyticsData } from '../types';

export const LA = { id: 'loc-la', name: 'Los Angeles', timeZone: 'America/Los_Angeles' };
export const NY = { id: 'loc-ny', name: 'New York', timeZone: 'America/New_York' };
export const minute = 60_000;
export const hour = 60 * minute;
export const utc = (iso: string) => Date.parse(iso);

export function template(id: string, providerId: string, locationId: string, weekday: number, start: string, end: string, breaks: { start: string; end: string }[] = []): ScheduleTemplate {
  return { id, providerId, locationId, weekday, start, end, breaks, validFrom: null, validTo: null };
}

export function exception(id: string, providerId: string, kind: ScheduleException['kind'], startIso: string, endIso: string, locationId: string | null = null): ScheduleException {
  return { id, providerId, locationId, kind, startAt: utc(startIso), endAt: utc(endIso) };
}

let serial = 0;

export function visit(fields: {
  providerId: string; startIso: string; minutes: number; status?: AppointmentStatus; locationId?: string;
  serviceId?: string; channel?: SourceChannel; bookedIso?: string;
}): AnalyticsAppointment {
  const startAt = utc(fields.startIso);
  return {
    id: `appt-${++serial}`,
    locationId: fields.locationId ?? LA.id,
    providerId: fields.providerId,
    serviceId: fields.serviceId ?? 'svc-visit',
    startAt,
    endAt: startAt + fields.minutes * minute,
    status: fields.status ?? 'booked',
    sourceChannel: fields.channel ?? 'desk',
    bookedAt: fields.bookedIso ? utc(fields.bookedIso) : startAt - 7 * 24 * hour,
  };
}

export function clinic(parts: Partial<AnalyticsData>): AnalyticsData {
  return {
    locations: [LA, NY],
    providers: [{ id: 'dr-a', name: 'Dr. Avery' }, { id: 'dr-b', name: 'Dr. Blake' }, { id: 'dr-c', name: 'Dr. Chen' }],
    services: [{ id: 'svc-visit', name: 'Visit' }, { id: 'svc-physical', name: 'Physical' }],
    templates: [],
    exceptions: [],
    appointments: [],
    ...parts,
  };
}
