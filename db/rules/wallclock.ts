// Wall clock <-> instant conversions in a location's IANA zone. Every offset comes from
// Temporal; nothing here adds or subtracts hours by hand.
//
// DST semantics (availability, status and the server all rely on them; wallclock.test.ts
// and availability.test.ts prove them on concrete transition nights):
// - Gap (spring forward): a wall time the clock never shows (02:30 in New York on
//   2026-03-08) resolves to the first real instant after the gap (03:00 EDT). Temporal's
//   'compatible' would shift it by the gap's length (03:30) and silently drop the real
//   03:00-03:30; resolving to the transition keeps every wall time that does exist. So a
//   block 02:00-03:00 that night is empty and a block 00:00-04:00 lasts three real hours.
// - Overlap (fall back): a wall time the clock shows twice resolves to its first
//   occurrence, for start and end bounds alike (as Temporal 'compatible' and RFC 5545 do).
//   A block 00:00-04:00 on 2026-11-01 in New York lasts five real hours and covers 01:xx
//   in EDT and again in EST.
// - Slots are stepped in real elapsed time from a resolved instant, never by wall-clock
//   arithmetic, so each slot start is a real instant: none appears twice, none is skipped,
//   and a block holds exactly (real minutes / step) starts. On a 30-minute shift
//   (Australia/Lord_Howe) an hourly step therefore lands on half hours after the change.
import { Temporal } from 'temporal-polyfill';
import type { CalendarDate, Instant, WallTime } from './types';

export interface WallClock {
  date: CalendarDate;
  time: WallTime;
  /** UTC offset in force at that instant, e.g. "-05:00". */
  offset: string;
}

const wallTimePattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const calendarDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since midnight; "24:00" is accepted as the end of the day (1440). */
// A clinic has a handful of distinct wall times; parsing them once each keeps the regex off
// the availability hot path.
const parsedWallTimes = new Map<string, number>();

export function parseWallTime(time: WallTime): number {
  const cached = parsedWallTimes.get(time);
  if (cached !== undefined) return cached;
  const minutes = parseWallTimeUncached(time);
  if (parsedWallTimes.size < 10_000) parsedWallTimes.set(time, minutes);
  return minutes;
}

function parseWallTimeUncached(time: WallTime): number {
  const match = wallTimePattern.exec(time);
  if (!match) throw new RangeError(`Wall time must be "HH:MM" (00:00-24:00), got "${time}"`);
  if (match[1] === undefined || match[2] === undefined) return 24 * 60;
  return Number(match[1]) * 60 + Number(match[2]);
}

// The availability hot path asks for the same few wall times (09:00, 12:30, 17:00...) for
// every provider on every day; Temporal costs tens of microseconds per call, a Map lookup
// does not. Keyed per (zone, date), bounded so a long-running server cannot grow it forever.
const maxCachedDays = 20_000;
let cachedDayCount = 0;
const dayCache = new Map<string, Map<CalendarDate, Map<string, Instant>>>();
const dateCache = new Map<string, { weekday: number; shifted: Map<number, CalendarDate> }>();

function cachedDay(timeZone: string, date: CalendarDate): Map<string, Instant> {
  let zone = dayCache.get(timeZone);
  let day = zone?.get(date);
  if (!zone || !day) {
    if (cachedDayCount >= maxCachedDays) {
      dayCache.clear();
      cachedDayCount = 0;
    }
    zone = dayCache.get(timeZone) ?? new Map<CalendarDate, Map<string, Instant>>();
    dayCache.set(timeZone, zone);
    day = new Map<string, Instant>();
    zone.set(date, day);
    cachedDayCount += 1;
  }
  return day;
}

function cachedDate(date: CalendarDate): { weekday: number; shifted: Map<number, CalendarDate> } {
  let entry = dateCache.get(date);
  if (!entry) {
    if (!calendarDatePattern.test(date)) throw new RangeError(`Calendar date must be "YYYY-MM-DD", got "${date}"`);
    if (dateCache.size >= maxCachedDays) dateCache.clear();
    entry = { weekday: Temporal.PlainDate.from(date).dayOfWeek, shifted: new Map() };
    dateCache.set(date, entry);
  }
  return entry;
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { shifted } = cachedDate(date);
  let result = shifted.get(days);
  if (result === undefined) {
    result = Temporal.PlainDate.from(date).add({ days }).toString();
    shifted.set(days, result);
  }
  return result;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function getIsoWeekday(date: CalendarDate): number {
  return cachedDate(date).weekday;
}

/** Every calendar date from `from` to `to`, both included; empty when `to` is before `from`. */
export function listDates(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  // Validated up front: the loop compares them as strings.
  cachedDate(from);
  cachedDate(to);
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function convertWallTime(date: CalendarDate, time: WallTime, timeZone: string): Instant {
  if (parseWallTime(time) === 24 * 60) return getStartOfDay(addDays(date, 1), timeZone);
  const wall = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0) return earlier.epochMilliseconds;
  // In a gap 'earlier' lands before it, in the old offset; the next transition is the
  // first real instant after the gap.
  const transition = earlier.getTimeZoneTransition('next');
  if (!transition) throw new RangeError(`No transition after the gap at ${date}T${time} in ${timeZone}`);
  return transition.epochMilliseconds;
}

/**
 * The instant a wall-clock reading denotes in `timeZone` (see the DST semantics at the top
 * of this file). "24:00" is midnight at the start of the next day.
 */
export function resolveWallTime(date: CalendarDate, time: WallTime, timeZone: string): Instant {
  const day = cachedDay(timeZone, date);
  let instant = day.get(time);
  if (instant === undefined) {
    instant = convertWallTime(date, time, timeZone);
    day.set(time, instant);
  }
  return instant;
}

/** First instant of a calendar day; not always 00:00 where DST changes at midnight. */
export function getStartOfDay(date: CalendarDate, timeZone: string): Instant {
  const day = cachedDay(timeZone, date);
  let instant = day.get('start');
  if (instant === undefined) {
    cachedDate(date);
    instant = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
    day.set('start', instant);
  }
  return instant;
}

/** What a wall clock in `timeZone` shows at `instant` (minutes precision). */
export function readWallClock(instant: Instant, timeZone: string): WallClock {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone);
  const time = zoned.toPlainTime().toString({ smallestUnit: 'minute', roundingMode: 'trunc' });
  return { date: zoned.toPlainDate().toString(), time, offset: zoned.offset };
}

/** "2026-03-08T03:00-04:00": unambiguous on DST nights, readable in tests and messages. */
export function formatWallClock(instant: Instant, timeZone: string): string {
  const { date, time, offset } = readWallClock(instant, timeZone);
  return `${date}T${time}${offset}`;
}
