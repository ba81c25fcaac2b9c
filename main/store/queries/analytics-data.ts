// The rows the manager dashboard is computed from (db/analytics/), read from the device's
// replica so the dashboard works offline. Only appointments are many; they are read through
// the (location, start) or (provider, start) index when a filter allows, as raw tuples.
import type Database from 'better-sqlite3';
import type { AnalyticsAppointment, AnalyticsData, AnalyticsFilter, AnalyticsLocation } from '../../../db/analytics/types';
import type { AppointmentStatus, ScheduleException, ScheduleTemplate } from '../../../db/rules/types';
import { addDays, getStartOfDay } from '../../../db/rules/wallclock';
import type { SourceChannel, WallBreak } from '../../../db/schema/shared';
import type { LocalStore } from '../local-store';

const columns = 'id, location_id, provider_id, service_id, start_at, end_at, status, source_channel, booked_at';
type AppointmentTuple = [id: string, locationId: string, providerId: string, serviceId: string, startAt: number, endAt: number, status: AppointmentStatus, sourceChannel: SourceChannel, bookedAt: number];

// Fixed statements, one per index that can serve the filter; nothing from the caller is
// ever spliced into SQL.
export const appointmentSql = {
  byLocation: `select ${columns} from appointments indexed by appointments_location_start where location_id = ? and start_at >= ? and start_at < ? and deleted = 0`,
  byProvider: `select ${columns} from appointments indexed by appointments_provider_start where provider_id = ? and start_at >= ? and start_at < ? and deleted = 0`,
  all: `select ${columns} from appointments indexed by appointments_analytics where start_at >= ? and start_at < ? and deleted = 0`,
} as const;

type Statements = { [K in keyof typeof appointmentSql]: Database.Statement<unknown[], AppointmentTuple> };
const statements = new WeakMap<LocalStore, Statements>();

function prepared(store: LocalStore): Statements {
  let s = statements.get(store);
  if (!s) {
    const raw = (sql: string) => store.sqlite.prepare<unknown[], AppointmentTuple>(sql).raw();
    s = { byLocation: raw(appointmentSql.byLocation), byProvider: raw(appointmentSql.byProvider), all: raw(appointmentSql.all) };
    statements.set(store, s);
  }
  return s;
}

interface TemplateRow { id: string; provider_id: string; location_id: string; weekday: number; start: string; end: string; breaks: string; valid_from: string | null; valid_to: string | null }
interface ExceptionRow { id: string; provider_id: string; location_id: string | null; kind: 'time_off' | 'extra_hours'; start_at: number; end_at: number }

/**
 * Everything the filter can need. Appointments come for the widest UTC span the range's local
 * days cover at the chosen locations; db/analytics narrows them per location zone.
 */
export function loadAnalyticsData(store: LocalStore, filter: AnalyticsFilter): AnalyticsData {
  const db = store.sqlite;
  const locations = (db.prepare('select id, name, time_zone as timeZone from locations where deleted = 0 order by name').all() as AnalyticsLocation[])
    .filter((l) => !filter.locationId || l.id === filter.locationId);
  // Deleted providers and services keep their names: their past visits still count.
  const providers = db.prepare('select id, name from providers').all() as { id: string; name: string }[];
  const services = db.prepare('select id, name from services').all() as { id: string; name: string }[];
  if (locations.length === 0) return { locations, providers, services, templates: [], exceptions: [], appointments: [] };

  const start = Math.min(...locations.map((l) => getStartOfDay(filter.from, l.timeZone)));
  const end = Math.max(...locations.map((l) => getStartOfDay(addDays(filter.to, 1), l.timeZone)));
  const s = prepared(store);
  const tuples = filter.locationId ? s.byLocation.all(filter.locationId, start, end)
    : filter.providerId ? s.byProvider.all(filter.providerId, start, end)
      : s.all.all(start, end);
  const appointments: AnalyticsAppointment[] = tuples.map((r) => ({
    id: r[0], locationId: r[1], providerId: r[2], serviceId: r[3], startAt: r[4], endAt: r[5], status: r[6], sourceChannel: r[7], bookedAt: r[8],
  }));

  const templates: ScheduleTemplate[] = (db.prepare('select id, provider_id, location_id, weekday, start, "end", breaks, valid_from, valid_to from schedule_templates where deleted = 0').all() as TemplateRow[])
    .map((t) => ({
      id: t.id, providerId: t.provider_id, locationId: t.location_id, weekday: t.weekday, start: t.start, end: t.end,
      breaks: JSON.parse(t.breaks) as WallBreak[], validFrom: t.valid_from, validTo: t.valid_to,
    }));
  const exceptions: ScheduleException[] = (db.prepare('select id, provider_id, location_id, kind, start_at, end_at from schedule_exceptions where deleted = 0 and end_at > ? and start_at < ?').all(start, end) as ExceptionRow[])
    .map((e) => ({ id: e.id, providerId: e.provider_id, locationId: e.location_id, kind: e.kind, startAt: e.start_at, endAt: e.end_at }));
  return { locations, providers, services, templates, exceptions, appointments };
}
