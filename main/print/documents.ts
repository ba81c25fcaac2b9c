// Each printable document from the store: read what it shows, then fill its template.
// Reads only; the API operations decide who may print what.
import { and, asc, desc, eq, gte, lt } from 'drizzle-orm';
import { addDays, getStartOfDay } from '../../db/rules/wallclock';
import type { CalendarDate } from '../../db/rules/types';
import * as schema from '../../db/schema/sqlite';
import { requireAppointment, requireLocation, requirePatient, requireProvider, requireService } from '../api/lookups';
import type { LocalStore } from '../store/local-store';
import { renderQrSvg } from './qr';
import { renderAppointmentSlip } from './templates/appointment-slip';
import { renderCheckInSlip } from './templates/check-in-slip';
import { renderDaySheet, type DaySheetRow } from './templates/day-sheet';
import { renderPatientLabel } from './templates/patient-label';
import { formatDateOf, formatTime } from './format';

function clinicName(store: LocalStore): string {
  const org = store.db.select({ name: schema.organizations.name }).from(schema.organizations).where(eq(schema.organizations.deleted, false)).get();
  return org?.name ?? 'Clinic';
}

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export async function appointmentSlipHtml(store: LocalStore, appointmentId: string): Promise<string> {
  const appointment = requireAppointment(store, appointmentId);
  const location = requireLocation(store, appointment.locationId);
  const service = requireService(store, appointment.serviceId);
  return renderAppointmentSlip({
    clinicName: clinicName(store),
    locationName: location.name,
    locationAddress: location.address,
    locationPhone: location.phone,
    timeZone: location.timeZone,
    patientName: fullName(requirePatient(store, appointment.patientId)),
    startAt: appointment.startAt,
    providerName: requireProvider(store, appointment.providerId).name,
    serviceName: service.name,
    preparation: service.preparation,
    confirmationCode: appointment.confirmationCode,
    qrSvg: await renderQrSvg(appointment.confirmationCode),
  });
}

/** When the appointment was last checked in, from the audit trail (the row keeps no time). */
function checkedInAt(store: LocalStore, appointmentId: string): number | null {
  const a = schema.auditEvents;
  const events = store.db.select({ at: a.at, after: a.after }).from(a)
    .where(and(eq(a.entityTable, 'appointments'), eq(a.entityId, appointmentId))).orderBy(desc(a.at)).all();
  return events.find((e) => e.after?.status === 'checked_in')?.at ?? null;
}

export function checkInSlipHtml(store: LocalStore, appointmentId: string, now: number): string {
  const appointment = requireAppointment(store, appointmentId);
  const location = requireLocation(store, appointment.locationId);
  const patient = requirePatient(store, appointment.patientId);
  return renderCheckInSlip({
    locationName: location.name,
    timeZone: location.timeZone,
    patientName: fullName(patient),
    dateOfBirth: patient.dateOfBirth,
    startAt: appointment.startAt,
    checkedInAt: checkedInAt(store, appointmentId) ?? now,
    providerName: requireProvider(store, appointment.providerId).name,
    serviceName: requireService(store, appointment.serviceId).name,
    confirmationCode: appointment.confirmationCode,
    notes: appointment.notes,
  });
}

export function patientLabelHtml(store: LocalStore, patientId: string, appointmentId: string | null): string {
  const patient = requirePatient(store, patientId);
  let line: string | null = null;
  if (appointmentId) {
    const appointment = requireAppointment(store, appointmentId);
    const zone = requireLocation(store, appointment.locationId).timeZone;
    line = `${formatDateOf(appointment.startAt, zone)} ${formatTime(appointment.startAt, zone)}`;
  }
  return renderPatientLabel({ patientName: fullName(patient), dateOfBirth: patient.dateOfBirth, patientRef: patient.id.replace(/-/g, '').slice(-8).toUpperCase(), line });
}

export function daySheetHtml(store: LocalStore, query: { locationId: string; date: CalendarDate; providerId: string | null }, now: number): string {
  const location = requireLocation(store, query.locationId);
  const provider = query.providerId ? requireProvider(store, query.providerId) : null;
  const a = schema.appointments;
  const p = schema.patients;
  const conditions = [
    eq(a.locationId, location.id),
    eq(a.deleted, false),
    gte(a.startAt, getStartOfDay(query.date, location.timeZone)),
    lt(a.startAt, getStartOfDay(addDays(query.date, 1), location.timeZone)),
  ];
  if (provider) conditions.push(eq(a.providerId, provider.id));
  const rows: DaySheetRow[] = store.db.select({
    startAt: a.startAt, endAt: a.endAt, status: a.status, notes: a.notes, code: a.confirmationCode,
    first: p.firstName, last: p.lastName, dob: p.dateOfBirth, service: schema.services.name, provider: schema.providers.name,
  }).from(a)
    .leftJoin(p, eq(p.id, a.patientId))
    .leftJoin(schema.services, eq(schema.services.id, a.serviceId))
    .leftJoin(schema.providers, eq(schema.providers.id, a.providerId))
    .where(and(...conditions))
    .orderBy(asc(a.startAt), asc(schema.providers.name), asc(a.id))
    .all()
    .map((r) => ({
      startAt: r.startAt,
      endAt: r.endAt,
      // A row can arrive by sync before its patient: print it anyway, marked.
      patientName: r.first !== null && r.last !== null ? `${r.first} ${r.last}` : '(patient not yet synced)',
      dateOfBirth: r.dob,
      serviceName: r.service ?? '',
      providerName: r.provider ?? '',
      status: r.status,
      notes: r.notes,
      confirmationCode: r.code,
    }));
  return renderDaySheet({
    clinicName: clinicName(store), locationName: location.name, timeZone: location.timeZone, date: query.date,
    providerName: provider?.name ?? null, rows, printedAt: now,
  });
}
