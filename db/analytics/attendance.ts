// No-shows and cancellations, per week and over the whole range.
//
// Every appointment that starts in the range counts once, in the week (Monday to Sunday,
// in its location's zone) of its start. Rates:
// - cancellation rate: cancelled with notice / all appointments;
// - late-cancellation rate: late_cancelled / all appointments;
// - no-show rate: no_show / (no_show + attended), where attended is checked in, in progress
//   or completed. Appointments still booked or confirmed are "open" (in the future, or not
//   yet marked) and stay out of the no-show rate instead of diluting it.
// Weeks at the edges of the range are partial: they hold only the range's days.
import type { AppointmentStatus } from '../rules/types';
import { ratio, resolveScope } from './scope';
import type { AnalyticsData, AnalyticsFilter } from './types';
import { dateOfEpochDay, epochDayOf, isoWeekdayOf } from './zone-clock';

export type AttendanceOutcome = 'attended' | 'noShow' | 'cancelled' | 'lateCancelled' | 'open';

const outcomeOf: Record<AppointmentStatus, AttendanceOutcome> = {
  booked: 'open',
  confirmed: 'open',
  checked_in: 'attended',
  in_progress: 'attended',
  completed: 'attended',
  no_show: 'noShow',
  cancelled: 'cancelled',
  late_cancelled: 'lateCancelled',
};

export interface AttendanceFigures {
  appointments: number;
  attended: number;
  noShow: number;
  cancelled: number;
  lateCancelled: number;
  open: number;
  noShowRate: number | null;
  cancellationRate: number | null;
  lateCancellationRate: number | null;
}

export interface AttendanceWeek extends AttendanceFigures {
  /** Monday of the week, "YYYY-MM-DD". */
  weekStart: string;
}

export interface AttendanceReport {
  weeks: AttendanceWeek[];
  total: AttendanceFigures;
}

type Counts = Record<AttendanceOutcome, number>;

const emptyCounts = (): Counts => ({ attended: 0, noShow: 0, cancelled: 0, lateCancelled: 0, open: 0 });

function toFigures(c: Counts): AttendanceFigures {
  const appointments = c.attended + c.noShow + c.cancelled + c.lateCancelled + c.open;
  return {
    appointments, ...c,
    noShowRate: ratio(c.noShow, c.noShow + c.attended),
    cancellationRate: ratio(c.cancelled, appointments),
    lateCancellationRate: ratio(c.lateCancelled, appointments),
  };
}

const mondayOf = (epochDay: number) => epochDay - (isoWeekdayOf(epochDay) - 1);

export function computeAttendance(data: AnalyticsData, filter: AnalyticsFilter): AttendanceReport {
  const scope = resolveScope(data, filter);
  // Every week of the range is listed, empty or not, so a trend line has no holes.
  const weeks = new Map<number, Counts>();
  for (let monday = mondayOf(epochDayOf(filter.from)); monday <= epochDayOf(filter.to); monday += 7) weeks.set(monday, emptyCounts());
  const total = emptyCounts();
  for (const a of scope.appointments) {
    const { epochDay } = scope.windows.get(a.locationId)!.clock.partsOf(a.startAt);
    const outcome = outcomeOf[a.status];
    weeks.get(mondayOf(epochDay))![outcome]++;
    total[outcome]++;
  }
  return {
    weeks: [...weeks].map(([monday, counts]) => ({ weekStart: dateOfEpochDay(monday), ...toFigures(counts) })),
    total: toFigures(total),
  };
}
