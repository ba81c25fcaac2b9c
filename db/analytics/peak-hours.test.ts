import { describe, expect, it } from 'vitest';
import { computePeakHours } from './peak-hours';
import { clinic, NY, visit } from './testing/clinic';

const data = clinic({
  appointments: [
    visit({ providerId: 'dr-b', startIso: '2026-11-01T08:00:00Z', minutes: 30, status: 'completed', bookedIso: '2026-10-28T16:15:00Z' }), // Sun 01:00 PDT
    visit({ providerId: 'dr-b', startIso: '2026-11-01T09:00:00Z', minutes: 30, status: 'completed', bookedIso: '2026-10-28T16:45:00Z' }), // Sun 01:00 PST
    visit({ providerId: 'dr-b', startIso: '2026-11-01T10:00:00Z', minutes: 30, status: 'cancelled', bookedIso: '2026-10-29T16:00:00Z' }), // Sun 02:00 PST, cancelled
    visit({ providerId: 'dr-c', startIso: '2026-11-02T14:00:00Z', minutes: 30, status: 'booked', locationId: NY.id, bookedIso: '2026-10-30T13:00:00Z' }), // Mon 09:00 EST
  ],
});

describe('peak hours heat map', () => {
  it('counts visits by wall-clock weekday and hour in each location zone, both 01:00s of the fall-back night together', () => {
    const report = computePeakHours(data, { from: '2026-10-26', to: '2026-11-08' });
    expect(report.counts[6]![1]).toBe(2);
    expect(report.counts[6]![2]).toBe(0);
    expect(report.counts[0]![9]).toBe(1);
    expect(report.total).toBe(3);
    expect(report.peak).toEqual({ weekday: 7, hour: 1, count: 2 });
  });

  it('leaves the skipped 02:00 of the spring-forward night empty', () => {
    const spring = clinic({ appointments: [visit({ providerId: 'dr-b', startIso: '2026-03-08T10:00:00Z', minutes: 30 })] }); // 03:00 PDT
    const report = computePeakHours(spring, { from: '2026-03-08', to: '2026-03-08' });
    expect([report.counts[6]![2], report.counts[6]![3]]).toEqual([0, 1]);
  });

  it('on the bookings basis counts when each booking was made, cancelled ones too', () => {
    const report = computePeakHours(data, { from: '2026-10-26', to: '2026-11-08' }, 'bookings');
    // Wed 2026-10-28 09:15 and 09:45 PDT, Thu 09:00 PDT, Fri 09:00 EDT (New York).
    expect([report.counts[2]![9], report.counts[3]![9], report.counts[4]![9], report.total]).toEqual([2, 1, 1, 4]);
  });
});
