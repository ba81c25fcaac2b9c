// Dates and times as printed: always on the location's clock, spelled out in fixed English
// (not Intl), so a printout reads the same on every machine and tests can read it back.
import type { CalendarDate, Instant } from '../../db/rules/types';
import { getIsoWeekday, readWallClock } from '../../db/rules/wallclock';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "9:05 AM" at `instant` in `timeZone`. */
export function formatTime(instant: Instant, timeZone: string): string {
  const [hours, minutes] = readWallClock(instant, timeZone).time.split(':').map(Number) as [number, number];
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** "Wednesday, March 11, 2026". */
export function formatDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${weekdays[getIsoWeekday(date) - 1]}, ${months[month - 1]} ${day}, ${year}`;
}

export function formatDateOf(instant: Instant, timeZone: string): string {
  return formatDate(readWallClock(instant, timeZone).date);
}
