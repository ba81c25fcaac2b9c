// Reads the operations share: one row by id (or a typed not_found), the policy in force at a
// location, and appointments turned into what the rules and the renderer see.
import { and, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import { say } from '../../db/rules/refusals';
import type { Appointment, Policy, Service } from '../../db/rules/types';
import { readWallClock } from '../../db/rules/wallclock';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { refuse } from './operation';

export type AppointmentRow = typeof schema.appointments.$inferSelect;
export type LocationRow = typeof schema.locations.$inferSelect;
export type ServiceRow = typeof schema.services.$inferSelect;
export type ProviderRow = typeof schema.providers.$inferSelect;
export type PatientRow = typeof schema.patients.$inferSelect;

const day = 86_400_000;

type LiveTable = typeof schema.locations | typeof schema.services | typeof schema.providers | typeof schema.patients | typeof schema.appointments;

/** The row, unless it is missing or deleted on this device: then a not_found the desk can show. */
type Missing = 'location' | 'service' | 'provider' | 'patient' | 'appointment';

function requireLive<T extends LiveTable>(store: LocalStore, table: T, id: string, missing: Missing, key: string): T['$inferSelect'] {
  const row = store.db.select().from(table as LiveTable).where(and(eq(table.id, id), eq(table.deleted, false))).get();
  if (!row) throw refuse('not_found', say(`refusal.notFound.${missing}`), { [key]: id });
  return row as T['$inferSelect'];
}

export const requireLocation = (store: LocalStore, id: string): LocationRow => requireLive(store, schema.locations, id, 'location', 'locationId');
export const requireService = (store: LocalStore, id: string): ServiceRow => requireLive(store, schema.services, id, 'service', 'serviceId');
export const requireProvider = (store: LocalStore, id: string): ProviderRow => requireLive(store, schema.providers, id, 'provider', 'providerId');
export const requirePatient = (store: LocalStore, id: string): PatientRow => requireLive(store, schema.patients, id, 'patient', 'patientId');
export const requireAppointment = (store: LocalStore, id: string): AppointmentRow => requireLive(store, schema.appointments, id, 'appointment', 'appointmentId');

/** The location's own policy when it has one, else the organization's default, else the schema defaults. */
export function loadPolicy(store: LocalStore, locationId: string): Policy & { lateCancelFeeCents: number } {
  const rows = store.db.select().from(schema.policies)
    .where(and(eq(schema.policies.deleted, false), or(eq(schema.policies.locationId, locationId), isNull(schema.policies.locationId))))
    .all();
  const row = rows.find((r) => r.locationId === locationId) ?? rows.find((r) => r.locationId === null);
  return {
    cancellationNoticeHours: row?.cancellationNoticeHours ?? 24,
    noShowGraceMinutes: row?.noShowGraceMinutes ?? 15,
    noShowThreshold: row?.noShowThreshold ?? 3,
    checkInEarlyMinutes: row?.checkInEarlyMinutes ?? 60,
    lateArrivalMinutes: row?.lateArrivalMinutes ?? 15,
    lateCancelFeeCents: row?.lateCancelFeeCents ?? 0,
  };
}

export function toRuleService(row: ServiceRow): Service & { name: string } {
  return {
    id: row.id,
    name: row.name,
    durationMin: row.durationMin,
    bufferBeforeMin: row.bufferBeforeMin,
    bufferAfterMin: row.bufferAfterMin,
    eligibleProviderIds: row.eligibleProviderIds,
    requiredResources: row.requiredResources,
  };
}

export function toRuleAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    locationId: row.locationId,
    providerId: row.providerId,
    serviceId: row.serviceId,
    patientId: row.patientId,
    resourceIds: row.resourceIds,
    startAt: row.startAt,
    endAt: row.endAt,
    status: row.status,
    bufferBeforeMin: row.bufferBeforeMin,
    bufferAfterMin: row.bufferAfterMin,
    overbook: row.overbook,
  };
}

/**
 * Appointments that could share a claim with a visit in [start, end): the same provider
 * anywhere, the same patient anywhere, or anything at the location (resources belong to one
 * location). A day of margin on each side covers the longest visit plus its buffers; the
 * rules then decide exactly. Each branch of the OR is served by an index on (x, start_at).
 */
export function loadNeighbours(store: LocalStore, near: { start: number; end: number; providerIds: string[]; patientId: string; locationId: string }): Appointment[] {
  const a = schema.appointments;
  return store.db.select().from(a)
    .where(and(
      eq(a.deleted, false),
      gte(a.startAt, near.start - day),
      lt(a.startAt, near.end + day),
      or(inArray(a.providerId, near.providerIds), eq(a.patientId, near.patientId), eq(a.locationId, near.locationId)),
    ))
    .all()
    .map(toRuleAppointment);
}

export interface AppointmentView {
  id: string;
  locationId: string;
  providerId: string;
  serviceId: string;
  patientId: string;
  resourceIds: string[];
  startAt: number;
  endAt: number;
  status: AppointmentRow['status'];
  overbook: boolean;
  notes: string | null;
  confirmationCode: string;
  cancelReason: string | null;
  lateCancelFee: boolean;
  sourceChannel: AppointmentRow['sourceChannel'];
  bookedAt: number;
}

export function toAppointmentView(row: AppointmentRow): AppointmentView {
  return {
    id: row.id,
    locationId: row.locationId,
    providerId: row.providerId,
    serviceId: row.serviceId,
    patientId: row.patientId,
    resourceIds: row.resourceIds,
    startAt: row.startAt,
    endAt: row.endAt,
    status: row.status,
    overbook: row.overbook,
    notes: row.notes,
    confirmationCode: row.confirmationCode,
    cancelReason: row.cancelReason,
    lateCancelFee: row.lateCancelFee,
    sourceChannel: row.sourceChannel,
    bookedAt: row.bookedAt,
  };
}

/** "2026-03-10 10:30" in the location's zone, for messages. */
export function describeTime(instant: number, timeZone: string): string {
  const { date, time } = readWallClock(instant, timeZone);
  return `${date} ${time}`;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
