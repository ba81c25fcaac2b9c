// Which booked visits a schedule change would leave outside working hours ("orphans"), so a
// manager sees them listed for rebooking before and after saving, instead of the calendar
// silently hiding them. Nothing here cancels anything.
//
// A visit is orphaned when [startAt, endAt) does not lie inside one working interval of its
// provider at its location: planProviderHours' working time (templates minus breaks, plus
// extra hours, minus time off), the very rule availability.ts books against. Its buffers
// may stay outside, as at booking: preparation before opening or cleanup over lunch is the
// provider's own time. Judging buffers more strictly than the slot search would list visits
// the desk would then be offered the same slot for, and the list would never empty.
//
// Days are resolved in the location's zone through wallclock.ts, so DST nights count real
// hours (a 01:00-04:00 block on 2026-03-08 in Los Angeles is two hours long).
import { planProviderHours } from './availability';
import type { Appointment, AppointmentStatus, CalendarDate, Interval, Location, ScheduleException, ScheduleTemplate } from './types';
import { addDays, listDates, readWallClock } from './wallclock';

export interface OrphanInput {
  /** Every location an appointment may be at; an appointment at an unknown one is skipped. */
  locations: Location[];
  /** The templates in force (or proposed): only those of each visit's provider and location count. */
  templates: ScheduleTemplate[];
  exceptions: ScheduleException[];
  appointments: Appointment[];
}

// Only visits still ahead need rebooking: a patient checked in or being seen is already
// here, and finished or cancelled visits hold no time worth moving.
const awaitingStatuses: ReadonlySet<AppointmentStatus> = new Set(['booked', 'confirmed']);

export function isAwaitingVisit(status: AppointmentStatus): boolean {
  return awaitingStatuses.has(status);
}

/** Booked or confirmed appointments outside their provider's working hours, in the order given. */
export function findOrphanedAppointments(input: OrphanInput): Appointment[] {
  const locations = new Map(input.locations.map((l) => [l.id, l]));
  const groups = new Map<string, Appointment[]>();
  for (const appointment of input.appointments) {
    if (!isAwaitingVisit(appointment.status) || !locations.has(appointment.locationId)) continue;
    const key = `${appointment.providerId}\u0000${appointment.locationId}`;
    const group = groups.get(key);
    if (group) group.push(appointment);
    else groups.set(key, [appointment]);
  }
  const orphaned = new Set<string>();
  for (const group of groups.values()) {
    const { providerId, locationId } = group[0] as Appointment;
    const location = locations.get(locationId) as Location;
    const templates = input.templates.filter((t) => t.providerId === providerId && t.locationId === locationId);
    const exceptions = input.exceptions.filter((e) => e.providerId === providerId);
    const working = planProviderHours(templates, exceptions, datesCovering(group, location.timeZone), location).working;
    for (const appointment of group) {
      if (!isInside(working, { start: appointment.startAt, end: appointment.endAt })) orphaned.add(appointment.id);
    }
  }
  return input.appointments.filter((a) => orphaned.has(a.id));
}

/** From the day before the earliest start (an overnight block reaching in) to the latest end's day. */
function datesCovering(appointments: Appointment[], timeZone: string): CalendarDate[] {
  let first: CalendarDate | null = null;
  let last: CalendarDate | null = null;
  for (const a of appointments) {
    const start = readWallClock(a.startAt, timeZone).date;
    const end = readWallClock(a.endAt, timeZone).date;
    if (first === null || start < first) first = start;
    if (last === null || end > last) last = end;
  }
  return first === null || last === null ? [] : listDates(addDays(first, -1), last);
}

/** Whether `visit` lies inside one of the sorted, disjoint `working` intervals. */
function isInside(working: Interval[], visit: Interval): boolean {
  let lo = 0;
  let hi = working.length;
  // The last interval starting at or before the visit is the only candidate.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((working[mid] as Interval).start <= visit.start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = working[lo - 1];
  return candidate !== undefined && visit.end <= candidate.end && visit.start < candidate.end;
}
