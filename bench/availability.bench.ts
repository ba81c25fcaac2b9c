// findOpenSlots for "a follow-up with any provider in the next two weeks" at the demo
// clinic's Manhattan location, against one linear pass over the same appointments.
import { appointmentFromRow } from '../db/schema/appointment-row';
import { findOpenSlots, type AvailabilityInput } from '../db/rules/availability';
import { isActive } from '../db/rules/overlap';
import type { Appointment, ScheduleException, ScheduleTemplate } from '../db/rules/types';
import { addDays, getStartOfDay } from '../db/rules/wallclock';
import { generateDemoClinic, type DemoRow } from '../db/demo/generate';
import { compare, ms, type Figure } from './lib/measure';
import { demoAnchorDate } from './lib/demo-store';

const APPOINTMENTS = 3_000;
const DAYS = 14;
const minute = 60_000;

function toTemplate(row: DemoRow): ScheduleTemplate {
  return {
    id: row.id as string,
    providerId: row.provider_id as string,
    locationId: row.location_id as string,
    weekday: row.weekday as number,
    start: row.start as string,
    end: row.end as string,
    breaks: row.breaks as ScheduleTemplate['breaks'],
    validFrom: row.valid_from as string | null,
    validTo: row.valid_to as string | null,
  };
}

function toException(row: DemoRow): ScheduleException {
  return {
    id: row.id as string,
    providerId: row.provider_id as string,
    locationId: row.location_id as string | null,
    kind: row.kind as ScheduleException['kind'],
    startAt: row.start_at as number,
    endAt: row.end_at as number,
  };
}

/**
 * The baseline: the least any availability search must do with its input. One pass that
 * reads each appointment's fields once and sums every provider's busy minutes (buffers
 * included, inactive visits skipped) inside the window, into a Map.
 */
function sumBusyMinutes(appointments: Appointment[], windowStart: number, windowEnd: number): Map<string, number> {
  const busy = new Map<string, number>();
  for (const a of appointments) {
    if (!isActive(a.status)) continue;
    const start = Math.max(a.startAt - a.bufferBeforeMin * minute, windowStart);
    const end = Math.min(a.endAt + a.bufferAfterMin * minute, windowEnd);
    if (start < end) busy.set(a.providerId, (busy.get(a.providerId) ?? 0) + (end - start) / minute);
  }
  return busy;
}

export async function run(): Promise<Figure[]> {
  const clinic = generateDemoClinic({ anchorDate: demoAnchorDate, hashSecret: () => 'not-used' });
  const locationRow = clinic.tables.locations!.find((l) => String(l.name).endsWith('Manhattan'))!;
  const location = { id: locationRow.id as string, timeZone: locationRow.time_zone as string };
  const serviceRow = clinic.tables.services!.find((s) => s.name === 'Follow-up visit')!;
  const from = demoAnchorDate;
  const to = addDays(from, DAYS - 1);
  const windowStart = getStartOfDay(from, location.timeZone);
  const windowEnd = getStartOfDay(addDays(to, 1), location.timeZone);

  // The window's own appointments (both locations: a provider cannot be in two places)
  // and the nearest others on either side up to 3,000, in start order as SQL returns them.
  const all = clinic.tables.appointments!.map(appointmentFromRow);
  const first = all.findIndex((a) => a.startAt >= windowStart);
  const inWindow = all.slice(first).findIndex((a) => a.startAt >= windowEnd);
  const from3000 = Math.max(0, first - Math.floor((APPOINTMENTS - inWindow) / 2));
  const appointments = all.slice(from3000, from3000 + APPOINTMENTS);

  const input: AvailabilityInput = {
    location,
    service: {
      id: serviceRow.id as string,
      durationMin: serviceRow.duration_min as number,
      bufferBeforeMin: serviceRow.buffer_before_min as number,
      bufferAfterMin: serviceRow.buffer_after_min as number,
      eligibleProviderIds: serviceRow.eligible_provider_ids as string[],
      requiredResources: serviceRow.required_resources as string[][],
    },
    providerIds: clinic.tables.providers!.map((p) => p.id as string),
    from,
    to,
    templates: clinic.tables.schedule_templates!.map(toTemplate),
    exceptions: clinic.tables.schedule_exceptions!.map(toException),
    appointments,
    resources: clinic.tables.resources!.map((r) => ({ id: r.id as string, locationId: r.location_id as string })),
  };
  const slots = findOpenSlots(input).length;
  const working = new Set(input.templates.filter((t) => t.locationId === location.id).map((t) => t.providerId)).size;

  const r = compare(() => findOpenSlots(input), () => sumBusyMinutes(appointments, windowStart, windowEnd), { rounds: 10, perRound: 100 });
  const scenario = `${input.providerIds.length} providers (${working} work here) x ${DAYS} days, ${appointments.length} appointments (${inWindow} in the window), ${slots} open slots`;
  return [
    {
      name: `findOpenSlots median, ${scenario}`,
      value: ms(r.subject.median), baseline: 'absolute', target: '<= 10 ms', met: r.subject.median <= 10,
    },
    {
      name: 'findOpenSlots vs one linear pass over the same appointments',
      value: ms(r.subject.median), baseline: `busy minutes per provider ${ms(r.baseline.median)}`, ratio: r.ratio, target: '<= 5x', met: r.ratio <= 5,
    },
  ];
}
