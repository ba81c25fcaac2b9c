// Open slots for a service at a location.
//
// Bookable slot, precisely (s = slot start, d = service duration, bb/ba = service buffers):
// 1. Working time: the visit [s, s + d) lies inside the provider's working time at this
//    location, which is ((template blocks - their breaks) + extra_hours) - time_off;
//    exceptions whose locationId is null apply at every location. Extra hours therefore
//    override a template break they cover.
//    The buffers may lie outside it: preparation before opening, cleanup during a break or
//    after closing is the provider's own time, not a patient's.
// 2. Provider: [s - bb, s + d + ba) does not overlap any busy interval
//    [startAt - bufferBeforeMin, endAt + bufferAfterMin) of the provider's active
//    appointments, at any location (a provider cannot be in two places). Each appointment
//    keeps the buffers it was booked with.
// 3. Resources: for each set in service.requiredResources, some resource of the set (and at
//    this location when `resources` is given) is free over [s - bb, s + d + ba); the first
//    free one in list order is taken, and one resource never fills two sets.
// 4. s >= notBefore, and s falls on a calendar day from..to in the location's zone.
// These are the same claims overlap.ts gives the server, so a slot offered here passes the
// server's exclusion check unless someone booked it in the meantime.
//
// Slot grid: starts are stepped every stepMin real minutes from the start of each
// contiguous stretch of scheduled hours (template blocks and extra hours, merged). Breaks,
// time off and appointments only remove starts, they never shift the grid, so a day reads
// 09:00, 09:15, ... before and after lunch. DST rules are those of wallclock.ts.
//
// Cost: appointments are filtered to the searched window and grouped by provider and
// resource in one pass, each group's starts and ends are sorted once, then every
// provider's candidates are swept in time order with moving cursors: O(A log A + slots),
// never O(slots x appointments).
import { isActive } from './overlap';
import type {
  Appointment,
  CalendarDate,
  Instant,
  Interval,
  Location,
  ScheduleException,
  ScheduleTemplate,
  Service,
} from './types';
import { addDays, getIsoWeekday, getStartOfDay, listDates, parseWallTime, resolveWallTime } from './wallclock';
import { groupBy } from '../group-by';

export interface AvailabilityInput {
  location: Location;
  service: Service;
  providerIds: string[];
  from: CalendarDate;
  /** Inclusive. */
  to: CalendarDate;
  templates: ScheduleTemplate[];
  exceptions: ScheduleException[];
  appointments: Appointment[];
  /** When given, only these resources at the location may fill service.requiredResources. */
  resources?: { id: string; locationId: string }[];
  stepMin?: number;
  notBefore?: Instant;
}

export interface OpenSlot {
  providerId: string;
  startAt: Instant;
  /** End of the visit itself; buffers are not included. */
  endAt: Instant;
  resourceIds: string[];
}

const minute = 60_000;
const defaultStepMin = 15;

export interface ProviderHours {
  /** Merged scheduled stretches; each anchors the slot grid. */
  stretches: Interval[];
  /** Sorted, disjoint intervals in which a visit may take place. */
  working: Interval[];
}

interface Search {
  stepMs: number;
  durationMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  /** Earliest allowed slot start. */
  lowest: Instant;
  /** Slot starts must be before this (start of the day after `to`). */
  rangeEnd: Instant;
  resourceSets: string[][];
}

interface BusyTimeline {
  isFreeDuring(start: Instant, end: Instant): boolean;
}

