// Dates and times as the clinic reads them: always in the location's zone, never the
// browser's, because a desk may sit in another zone than the clinic it books for.

const formatters = new Map<string, Intl.DateTimeFormat>();
let formatLocale = 'en-US';

/** The language's conventions for every date and time shown (set by the I18nProvider). */
export function setFormatLocale(locale: string): void {
  formatLocale = locale;
}

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale = formatLocale): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** 'YYYY-MM-DD' of an instant in a zone. */
export function calendarDateIn(instant: number, timeZone: string): string {
  return formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(instant);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Every date from `from` up to but not including `until`. */
export function datesBetween(from: string, until: string): string[] {
  const dates: string[] = [];
  for (let d = from; d < until && dates.length < 62; d = addDays(d, 1)) dates.push(d);
  return dates;
}

export function formatTime(instant: number, timeZone: string): string {
  return formatter(timeZone, { hour: 'numeric', minute: '2-digit' }).format(instant);
}

export function formatDay(instant: number, timeZone: string): string {
  return formatter(timeZone, { weekday: 'long', month: 'long', day: 'numeric' }).format(instant);
}

export function formatDateTime(instant: number, timeZone: string): string {
  return `${formatDay(instant, timeZone)}, ${formatTime(instant, timeZone)}`;
}

/** A calendar date string ('1984-02-29') as people write it, without any zone shifting it. */
export function formatBirthDate(date: string): string {
  return formatCalendarDate(date);
}

/** A clock reading to the second, for "last sync" and the like, with the zone's short name. */
export function formatClock(instant: number, timeZone: string): string {
  return formatter(timeZone, { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }).format(instant);
}

/** A calendar date string as people write it, in the desk's language. */
export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter('UTC', { year: 'numeric', month: 'short', day: 'numeric' }).format(Date.UTC(y, m - 1, d));
}

export function zoneName(timeZone: string, instant = Date.now()): string {
  const part = formatter(timeZone, { timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
