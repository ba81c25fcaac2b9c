import { describe, expect, it } from 'vitest';
import { computeAttendance } from './attendance';
import { clinic, visit } from './testing/clinic';

const a = (startIso: string, status: Parameters<typeof visit>[0]['status']) => visit({ providerId: 'dr-a', startIso, minutes: 30, status });

const data = clinic({
  appointments: [
    // Week of Monday 2026-03-02 (Los Angeles).
    a('2026-03-03T17:00:00Z', 'completed'),
    a('2026-03-09T06:30:00Z', 'completed'), // Sunday 2026-03-08 23:30 PDT: Monday in UTC, Sunday on the clinic's wall
    a('2026-03-04T17:00:00Z', 'no_show'),
    a('2026-03-05T17:00:00Z', 'cancelled'),
    // Week of Monday 2026-03-09.
    a('2026-03-09T07:30:00Z', 'completed'), // Monday 00:30 PDT
    a('2026-03-10T16:00:00Z', 'checked_in'),
    a('2026-03-11T16:00:00Z', 'late_cancelled'),
    a('2026-03-12T16:00:00Z', 'booked'),
    // After the range.
    a('2026-03-16T16:00:00Z', 'no_show'),
  ],
});

describe('no-show and cancellation trends', () => {
  it('buckets by the location-local week and computes each rate by hand', () => {
    const report = computeAttendance(data, { from: '2026-03-02', to: '2026-03-15' });
    expect(report.weeks).toEqual([
      { weekStart: '2026-03-02', appointments: 4, attended: 2, noShow: 1, cancelled: 1, lateCancelled: 0, open: 0, noShowRate: 0.3333, cancellationRate: 0.25, lateCancellationRate: 0 },
      { weekStart: '2026-03-09', appointments: 4, attended: 2, noShow: 0, cancelled: 0, lateCancelled: 1, open: 1, noShowRate: 0, cancellationRate: 0, lateCancellationRate: 0.25 },
    ]);
    expect(report.total).toEqual({ appointments: 8, attended: 4, noShow: 1, cancelled: 1, lateCancelled: 1, open: 1, noShowRate: 0.2, cancellationRate: 0.125, lateCancellationRate: 0.125 });
  });

  it('lists empty weeks with null rates, and labels a partial first week by its Monday', () => {
    const report = computeAttendance(data, { from: '2026-03-13', to: '2026-03-24' });
    expect(report.weeks.map((w) => [w.weekStart, w.appointments, w.noShowRate])).toEqual([
      ['2026-03-09', 0, null],
      ['2026-03-16', 1, 1],
      ['2026-03-23', 0, null],
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => computeAttendance(data, { from: '2026-03-10', to: '2026-03-09' })).toThrow(RangeError);
  });
});