function compareIntervals(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/** Sorted union; touching intervals join so a grid anchored at 09:00 continues across them. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort(compareIntervals);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/** base minus cuts; both sorted and disjoint. */
export function subtractIntervals(base: Interval[], cuts: Interval[]): Interval[] {
  const result: Interval[] = [];
  let c = 0;
  for (const interval of base) {
    let start = interval.start;
    while (c < cuts.length && (cuts[c] as Interval).end <= start) c++;
    for (let k = c; k < cuts.length && (cuts[k] as Interval).start < interval.end; k++) {
      const cut = cuts[k] as Interval;
      if (cut.start > start) result.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

/**
 * Answers "is nothing busy in [start, end)?" without merging or sorting objects: with the
 * busy starts and ends each sorted, the number of busy intervals overlapping [a, b) is
 * #(starts < b) - #(ends <= a), because an interval that ended by a also started before b.
 * Both counts only grow while a sweep moves forward, so two cursors answer each query in
 * amortised O(1); a query that goes back in time (the next provider's sweep) re-seeks them
 * by binary search, so one timeline per resource serves every provider.
 */
function createBusyTimeline(startList: number[], endList: number[]): BusyTimeline {
  const starts = sortInstants(startList);
  const ends = sortInstants(endList);
  let startedBefore = 0;
  let endedBy = 0;
  let lastQuery = -Infinity;
  return {
    isFreeDuring(start, end) {
      if (start < lastQuery) {
        startedBefore = countBelow(starts, end, false);
        endedBy = countBelow(ends, start, true);
      }
      lastQuery = start;
      while (startedBefore < starts.length && (starts[startedBefore] as number) < end) startedBefore++;
      while (startedBefore > 0 && (starts[startedBefore - 1] as number) >= end) startedBefore--;
      while (endedBy < ends.length && (ends[endedBy] as number) <= start) endedBy++;
      return startedBefore === endedBy;
    },
  };
}

// Typed-array sort is numeric and native, far cheaper than sorting interval objects; and
// callers often pass rows already ordered by start (ORDER BY start_at), which one linear
// check detects.
function sortInstants(list: number[]): Float64Array {
  const sorted = new Float64Array(list);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as number) < (sorted[i - 1] as number)) return sorted.sort();
  }
  return sorted;
}

/** How many sorted values are < limit (or <= limit when inclusive). */
function countBelow(sorted: Float64Array, limit: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = sorted[mid] as number;
    if (value < limit || (inclusive && value === limit)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isValidOn(template: ScheduleTemplate, date: CalendarDate): boolean {
  return (template.validFrom === null || template.validFrom <= date) && (template.validTo === null || date <= template.validTo);
}

/**
 * A template block on `date`. End at or before start means an overnight block ending the
 * next day; break times earlier than the block's start belong to the next day too.
 */
function resolveBlock(template: ScheduleTemplate, date: CalendarDate, timeZone: string): { span: Interval; breaks: Interval[] } {
  const startMin = parseWallTime(template.start);
  const onBlockDay = (time: string, nextDayIfBefore: number): Instant =>
    resolveWallTime(parseWallTime(time) < nextDayIfBefore ? addDays(date, 1) : date, time, timeZone);
  const span = {
    start: resolveWallTime(date, template.start, timeZone),
    end: onBlockDay(template.end, startMin + 1),
  };
  const breaks = template.breaks.map((b) => ({ start: onBlockDay(b.start, startMin), end: onBlockDay(b.end, startMin) }));
  return { span, breaks };
}

function appliesHere(exception: ScheduleException, locationId: string): boolean {
  return exception.locationId === null || exception.locationId === locationId;
}

export function planProviderHours(
  templates: ScheduleTemplate[],
  exceptions: ScheduleException[],
  dates: CalendarDate[],
  location: Location,
): ProviderHours {
  const scheduled: Interval[] = [];
  const open: Interval[] = [];
  const timeOff: Interval[] = [];
  for (const date of dates) {
    const weekday = getIsoWeekday(date);
    for (const template of templates) {
      if (template.weekday !== weekday || !isValidOn(template, date)) continue;
      const { span, breaks } = resolveBlock(template, date, location.timeZone);
      if (span.start >= span.end) continue;
      scheduled.push(span);
      open.push(...subtractIntervals([span], mergeIntervals(breaks)));
    }
  }
  for (const exception of exceptions) {
    if (!appliesHere(exception, location.id)) continue;
    const interval = { start: exception.startAt, end: exception.endAt };
    if (exception.kind === 'extra_hours') {
      scheduled.push(interval);
      open.push(interval);
    } else {
      timeOff.push(interval);
    }
  }
  return { stretches: mergeIntervals(scheduled), working: subtractIntervals(mergeIntervals(open), mergeIntervals(timeOff)) };
}

function eligibleProviders(input: AvailabilityInput): string[] {
  const eligible = input.service.eligibleProviderIds;
  const allowed = eligible.length === 0 ? null : new Set(eligible);
  const ids = [...new Set(input.providerIds)].filter((id) => allowed === null || allowed.has(id));
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function usableResourceSets(input: AvailabilityInput): string[][] {
  const here = input.resources ? new Set(input.resources.filter((r) => r.locationId === input.location.id).map((r) => r.id)) : null;
  return input.service.requiredResources.map((set) => set.filter((id) => here === null || here.has(id)));
}

/** One pass over the appointments: keep active ones near the window, grouped by who they occupy. */
function groupBusyTime(
  appointments: Appointment[],
  window: Interval,
  providers: ReadonlySet<string>,
  resources: ReadonlySet<string>,
): { byProvider: Map<string, BusyTimeline>; byResource: Map<string, BusyTimeline> } {
  const providerBusy = new Map<string, { starts: number[]; ends: number[] }>();
  const resourceBusy = new Map<string, { starts: number[]; ends: number[] }>();
  const add = (groups: Map<string, { starts: number[]; ends: number[] }>, key: string, start: number, end: number): void => {
    const group = groups.get(key);
    if (group) {
      group.starts.push(start);
      group.ends.push(end);
    } else {
      groups.set(key, { starts: [start], ends: [end] });
    }
  };
  for (const appointment of appointments) {
    if (!isActive(appointment.status)) continue;
    // toBusyInterval's bounds, computed inline: this loop runs once per appointment and an
    // object per iteration was a third of the whole search.
    const start = appointment.startAt - appointment.bufferBeforeMin * minute;
    const end = appointment.endAt + appointment.bufferAfterMin * minute;
    // An empty interval overlaps nothing (as in overlap.ts) and would upset the counting.
    if (start >= end || end <= window.start || start >= window.end) continue;
    if (providers.has(appointment.providerId)) add(providerBusy, appointment.providerId, start, end);
    for (const resourceId of appointment.resourceIds) {
      if (resources.has(resourceId)) add(resourceBusy, resourceId, start, end);
    }
  }
  const toTimelines = (groups: Map<string, { starts: number[]; ends: number[] }>): Map<string, BusyTimeline> =>
    new Map([...groups].map(([key, busy]) => [key, createBusyTimeline(busy.starts, busy.ends)]));
  return { byProvider: toTimelines(providerBusy), byResource: toTimelines(resourceBusy) };
}

const alwaysFree: BusyTimeline = { isFreeDuring: () => true };

function pickResources(search: Search, byResource: Map<string, BusyTimeline>, start: Instant, end: Instant): string[] | null {
  const picked: string[] = [];
  for (const set of search.resourceSets) {
    const free = set.find((id) => !picked.includes(id) && (byResource.get(id) ?? alwaysFree).isFreeDuring(start, end));
    if (free === undefined) return null;
    picked.push(free);
  }
  return picked;
}

/** Walks one provider's grid in time order; stops once `limit` slots are found. */
function sweepProvider(
  providerId: string,
  hours: ProviderHours,
  busy: BusyTimeline,
  byResource: Map<string, BusyTimeline>,
  search: Search,
  limit: number,
): OpenSlot[] {
  const slots: OpenSlot[] = [];
  const { stepMs, durationMs } = search;
  let w = 0;
  for (const stretch of hours.stretches) {
    const skipped = Math.max(0, Math.ceil((search.lowest - stretch.start) / stepMs));
    for (let start = stretch.start + skipped * stepMs; start + durationMs <= stretch.end && start < search.rangeEnd; start += stepMs) {
      const end = start + durationMs;
      while (w < hours.working.length && (hours.working[w] as Interval).end <= start) w++;
      const working = hours.working[w];
      if (working === undefined) return slots;
      if (working.start > start || working.end < end) continue;
      const bufferedStart = start - search.bufferBeforeMs;
      const bufferedEnd = end + search.bufferAfterMs;
      if (!busy.isFreeDuring(bufferedStart, bufferedEnd)) continue;
      const resourceIds = pickResources(search, byResource, bufferedStart, bufferedEnd);
      if (resourceIds === null) continue;
      slots.push({ providerId, startAt: start, endAt: end, resourceIds });
      if (slots.length >= limit) return slots;
    }
  }
  return slots;
}

function searchSlots(input: AvailabilityInput, limitPerProvider: number): OpenSlot[] {
  const { location, service } = input;
  const stepMin = input.stepMin ?? defaultStepMin;
  if (!(stepMin > 0)) throw new RangeError(`stepMin must be positive, got ${stepMin}`);
  if (!(service.durationMin > 0)) throw new RangeError(`Service ${service.id} needs a positive duration`);
  const providers = eligibleProviders(input);
  const rangeStart = getStartOfDay(input.from, location.timeZone);
  const rangeEnd = getStartOfDay(addDays(input.to, 1), location.timeZone);
  const search: Search = {
    stepMs: stepMin * minute,
    durationMs: service.durationMin * minute,
    bufferBeforeMs: service.bufferBeforeMin * minute,
    bufferAfterMs: service.bufferAfterMin * minute,
    lowest: Math.max(rangeStart, input.notBefore ?? -Infinity),
    rangeEnd,
    resourceSets: usableResourceSets(input),
  };
  if (providers.length === 0 || search.lowest >= rangeEnd || search.resourceSets.some((set) => set.length === 0)) return [];

  // The day before `from` too: an overnight block that starts then can reach into `from`.
  const dates = listDates(addDays(input.from, -1), input.to);
  const providerSet = new Set(providers);
  const templatesByProvider = groupBy(
    input.templates.filter((t) => t.locationId === location.id && providerSet.has(t.providerId)),
    (t) => t.providerId,
  );
  const exceptionsByProvider = groupBy(
    input.exceptions.filter((e) => providerSet.has(e.providerId)),
    (e) => e.providerId,
  );
  const hoursByProvider = new Map<string, ProviderHours>();
  const window = { start: Infinity, end: -Infinity };
  for (const providerId of providers) {
    const hours = planProviderHours(
      templatesByProvider.get(providerId) ?? [],
      exceptionsByProvider.get(providerId) ?? [],
      dates,
      location,
    );
    hoursByProvider.set(providerId, hours);
    const first = hours.working[0];
    const last = hours.working[hours.working.length - 1];
    if (first && last) {
      window.start = Math.min(window.start, Math.max(first.start, search.lowest) - search.bufferBeforeMs);
      window.end = Math.max(window.end, last.end + search.bufferAfterMs);
    }
  }
  if (window.start >= window.end) return [];

  const { byProvider, byResource } = groupBusyTime(input.appointments, window, providerSet, new Set(search.resourceSets.flat()));
  const slots: OpenSlot[] = [];
  for (const providerId of providers) {
    const hours = hoursByProvider.get(providerId) as ProviderHours;
    slots.push(...sweepProvider(providerId, hours, byProvider.get(providerId) ?? alwaysFree, byResource, search, limitPerProvider));
  }
  // Providers were visited in id order and sort is stable: this yields (startAt, providerId).
  return slots.sort((a, b) => a.startAt - b.startAt);
}

/** Every bookable slot from..to, sorted by start, then provider id. */
export function findOpenSlots(input: AvailabilityInput): OpenSlot[] {
  return searchSlots(input, Infinity);
}

/** The earliest bookable slot across the providers (ties go to the lower provider id), or null. */
export function findFirstAvailable(input: AvailabilityInput): OpenSlot | null {
  return searchSlots(input, 1)[0] ?? null;
}
