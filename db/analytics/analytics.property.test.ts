import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { planProviderHours } from '../rules/availability';
import { addDays, listDates, readWallClock } from '../rules/wallclock';
import { computeUtilization } from './utilization';
import { clinic, LA, NY, template } from './testing/clinic';
import type { AnalyticsAppointment } from './types';
import { createZoneClock, dateOfEpochDay } from './zone-clock';

const zones = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];

describe('zone clock', () => {
  it('agrees with Temporal on the local date, weekday and hour of any instant', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: from - 86_400_000, max: to + 86_400_000 }), (zone, instant) => {
      const parts = createZoneClock(zone, from, to).partsOf(instant);
      const zoned = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(zone);
      expect([dateOfEpochDay(parts.epochDay), parts.weekday, parts.hour]).toEqual([readWallClock(instant, zone).date, zoned.dayOfWeek, zoned.hour]);
    }), { numRuns: 300 });
  });
});

describe('utilization', () => {
  const block = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }),
    startHour: fc.integer({ min: 0, max: 20 }),
    hours: fc.integer({ min: 1, max: 6 }),
    breakAt: fc.option(fc.integer({ min: 0, max: 5 })),
  });

  it('stays within [0, 1] and sums up when visits sit inside working time without overlapping', () => {
    fc.assert(fc.property(
      fc.array(block, { minLength: 1, maxLength: 6 }),
      fc.constantFrom(LA, NY),
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 1, max: 20 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
      (blocks, location, startOffset, days, fill) => {
        const from = addDays('2026-01-01', startOffset);
        const to = addDays(from, days - 1);
        const templates = blocks.map((b, i) => {
          // Past midnight is an overnight block, as templates allow.
          const hh = (h: number, mm = '00') => `${String(h % 24).padStart(2, '0')}:${mm}`;
          const breaks = b.breakAt !== null && b.breakAt < b.hours - 1 ? [{ start: hh(b.startHour + b.breakAt + 1), end: hh(b.startHour + b.breakAt + 1, '30') }] : [];
          return template(`t${i}`, 'dr-a', location.id, b.weekday, hh(b.startHour), hh(b.startHour + b.hours), breaks);
        });
        // One visit at most per working interval, a random share of it, so none overlap.
        const working = planProviderHours(templates, [], listDates(addDays(from, -1), to), location).working;
        const appointments: AnalyticsAppointment[] = working.map((w, i) => {
          const share = fill[i % fill.length]!;
          const length = Math.floor(((w.end - w.start) * share) / 60_000) * 60_000;
          return { id: `v${i}`, locationId: location.id, providerId: 'dr-a', serviceId: 's', startAt: w.start, endAt: w.start + length, status: 'completed', sourceChannel: 'desk', bookedAt: w.start - 1 };
        });
        const report = computeUtilization(clinic({ templates, appointments }), { from, to });
        for (const row of [...report.byProvider, ...report.byLocation, report.total]) {
          if (row.utilization !== null) expect(row.utilization).toBeGreaterThanOrEqual(0);
          if (row.utilization !== null) expect(row.utilization).toBeLessThanOrEqual(1);
          expect(row.bookedMinutes).toBeLessThanOrEqual(row.availableMinutes);
        }
        const sum = (rows: { bookedMinutes: number }[]) => rows.reduce((s, r) => s + r.bookedMinutes, 0);
        expect(sum(report.byLocation)).toBeCloseTo(report.total.bookedMinutes, 6);
        expect(sum(report.byProvider)).toBeCloseTo(report.total.bookedMinutes, 6);
      },
    ), { numRuns: 60 });
  });
});
