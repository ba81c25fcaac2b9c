// Local calendar day, weekday and hour of many instants in one zone, fast. Dashboards bucket
// every appointment of six months; Temporal costs tens of microseconds per conversion, so the
// zone's UTC offsets are read once per stretch between transitions (a handful per year) and
// each instant then needs one binary search and integer arithmetic. Offsets still come from
// Temporal: nothing here knows a zone's rules.
import { Temporal } from 'temporal-polyfill';
import type { CalendarDate, Instant } from '../rules/types';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

export interface LocalParts {
  /** Days since 1970-01-01 of the local calendar date. */
  epochDay: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** 0-23 as the wall clock shows it: on a fall-back night hour 1 happens twice. */
  hour: number;
}

export interface ZoneClock {
  readonly timeZone: string;
  partsOf(instant: Instant): LocalParts;
}

interface Stretch {
  from: Instant;
  offsetMs: number;
}

function offsetAt(instant: Instant, timeZone: string): number {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
}

/** Offsets valid for instants in [from, to); outside it the clock is still right, only slower. */
export function createZoneClock(timeZone: string, from: Instant, to: Instant): ZoneClock {
  const stretches: Stretch[] = [{ from: -Infinity, offsetMs: offsetAt(from, timeZone) }];
  let cursor = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone);
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= to) break;
    stretches.push({ from: next.epochMilliseconds, offsetMs: next.offsetNanoseconds / 1e6 });
    cursor = next;
  }
  const offsetOf = (instant: Instant): number => {
    if (instant < from || instant >= to) return offsetAt(instant, timeZone);
    let lo = 0;
    let hi = stretches.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((stretches[mid] as Stretch).from <= instant) lo = mid;
      else hi = mid - 1;
    }
    return (stretches[lo] as Stretch).offsetMs;
  };
  return {
    timeZone,
    partsOf(instant) {
      const local = instant + offsetOf(instant);
      const epochDay = Math.floor(local / dayMs);
      return { epochDay, weekday: isoWeekdayOf(epochDay), hour: Math.floor((local - epochDay * dayMs) / hourMs) };
    },
  };
}

/** 1970-01-01 was a Thursday (ISO 4). */
export function isoWeekdayOf(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7 + 1;
}

export function epochDayOf(date: CalendarDate): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs);
}

export function dateOfEpochDay(epochDay: number): CalendarDate {
  return new Date(epochDay * dayMs).toISOString().slice(0, 10);
}
