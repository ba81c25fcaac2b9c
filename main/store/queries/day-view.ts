// One location's appointments for one calendar day, as the schedule grid shows them.
import type Database from 'better-sqlite3';
import type { AppointmentStatus, CalendarDate, Instant } from '../../../db/rules/types';
import { addDays, getStartOfDay } from '../../../db/rules/wallclock';
import type { LocalStore } from '../local-store';

export interface DayViewQuery {
  locationId: string;
  date: CalendarDate;
  /** The location's IANA zone: the day is its local calendar day. */
  timeZone: string;
}

export interface DayViewAppointment {
  id: string;
  startAt: Instant;
  endAt: Instant;
  status: AppointmentStatus;
  overbook: boolean;
  providerId: string;
  patientId: string;
  serviceId: string;
  /** The joined names are null while the referenced row has not arrived by sync yet. */
  providerName: string | null;
  patientFirstName: string | null;
  patientLastName: string | null;
  serviceName: string | null;
  serviceColor: string | null;
}

// LEFT joins, for two reasons. Shapes sync table by table, so an appointment can arrive
// before its patient: it must still show, not vanish from the desk's day. And SQLite never
// reorders a LEFT join's left side, so appointments stay the outer loop and are read through
// appointments_location_start whatever the statistics say (day-view.test.ts checks the plan).
// The id breaks ties between visits that start together, so the order is stable.
export const dayViewSql = `
select a.id, a.start_at, a.end_at, a.status, a.overbook, a.provider_id, a.patient_id, a.service_id,
  pr.name, p.first_name, p.last_name, s.name, s.color
from appointments a
left join patients p indexed by patients_day_view on p.id = a.patient_id
left join providers pr on pr.id = a.provider_id
left join services s on s.id = a.service_id
where a.location_id = ? and a.start_at >= ? and a.start_at < ? and a.deleted = 0
order by a.start_at, a.id`;

/** The select list, in order. */
type DayViewTuple = [
  id: string, startAt: Instant, endAt: Instant, status: AppointmentStatus, overbook: number,
  providerId: string, patientId: string, serviceId: string,
  providerName: string | null, patientFirstName: string | null, patientLastName: string | null,
  serviceName: string | null, serviceColor: string | null,
];

const statements = new WeakMap<LocalStore, Database.Statement<unknown[], DayViewTuple>>();

/**
 * Appointments whose start lies in the local day [start of `date`, start of the next day),
 * so a DST day holds 23 or 25 hours of bookings; ordered by start.
 */
export function readDayView(store: LocalStore, query: DayViewQuery): DayViewAppointment[] {
  let statement = statements.get(store);
  if (!statement) {
    // Raw arrays turned into literal objects are markedly cheaper than better-sqlite3's
    // per-row objects, and this read runs on every schedule refresh.
    statement = store.sqlite.prepare<unknown[], DayViewTuple>(dayViewSql).raw();
    statements.set(store, statement);
  }
  const dayStart = getStartOfDay(query.date, query.timeZone);
  const dayEnd = getStartOfDay(addDays(query.date, 1), query.timeZone);
  return statement.all(query.locationId, dayStart, dayEnd).map((r) => ({
    id: r[0], startAt: r[1], endAt: r[2], status: r[3], overbook: r[4] === 1,
    providerId: r[5], patientId: r[6], serviceId: r[7],
    providerName: r[8], patientFirstName: r[9], patientLastName: r[10], serviceName: r[11], serviceColor: r[12],
  }));
}
