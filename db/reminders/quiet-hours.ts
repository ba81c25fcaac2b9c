// Quiet hours: a local wall-clock window (e.g. 21:00-08:00, which wraps midnight) in which
// nobody is texted or emailed. Computed in the location's zone, so a window still starts at
// 21:00 local on either side of a DST change.
import type { Instant, WallTime } from '../rules/types';
import { addDays, parseWallTime, readWallClock, resolveWallTime } from '../rules/wallclock';

export interface QuietHours {
  start: WallTime;
  end: WallTime;
}

const minute = 60_000;

function window(instant: Instant, quiet: QuietHours, timeZone: string): { start: Instant; end: Instant } | null {
  const s = parseWallTime(quiet.start);
  const e = parseWallTime(quiet.end);
  if (s === e) return null;
  const { date, time } = readWallClock(instant, timeZone);
  const m = parseWallTime(time);
  const wraps = s > e;
  const inside = wraps ? m >= s || m < e : m >= s && m < e;
  if (!inside) return null;
  // In a wrapping window before midnight the window ends tomorrow; after midnight it began yesterday.
  const startDate = wraps && m < e ? addDays(date, -1) : date;
  const endDate = wraps && m >= s ? addDays(date, 1) : date;
  return { start: resolveWallTime(startDate, quiet.start, timeZone), end: resolveWallTime(endDate, quiet.end, timeZone) };
}

export function isQuiet(instant: Instant, quiet: QuietHours | null, timeZone: string): boolean {
  return quiet !== null && window(instant, quiet, timeZone) !== null;
}

/**
 * When a message due at `due` may go out: `due` itself outside quiet hours; otherwise the
 * end of the quiet window, unless that is not before `deadline` (the appointment), in which
 * case the last minute before the window began. Null when neither works.
 */
export function scheduleOutsideQuietHours(due: Instant, quiet: QuietHours | null, timeZone: string, deadline: Instant): Instant | null {
  const quietWindow = quiet ? window(due, quiet, timeZone) : null;
  if (!quietWindow) return due < deadline ? due : null;
  if (quietWindow.end < deadline) return quietWindow.end;
  const before = quietWindow.start - minute;
  return before < deadline ? before : null;
}
