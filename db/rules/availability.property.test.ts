import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { findFirstAvailable, findOpenSlots, type AvailabilityInput, type OpenSlot } from './availability';
import { appointmentStatuses, type Appointment, type ScheduleException, type ScheduleTemplate } from './types';

// Berlin in June has no DST change, so the reference below can use Temporal directly and
// stay independent of wallclock.ts (DST is covered by concrete cases in availability.test.ts).
// Every generated boundary is a multiple of 5 minutes, so checking 5-minute cells is exact.
const zone = 'Europe/Berlin';
const days = ['2026-06-01', '2026-06-02'] as const; // Monday, Tuesday
const cellMs = 5 * 60_000;
const minute = 60_000;
const toInstant = (date: string, min: number): number =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).add({ minutes: min }).epochMilliseconds;
const rangeStart = toInstant(days[0], 0);
const rangeEnd = toInstant(days[1], 24 * 60);
const hhmm = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
const weekdayOf = (date: string): number => Temporal.PlainDate.from(date).dayOfWeek;

const providerArb = fc.constantFrom('p1', 'p2', 'p3');
const fiveMin = (min: number, max: number) => fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);

const templateArb = fc
  .record({
    id: fc.uuid(),
    providerId: providerArb,
    locationId: fc.constantFrom('L1', 'L1', 'L1', 'L2'),
    weekday: fc.constantFrom(1, 2, 3),
    startMin: fiveMin(0, 20 * 60),
    lengthMin: fiveMin(15, 10 * 60),
    breaks: fc.array(fc.record({ offsetMin: fiveMin(0, 6 * 60), lengthMin: fiveMin(5, 90) }), { maxLength: 2 }),
    validFrom: fc.constantFrom<string | null>(null, null, days[0], days[1]),
    validTo: fc.constantFrom<string | null>(null, null, days[0], days[1]),
  })
  .map((t): ScheduleTemplate => {
    const endMin = Math.min(t.startMin + t.lengthMin, 24 * 60);
    return {
      id: t.id,
      providerId: t.providerId,
      locationId: t.locationId,
      weekday: t.weekday,
      start: hhmm(t.startMin),
      end: hhmm(endMin),
      breaks: t.breaks
        .map((b) => ({ start: t.startMin + b.offsetMin, end: t.startMin + b.offsetMin + b.lengthMin }))
        .filter((b) => b.end <= 24 * 60)
        .map((b) => ({ start: hhmm(b.start), end: hhmm(b.end) })),
      validFrom: t.validFrom,
      validTo: t.validTo,
    };
  });

const exceptionArb = fc
  .record({
    id: fc.uuid(),
    providerId: providerArb,
    locationId: fc.constantFrom<string | null>('L1', 'L2', null),
    kind: fc.constantFrom<ScheduleException['kind']>('time_off', 'extra_hours'),
    startMin: fiveMin(-60, 48 * 60),
    lengthMin: fiveMin(5, 6 * 60),
  })
  .map((e): ScheduleException => ({
    id: e.id,
    providerId: e.providerId,
    locationId: e.locationId,
    kind: e.kind,
    startAt: rangeStart + e.startMin * minute,
    endAt: rangeStart + (e.startMin + e.lengthMin) * minute,
  }));

const appointmentArb = fc
  .record({
    id: fc.uuid(),
    providerId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    resourceIds: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3'), { maxLength: 2 }),
    startMin: fiveMin(-120, 48 * 60),
    lengthMin: fiveMin(5, 120),
    status: fc.constantFrom(...appointmentStatuses),
    bufferBeforeMin: fiveMin(0, 20),
    bufferAfterMin: fiveMin(0, 20),
  })
  .map(
    (a): Appointment => ({
      id: a.id,
      locationId: 'L1',
      providerId: a.providerId,
      serviceId: 's1',
      patientId: 'pt',
      resourceIds: a.resourceIds,
      startAt: rangeStart + a.startMin * minute,
      endAt: rangeStart + (a.startMin + a.lengthMin) * minute,
      status: a.status,
      bufferBeforeMin: a.bufferBeforeMin,
      bufferAfterMin: a.bufferAfterMin,
      overbook: false,
    }),
  );

