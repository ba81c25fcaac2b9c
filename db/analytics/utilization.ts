// Utilization: booked minutes / available minutes, per provider at each location, per
// location, and overall.
//
// Available minutes are the provider's working time from db/rules/availability.ts
// (template blocks minus breaks, plus extra hours, minus time off), resolved in the
// location's zone and clipped to the range's local days: a 00:00-04:00 block lasts 3 real
// hours on a spring-forward night and 5 on a fall-back night, and is counted as such.
// Booked minutes are the real length of every appointment that still held its time
// (booked through completed, and no-shows: the slot was taken even if nobody came);
// cancellations free the time and do not count. Overbooking and visits outside working
// hours can push a figure above 1; that is reported, not hidden.
// With a service filter, only that service's visits count as booked: the share of the
// providers' time that the service used.
import { planProviderHours } from '../rules/availability';
import type { AppointmentStatus, Interval, ScheduleException, ScheduleTemplate } from '../rules/types';
import { addDays, listDates } from '../rules/wallclock';
import { minutesOf, nameOf, ratio, resolveScope, type LocationWindow } from './scope';
import type { AnalyticsData, AnalyticsFilter } from './types';
import { groupBy } from '../group-by';

export const timeHoldingStatuses: ReadonlySet<AppointmentStatus> = new Set<AppointmentStatus>(['booked', 'confirmed', 'checked_in', 'in_progress', 'completed', 'no_show']);

export interface UtilizationFigures {
  availableMinutes: number;
  bookedMinutes: number;
  /** null when nothing was available. */
  utilization: number | null;
}

export interface ProviderUtilization extends UtilizationFigures {
  providerId: string;
  providerName: string;
  locationId: string;
  locationName: string;
}

export interface LocationUtilization extends UtilizationFigures {
  locationId: string;
  locationName: string;
}

export interface UtilizationReport {
  byProvider: ProviderUtilization[];
  byLocation: LocationUtilization[];
  total: UtilizationFigures;
}

function figures(availableMs: number, bookedMs: number): UtilizationFigures {
  return { availableMinutes: minutesOf(availableMs), bookedMinutes: minutesOf(bookedMs), utilization: ratio(bookedMs, availableMs) };
}

function clippedLength(intervals: Interval[], window: { start: number; end: number }): number {
  let total = 0;
  for (const i of intervals) total += Math.max(0, Math.min(i.end, window.end) - Math.max(i.start, window.start));
  return total;
}

const pairKey = (providerId: string, locationId: string) => `${providerId}\u0000${locationId}`;

function availableMs(window: LocationWindow, templates: ScheduleTemplate[], exceptions: ScheduleException[], filter: AnalyticsFilter): number {
  // The day before `from` too: an overnight block that starts then reaches into the range.
  const dates = listDates(addDays(filter.from, -1), filter.to);
  const nearby = exceptions.filter((e) => e.endAt > window.start && e.startAt < window.end);
  const hours = planProviderHours(templates, nearby, dates, { id: window.location.id, timeZone: window.location.timeZone });
  return clippedLength(hours.working, window);
}

export function computeUtilization(data: AnalyticsData, filter: AnalyticsFilter): UtilizationReport {
  const scope = resolveScope(data, filter);
  const providerName = nameOf(data.providers);
  const wantsProvider = (id: string) => !filter.providerId || id === filter.providerId;
  const templates = groupBy(data.templates.filter((t) => wantsProvider(t.providerId)), (t) => pairKey(t.providerId, t.locationId));
  const exceptions = groupBy(data.exceptions.filter((e) => wantsProvider(e.providerId)), (e) => e.providerId);

  const booked = new Map<string, number>();
  for (const a of scope.appointments) {
    if (!timeHoldingStatuses.has(a.status)) continue;
    const key = pairKey(a.providerId, a.locationId);
    booked.set(key, (booked.get(key) ?? 0) + (a.endAt - a.startAt));
  }

  const byProvider: ProviderUtilization[] = [];
  const byLocation: LocationUtilization[] = [];
  let totalAvailable = 0;
  let totalBooked = 0;
  for (const window of scope.windows.values()) {
    const locationId = window.location.id;
    const providerIds = new Set<string>();
    for (const t of data.templates) if (t.locationId === locationId && wantsProvider(t.providerId)) providerIds.add(t.providerId);
    for (const e of data.exceptions) if (e.kind === 'extra_hours' && e.locationId === locationId && wantsProvider(e.providerId)) providerIds.add(e.providerId);
    for (const key of booked.keys()) {
      const [providerId, at] = key.split('\u0000') as [string, string];
      if (at === locationId) providerIds.add(providerId);
    }
    let locationAvailable = 0;
    let locationBooked = 0;
    for (const providerId of providerIds) {
      const available = availableMs(window, templates.get(pairKey(providerId, locationId)) ?? [], exceptions.get(providerId) ?? [], filter);
      const bookedMs = booked.get(pairKey(providerId, locationId)) ?? 0;
      locationAvailable += available;
      locationBooked += bookedMs;
      byProvider.push({ providerId, providerName: providerName(providerId), locationId, locationName: window.location.name, ...figures(available, bookedMs) });
    }
    totalAvailable += locationAvailable;
    totalBooked += locationBooked;
    byLocation.push({ locationId, locationName: window.location.name, ...figures(locationAvailable, locationBooked) });
  }
  byProvider.sort((a, b) => a.locationName.localeCompare(b.locationName) || a.providerName.localeCompare(b.providerName) || (a.providerId < b.providerId ? -1 : 1));
  byLocation.sort((a, b) => a.locationName.localeCompare(b.locationName));
  return { byProvider, byLocation, total: figures(totalAvailable, totalBooked) };
}
