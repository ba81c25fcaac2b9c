// Input pieces the administration screens share, each with the message a manager reads when
// a field is wrong (the router prefixes it with the field's path).
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { parseWallTime } from '../../db/rules/wallclock';
import { entityId } from './schedule';

export const optionalId = entityId.optional();

export const displayName = (what: string, max = 120) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Keep ${what} under ${max} characters.`);

export const optionalText = (max: number) =>
  z.string().trim().max(max, `Keep this under ${max} characters.`).nullish().transform((v) => v || null);

export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour as #RRGGBB, e.g. #3A7BD5.').nullish().transform((v) => v ?? null);

/** "HH:MM" on a 24-hour clock; "24:00" only where a day's end is meant. */
const wallTimePattern = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const wallTime = z.string().regex(wallTimePattern, 'Use a 24-hour time like 09:00 or 17:30.');

/** Minutes since midnight, or NaN for a malformed time (its own field already reports it). */
export function minutesOf(time: string): number {
  return wallTimePattern.test(time) ? parseWallTime(time) : Number.NaN;
}

/** An IANA zone Temporal knows (not a bare UTC offset: offsets do not follow DST). */
export const timeZone = z.string().trim().min(1, 'Pick the time zone the location is in.').refine(isIanaZone, {
  message: 'That is not a time zone name this computer knows; use an IANA name such as America/New_York.',
});

function isIanaZone(name: string): boolean {
  if (/^[+-]/.test(name)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

export const instant = z.int('Give the time as a whole number of milliseconds.').min(0, 'That time is before 1970.');

export const minutes = (what: string, max: number) =>
  z.int(`${what} must be a whole number of minutes.`).min(0, `${what} cannot be negative.`).max(max, `${what} can be at most ${max} minutes.`);
