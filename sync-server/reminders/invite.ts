// The iCalendar invite attached to reminder emails. Start and end are written as the
// location's wall-clock time with its TZID, plus a VTIMEZONE describing that zone's offsets
// around the appointment, so a 09:00 visit reads 09:00 in the patient's calendar whatever
// DST did in between (RFC 5545 3.6.5). Times go in as Temporal values: ical-generator
// formats a plain Date in the server's zone, not the location's.
import ical, { ICalCalendarMethod } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';

export interface InviteDetails {
  uid: string;
  startAt: number;
  endAt: number;
  timeZone: string;
  summary: string;
  description: string;
  location: string | null;
  stamp: number;
  /** Bumped when the appointment moves, so calendars replace the earlier invite. */
  sequence?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetToIcal(offsetNs: number): string {
  const minutes = Math.round(offsetNs / 60e9);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function localStamp(z: Temporal.ZonedDateTime): string {
  return `${z.year}${pad(z.month)}${pad(z.day)}T${pad(z.hour)}${pad(z.minute)}${pad(z.second)}`;
}

/** VTIMEZONE with every transition within a year either side of `around`, from the IANA data Temporal uses. */
export function describeTimeZone(timeZone: string, around: number): string {
  const from = Temporal.Instant.fromEpochMilliseconds(around).toZonedDateTimeISO(timeZone).subtract({ years: 1 });
  const until = Temporal.Instant.fromEpochMilliseconds(around).toZonedDateTimeISO(timeZone).add({ years: 1 });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const first = from.offsetNanoseconds;
  let previous = first;
  let cursor = from;
  const components: string[] = [];
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || Temporal.ZonedDateTime.compare(next, until) > 0) break;
    const kind = next.offsetNanoseconds > previous ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of a transition is the local time it happens in the offset before it.
    const localBefore = next.withTimeZone(offsetToIcal(previous).replace(/(\d\d)(\d\d)$/, '$1:$2'));
    components.push(`BEGIN:${kind}`, `DTSTART:${localStamp(localBefore)}`, `TZOFFSETFROM:${offsetToIcal(previous)}`, `TZOFFSETTO:${offsetToIcal(next.offsetNanoseconds)}`, `END:${kind}`);
    previous = next.offsetNanoseconds;
    cursor = next;
  }
  if (components.length === 0) {
    // A zone without DST: one standard period covering everything.
    components.push('BEGIN:STANDARD', `DTSTART:${localStamp(from)}`, `TZOFFSETFROM:${offsetToIcal(first)}`, `TZOFFSETTO:${offsetToIcal(first)}`, 'END:STANDARD');
  }
  return [...lines, ...components, 'END:VTIMEZONE'].join('\r\n');
}

export function buildInvite(d: InviteDetails): string {
  const zoned = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(d.timeZone);
  const calendar = ical({
    prodId: { company: 'Frontdesk', product: 'Reminders', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: d.timeZone, generator: (tz) => describeTimeZone(tz, d.startAt) },
  });
  calendar.createEvent({
    id: d.uid,
    sequence: d.sequence ?? 0,
    start: zoned(d.startAt) as never,
    end: zoned(d.endAt) as never,
    stamp: Temporal.Instant.fromEpochMilliseconds(d.stamp).toZonedDateTimeISO('UTC') as never,
    timezone: d.timeZone,
    summary: d.summary,
    description: d.description,
    location: d.location,
  });
  return calendar.toString();
}
