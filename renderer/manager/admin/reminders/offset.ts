// A reminder's time before the visit: the API keeps whole minutes, the manager types hours
// ("24", "1.5"). Minutes round to the nearest whole one; an empty or non-number field stays
// NaN so the API's message answers it.
import { numberFrom } from '../form/numbers';

export function minutesFromHours(text: string): number {
  return Math.round(numberFrom(text) * 60);
}

export function hoursFromMinutes(minutes: number): string {
  return String(Math.round((minutes / 60) * 1_000) / 1_000);
}
