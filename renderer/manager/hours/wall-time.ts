// A date and time typed for a location, as the instant it names there (DST-aware).
import { Temporal } from 'temporal-polyfill';

export function instantOf(localDateTime: string, timeZone: string): number {
  // "compatible": a time skipped by DST moves forward, a repeated one takes the first, as clocks do.
  return Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}