const inputArb = fc.record({
  service: fc.record({
    id: fc.constant('s1'),
    durationMin: fiveMin(5, 90),
    bufferBeforeMin: fiveMin(0, 20),
    bufferAfterMin: fiveMin(0, 20),
    eligibleProviderIds: fc.constantFrom<string[]>([], ['p1', 'p2'], ['p3']),
    requiredResources: fc.constantFrom<string[][]>([], [['r1', 'r2']], [['r1'], ['r2', 'r3']], [['r3', 'r2', 'r1'], ['r1', 'r2']]),
  }),
  providerIds: fc.constantFrom<string[]>(['p1', 'p2', 'p3'], ['p2', 'p1'], ['p3']),
  templates: fc.array(templateArb, { maxLength: 6 }),
  exceptions: fc.array(exceptionArb, { maxLength: 4 }),
  appointments: fc.array(appointmentArb, { maxLength: 25 }),
  resources: fc.option(fc.constant<{ id: string; locationId: string }[]>([
    { id: 'r1', locationId: 'L1' },
    { id: 'r2', locationId: 'L1' },
    { id: 'r3', locationId: 'L2' },
  ]), { nil: undefined }),
  stepMin: fc.constantFrom(5, 10, 15, 30),
  notBefore: fc.option(fiveMin(0, 40 * 60).map((m) => rangeStart + m * minute), { nil: undefined }),
}).map((r): AvailabilityInput => ({
  location: { id: 'L1', timeZone: zone },
  from: days[0],
  to: days[1],
  ...r,
}));

const inactive = new Set(['cancelled', 'late_cancelled', 'no_show']);
const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean => aStart < bEnd && bStart < aEnd;
const busyOf = (a: Appointment): [number, number] => [a.startAt - a.bufferBeforeMin * minute, a.endAt + a.bufferAfterMin * minute];
const bufferedOf = (input: AvailabilityInput, start: number): [number, number] => [
  start - input.service.bufferBeforeMin * minute,
  start + (input.service.durationMin + input.service.bufferAfterMin) * minute,
];

/** Brute force: is the provider at work at this location during the 5-minute cell at t? */
function isWorkingCell(input: AvailabilityInput, providerId: string, t: number): boolean {
  const applies = (e: ScheduleException) => e.providerId === providerId && (e.locationId === null || e.locationId === 'L1');
  const inside = (start: number, end: number) => start <= t && t < end;
  if (input.exceptions.some((e) => applies(e) && e.kind === 'time_off' && inside(e.startAt, e.endAt))) return false;
  if (input.exceptions.some((e) => applies(e) && e.kind === 'extra_hours' && inside(e.startAt, e.endAt))) return true;
  return days.some((date) =>
    input.templates.some((tpl) => {
      if (tpl.providerId !== providerId || tpl.locationId !== 'L1' || tpl.weekday !== weekdayOf(date)) return false;
      if ((tpl.validFrom !== null && date < tpl.validFrom) || (tpl.validTo !== null && date > tpl.validTo)) return false;
      const at = (time: string) => toInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
      if (!inside(at(tpl.start), at(tpl.end))) return false;
      return !tpl.breaks.some((b) => inside(at(b.start), at(b.end)));
    }),
  );
}

function isVisitInWorkingTime(input: AvailabilityInput, slot: OpenSlot): boolean {
  for (let t = slot.startAt; t < slot.endAt; t += cellMs) if (!isWorkingCell(input, slot.providerId, t)) return false;
  return true;
}

