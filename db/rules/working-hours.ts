// What the calendar shades: each provider's working time, breaks and time off over a range
// of days at one location. Derived from planProviderHours, the same plan the slot search
// books against, so the shading can never disagree with the slots the desk is offered.
import { mergeIntervals, planProviderHours, subtractIntervals } from './availability';
import type { CalendarDate, Interval, Location, ScheduleException, ScheduleTemplate } from './types';
import { addDays, getStartOfDay, listDates } from './wallclock';

export interface WorkingHoursInput {
  location: Location;
  providerIds: string[];
  from: CalendarDate;
  /** Inclusive. */
  to: CalendarDate;
  templates: ScheduleTemplate[];
  exceptions: ScheduleException[];
}

export interface ProviderWorkingHours {
  providerId: string;
  /** When a patient may be seen: scheduled blocks and extra hours, minus breaks and time off. */
  working: Interval[];
  /** Scheduled time the provider does not see patients, other than time off (lunch, for example). */
  breaks: Interval[];
  /** Time off that applies at this location, whether or not it falls in scheduled hours. */
  timeOff: Interval[];
}

function clip(intervals: Interval[], window: Interval): Interval[] {
  return intervals
    .map((i) => ({ start: Math.max(i.start, window.start), end: Math.min(i.end, window.end) }))
    .filter((i) => i.start < i.end);
}

export function planWorkingHours(input: WorkingHoursInput): ProviderWorkingHours[] {
  const { location } = input;
  const window = { start: getStartOfDay(input.from, location.timeZone), end: getStartOfDay(addDays(input.to, 1), location.timeZone) };
  // The day before `from` too: an overnight block that starts then reaches into `from`.
  const dates = listDates(addDays(input.from, -1), input.to);
  return [...new Set(input.providerIds)].map((providerId) => {
    const templates = input.templates.filter((t) => t.providerId === providerId && t.locationId === location.id);
    const exceptions = input.exceptions.filter((e) => e.providerId === providerId);
    const hours = planProviderHours(templates, exceptions, dates, location);
    const timeOff = mergeIntervals(exceptions
      .filter((e) => e.kind === 'time_off' && (e.locationId === null || e.locationId === location.id))
      .map((e) => ({ start: e.startAt, end: e.endAt })));
    const breaks = subtractIntervals(subtractIntervals(hours.stretches, hours.working), timeOff);
    return {
      providerId,
      working: clip(hours.working, window),
      breaks: clip(breaks, window),
      timeOff: clip(timeOff, window),
    };
  });
}
