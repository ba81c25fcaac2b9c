// Reads for the orphan rule (db/rules/orphans.ts): a provider's upcoming visits and the
// hours they are judged against, and the rows the manager's "to rebook" list shows.
import { and, asc, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import { findOrphanedAppointments } from '../../db/rules/orphans';
import type { Appointment, ScheduleException, ScheduleTemplate } from '../../db/rules/types';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { toRuleAppointment } from './lookups';

export interface OrphanView {
  id: string;
  patientId: string;
  patientName: string;
  providerId: string;
  locationId: string;
  serviceId: string;
  serviceName: string | null;
  startAt: number;
  endAt: number;
  status: string;
  /** In a preview or after a save: whether it was already outside working hours before the change. */
  wasOutsideBefore?: boolean;
}

export interface UpcomingScope {
  now: number;
  providerIds?: string[];
  locationId?: string;
  /** Only visits overlapping this span (what one exception can affect). */
  during?: { start: number; end: number };
}

/** Booked or confirmed visits not yet over; the orphan rule filters statuses itself too. */
export function loadUpcomingAppointments(store: LocalStore, scope: UpcomingScope): Appointment[] {
  const a = schema.appointments;
  const conditions: SQL[] = [eq(a.deleted, false), gt(a.endAt, scope.now), inArray(a.status, ['booked', 'confirmed'])];
  if (scope.providerIds) conditions.push(inArray(a.providerId, scope.providerIds));
  if (scope.locationId) conditions.push(eq(a.locationId, scope.locationId));
  if (scope.during) conditions.push(lt(a.startAt, scope.during.end), gt(a.endAt, scope.during.start));
  return store.db.select().from(a).where(and(...conditions)).orderBy(asc(a.startAt), asc(a.id)).all().map(toRuleAppointment);
}

export interface HoursInForce {
  locations: { id: string; timeZone: string }[];
  templates: ScheduleTemplate[];
  exceptions: ScheduleException[];
}

/** Templates and exceptions of these providers that can bear on visits after `now`. */
export function loadHoursInForce(store: LocalStore, providerIds: string[] | null, now: number): HoursInForce {
  const t = schema.scheduleTemplates;
  const e = schema.scheduleExceptions;
  const byTemplateProvider = providerIds ? inArray(t.providerId, providerIds) : undefined;
  const byExceptionProvider = providerIds ? inArray(e.providerId, providerIds) : undefined;
  // A day of margin: an exception that ended just before now cannot matter, one that ends later can.
  const recent = now - 86_400_000;
  return {
    locations: store.db.select({ id: schema.locations.id, timeZone: schema.locations.timeZone }).from(schema.locations).all(),
    templates: store.db.select().from(t).where(and(eq(t.deleted, false), byTemplateProvider)).all(),
    exceptions: store.db.select().from(e).where(and(eq(e.deleted, false), byExceptionProvider, gt(e.endAt, recent))).all(),
  };
}

export function findOrphans(hours: HoursInForce, appointments: Appointment[]): Appointment[] {
  return findOrphanedAppointments({ ...hours, appointments });
}

/** The rows a manager reads, in the order given; `before` marks the ones already outside hours. */
export function describeOrphans(store: LocalStore, orphans: Appointment[], before?: ReadonlySet<string>): OrphanView[] {
  if (orphans.length === 0) return [];
  const ids = orphans.map((o) => o.id);
  const names = new Map<string, { patientName: string; serviceName: string | null }>();
  // Chunked: SQLite caps the number of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = store.db.select({
      id: schema.appointments.id, first: schema.patients.firstName, last: schema.patients.lastName, service: schema.services.name,
    }).from(schema.appointments)
      .leftJoin(schema.patients, eq(schema.patients.id, schema.appointments.patientId))
      .leftJoin(schema.services, eq(schema.services.id, schema.appointments.serviceId))
      .where(inArray(schema.appointments.id, ids.slice(i, i + 500))).all();
    for (const r of rows) names.set(r.id, { patientName: r.last ? `${r.last}, ${r.first ?? ''}`.trim() : 'Unknown patient', serviceName: r.service });
  }
  return orphans.map((o) => ({
    id: o.id,
    patientId: o.patientId,
    patientName: names.get(o.id)?.patientName ?? 'Unknown patient',
    providerId: o.providerId,
    locationId: o.locationId,
    serviceId: o.serviceId,
    serviceName: names.get(o.id)?.serviceName ?? null,
    startAt: o.startAt,
    endAt: o.endAt,
    status: o.status,
    ...(before ? { wasOutsideBefore: before.has(o.id) } : {}),
  }));
}

/** Orphans under `proposed` among `appointments`, each marked with whether `current` already orphaned it. */
export function compareOrphans(store: LocalStore, current: HoursInForce, proposed: HoursInForce, appointments: Appointment[]): OrphanView[] {
  const before = new Set(findOrphans(current, appointments).map((a) => a.id));
  return describeOrphans(store, findOrphans(proposed, appointments), before);
}