/** Brute force over every 5-minute start: with stepMin 5 the grid of findOpenSlots is exactly that. */
function referenceSlots(input: AvailabilityInput): OpenSlot[] {
  const eligible = input.service.eligibleProviderIds;
  const providers = [...new Set(input.providerIds)].filter((p) => eligible.length === 0 || eligible.includes(p)).sort();
  const here = input.resources?.filter((r) => r.locationId === 'L1').map((r) => r.id);
  const active = input.appointments.filter((a) => !inactive.has(a.status));
  const slots: OpenSlot[] = [];
  for (let start = Math.max(rangeStart, input.notBefore ?? rangeStart); start < rangeEnd; start += cellMs) {
    for (const providerId of providers) {
      const slot: OpenSlot = { providerId, startAt: start, endAt: start + input.service.durationMin * minute, resourceIds: [] };
      if (!isVisitInWorkingTime(input, slot)) continue;
      const [from, to] = bufferedOf(input, start);
      if (active.some((a) => a.providerId === providerId && overlaps(from, to, ...busyOf(a)))) continue;
      let ok = true;
      for (const set of input.service.requiredResources) {
        const free = set.find(
          (r) =>
            (here === undefined || here.includes(r)) &&
            !slot.resourceIds.includes(r) &&
            !active.some((a) => a.resourceIds.includes(r) && overlaps(from, to, ...busyOf(a))),
        );
        if (free === undefined) ok = false;
        else slot.resourceIds.push(free);
      }
      if (ok) slots.push(slot);
    }
  }
  return slots;
}

const runs = { numRuns: 150 };

describe('findOpenSlots (property)', () => {
  it('never offers a slot overlapping an active appointment of the provider or of a resource it uses', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const active = input.appointments.filter((a) => !inactive.has(a.status));
        for (const slot of findOpenSlots(input)) {
          const [from, to] = bufferedOf(input, slot.startAt);
          for (const a of active) {
            const clashes = overlaps(from, to, ...busyOf(a));
            expect(clashes && a.providerId === slot.providerId).toBe(false);
            expect(clashes && a.resourceIds.some((r) => slot.resourceIds.includes(r))).toBe(false);
          }
        }
      }),
      runs,
    );
  });

  it('only offers visits inside working hours, outside breaks and time off, from notBefore on', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const slot of findOpenSlots(input)) {
          expect(isVisitInWorkingTime(input, slot)).toBe(true);
          expect(slot.startAt).toBeGreaterThanOrEqual(Math.max(rangeStart, input.notBefore ?? rangeStart));
          expect(slot.startAt).toBeLessThan(rangeEnd);
        }
      }),
      runs,
    );
  });

  it('offers exactly the slots a brute-force search finds on a 5-minute grid', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const fiveMinuteGrid = { ...input, stepMin: 5 };
        expect(findOpenSlots(fiveMinuteGrid)).toEqual(referenceSlots(fiveMinuteGrid));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same answer whatever the order of the input arrays', () => {
    const shuffledArb = inputArb.chain((input) =>
      fc
        .record({
          templates: fc.shuffledSubarray(input.templates, { minLength: input.templates.length }),
          exceptions: fc.shuffledSubarray(input.exceptions, { minLength: input.exceptions.length }),
          appointments: fc.shuffledSubarray(input.appointments, { minLength: input.appointments.length }),
          providerIds: fc.shuffledSubarray(input.providerIds, { minLength: input.providerIds.length }),
        })
        .map((shuffled) => [input, { ...input, ...shuffled }] as const),
    );
    fc.assert(
      fc.property(shuffledArb, ([input, shuffled]) => {
        expect(findOpenSlots(shuffled)).toEqual(findOpenSlots(input));
        expect(findFirstAvailable(shuffled)).toEqual(findFirstAvailable(input));
      }),
      runs,
    );
  });

  it('returns sorted slots, and findFirstAvailable returns the first of them', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const slots = findOpenSlots(input);
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1] as OpenSlot, slots[i] as OpenSlot];
          expect(a.startAt < b.startAt || (a.startAt === b.startAt && a.providerId < b.providerId)).toBe(true);
        }
        expect(findFirstAvailable(input)).toEqual(slots[0] ?? null);
      }),
      runs,
    );
  });
});
