import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOrphanedAppointments } from './orphans';
import type { Appointment, ScheduleException, ScheduleTemplate } from './types';
import { addDays, getIsoWeekday, resolveWallTime } from './wallclock';

// Days around both 2026 DST changes in Los Angeles and New York, and Lord Howe's half-hour
// shift, so every property is also exercised where a day is not 24 hours long.
const zones = ['America/Los_Angeles', 'America/New_York', 'Australia/Lord_Howe'] as const;
const dates = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-04-05', '2026-10-04', '2026-10-31', '2026-11-01', '2026-11-02'] as const;
const minute = 60_000;
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

const scenarioArb = fc.record({
  zone: fc.constantFrom(...zones),
  date: fc.constantFrom(...dates),
  startMin: fc.integer({ min: 0, max: 16 * 4 }).map((n) => n * 15),
  lengthMin: fc.integer({ min: 2, max: 8 * 4 }).map((n) => n * 15),
  visits: fc.array(fc.record({ offsetMin: fc.integer({ min: -180, max: 720 }), minutes: fc.integer({ min: 5, max: 120 }) }), { minLength: 1, maxLength: 8 }),
  timeOff: fc.array(fc.record({ offsetMin: fc.integer({ min: -120, max: 720 }), minutes: fc.integer({ min: 1, max: 240 }) }), { maxLength: 3 }),
});

type Scenario = ReturnType<typeof scenarioArb.generate>['value'];

function build(s: Scenario) {
  const location = { id: 'L', timeZone: s.zone };
  const end = Math.min(s.startMin + s.lengthMin, 24 * 60);
  const template: ScheduleTemplate = {
    id: 't', providerId: 'p', locationId: 'L', weekday: getIsoWeekday(s.date), start: hhmm(s.startMin), end: hhmm(end),
    breaks: [], validFrom: null, validTo: null,
  };
  const blockStart = resolveWallTime(s.date, template.start, s.zone);
  const blockEnd = end === 24 * 60 ? resolveWallTime(addDays(s.date, 1), '00:00', s.zone) : resolveWallTime(s.date, template.end, s.zone);
  const appointments: Appointment[] = s.visits.map((v, i) => ({
    id: `a${i}`, locationId: 'L', providerId: 'p', serviceId: 's', patientId: `x${i}`, resourceIds: [],
    startAt: blockStart + v.offsetMin * minute, endAt: blockStart + (v.offsetMin + v.minutes) * minute,
    status: 'booked', bufferBeforeMin: 10, bufferAfterMin: 10, overbook: false,
  }));
  const exceptions: ScheduleException[] = s.timeOff.map((t, i) => ({
    id: `e${i}`, providerId: 'p', locationId: null, kind: 'time_off', startAt: blockStart + t.offsetMin * minute, endAt: blockStart + (t.offsetMin + t.minutes) * minute,
  }));
  return { location, template, blockStart, blockEnd, appointments, exceptions };
}

const ids = (list: Appointment[]) => new Set(list.map((a) => a.id));

describe('orphaned appointments, for any block on and around DST days', () => {
  it('orphans exactly the visits that leave the block in real time when there is no time off', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { location, template, blockStart, blockEnd, appointments } = build(s);
      const orphaned = ids(findOrphanedAppointments({ locations: [location], templates: [template], exceptions: [], appointments }));
      for (const a of appointments) {
        const isInside = blockStart < blockEnd && a.startAt >= blockStart && a.endAt <= blockEnd;
        expect(orphaned.has(a.id), `${a.id} ${s.zone} ${s.date}`).toBe(!isInside);
      }
    }), { numRuns: 300 });
  });

  it('orphans every visit time off touches, and time off never brings one back', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { location, template, appointments, exceptions } = build(s);
      const without = ids(findOrphanedAppointments({ locations: [location], templates: [template], exceptions: [], appointments }));
      const withTimeOff = ids(findOrphanedAppointments({ locations: [location], templates: [template], exceptions, appointments }));
      for (const a of appointments) {
        const isTouched = exceptions.some((e) => e.startAt < a.endAt && a.startAt < e.endAt);
        if (without.has(a.id) || isTouched) expect(withTimeOff.has(a.id)).toBe(true);
        else expect(withTimeOff.has(a.id)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('never orphans a visit covered by extra hours, whatever the template', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const { location, template, appointments } = build(s);
      const extra: ScheduleException[] = appointments.map((a, i) => ({ id: `x${i}`, providerId: 'p', locationId: 'L', kind: 'extra_hours', startAt: a.startAt, endAt: a.endAt }));
      expect(findOrphanedAppointments({ locations: [location], templates: [template], exceptions: extra, appointments })).toEqual([]);
    }), { numRuns: 200 });
  });
});
