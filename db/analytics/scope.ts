// Which appointments and which stretch of time a filter covers. A date range is a range of
// local calendar days, so each location gets its own [start, end) in UTC: 2026-03-08 in Los
// Angeles is 23 hours long and starts three hours after 2026-03-08 in New York.
import type { Instant } from '../rules/types';
import { addDays, getStartOfDay } from '../rules/wallclock';
import type { AnalyticsAppointment, AnalyticsData, AnalyticsFilter, AnalyticsLocation } from './types';
import { createZoneClock, type ZoneClock } from './zone-clock';

export interface LocationWindow {
  location: AnalyticsLocation;
  start: Instant;
  end: Instant;
  clock: ZoneClock;
}

export interface Scope {
  filter: AnalyticsFilter;
  windows: Map<string, LocationWindow>;
  /** Appointments that start inside their location's window and match every filter, in input order. */
  appointments: AnalyticsAppointment[];
}

export function assertValidRange(filter: AnalyticsFilter): void {
  if (filter.to < filter.from) throw new RangeError(`The range ends (${filter.to}) before it starts (${filter.from}).`);
}

export function resolveScope(data: AnalyticsData, filter: AnalyticsFilter): Scope {
  assertValidRange(filter);
  const windows = new Map<string, LocationWindow>();
  for (const location of data.locations) {
    if (filter.locationId && location.id !== filter.locationId) continue;
    const start = getStartOfDay(filter.from, location.timeZone);
    const end = getStartOfDay(addDays(filter.to, 1), location.timeZone);
    windows.set(location.id, { location, start, end, clock: createZoneClock(location.timeZone, start, end) });
  }
  const appointments = data.appointments.filter((a) => {
    const window = windows.get(a.locationId);
    return window !== undefined && a.startAt >= window.start && a.startAt < window.end
      && (!filter.providerId || a.providerId === filter.providerId)
      && (!filter.serviceId || a.serviceId === filter.serviceId);
  });
  return { filter, windows, appointments };
}

/** Rounded so that chart, table and CSV show one and the same number. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : roundTo(numerator / denominator, 4);
}

export function minutesOf(ms: number): number {
  return roundTo(ms / 60_000, 2);
}

export function nameOf(rows: { id: string; name: string }[]): (id: string) => string {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  // Rows sync table by table: an appointment can arrive before its provider.
  return (id) => names.get(id) ?? `(unknown ${id.slice(0, 8)})`;
}
