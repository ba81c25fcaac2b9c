// Peak hours: a weekday x hour heat map in each location's own zone, so 09:00 means nine on
// the clinic's wall clock in winter and in summer alike.
// - basis 'visits': when appointments take place (cancelled ones excluded: nobody came);
// - basis 'bookings': when bookings were made (booked_at), for every appointment in range.
// On a fall-back night the 01:00 cell collects two real hours; on a spring-forward night
// the 02:00 cell stays empty: the wall clock never shows it.
import { resolveScope } from './scope';
import type { AnalyticsData, AnalyticsFilter } from './types';

export type PeakHoursBasis = 'visits' | 'bookings';

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface PeakHoursReport {
  basis: PeakHoursBasis;
  /** counts[weekday - 1][hour]: ISO weekday 1 = Monday, hour 0-23. */
  counts: number[][];
  max: number;
  total: number;
  /** The busiest cell (first in weekday, hour order on ties); null when empty. */
  peak: { weekday: number; hour: number; count: number } | null;
}

export function computePeakHours(data: AnalyticsData, filter: AnalyticsFilter, basis: PeakHoursBasis = 'visits'): PeakHoursReport {
  const scope = resolveScope(data, filter);
  const counts = weekdayNames.map(() => new Array<number>(24).fill(0));
  let total = 0;
  for (const a of scope.appointments) {
    if (basis === 'visits' && (a.status === 'cancelled' || a.status === 'late_cancelled')) continue;
    const { weekday, hour } = scope.windows.get(a.locationId)!.clock.partsOf(basis === 'visits' ? a.startAt : a.bookedAt);
    counts[weekday - 1]![hour]!++;
    total++;
  }
  let peak: PeakHoursReport['peak'] = null;
  counts.forEach((row, d) => row.forEach((count, hour) => {
    if (count > 0 && (peak === null || count > peak.count)) peak = { weekday: d + 1, hour, count };
  }));
  return { basis, counts, max: peak === null ? 0 : (peak as { count: number }).count, total, peak };
}
