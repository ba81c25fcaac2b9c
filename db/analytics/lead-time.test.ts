import { describe, expect, it } from 'vitest';
import { computeLeadTime } from './lead-time';
import { clinic, hour, visit } from './testing/clinic';

const start = '2026-04-20T17:00:00Z';
const bookedBefore = (hours: number) => new Date(Date.parse(start) - hours * hour).toISOString();

describe('booking lead time', () => {
  it('buckets by whole elapsed days and summarises in days', () => {
    const leadsInHours = [-1, 2, 23 + 59 / 60, 24, 72, 240, 1080, 2160];
    const data = clinic({
      appointments: leadsInHours.map((h, i) => visit({ providerId: 'dr-a', startIso: start, minutes: 15, bookedIso: bookedBefore(h), status: i === 7 ? 'cancelled' : 'booked' })),
    });
    const report = computeLeadTime(data, { from: '2026-04-20', to: '2026-04-20' });
    expect(report.buckets.map((b) => [b.label, b.appointments, b.share])).toEqual([
      ['Same day (under 24 h)', 3, 0.375],
      ['1-2 days', 1, 0.125],
      ['3-7 days', 1, 0.125],
      ['8-14 days', 1, 0.125],
      ['15-30 days', 0, 0],
      ['31-60 days', 1, 0.125],
      ['Over 60 days', 1, 0.125],
    ]);
    // Sorted leads in days: 0, 0.083, 0.999, 1, 3, 10, 45, 90 (the late entry counts as 0).
    // Mean: (0 + 2 + 23.983 + 24 + 72 + 240 + 1080 + 2160) h / 8 = 450.248 h = 18.76 days.
    expect(report).toMatchObject({ appointments: 8, medianDays: 1, p90Days: 90, meanDays: 18.76 });
  });

  it('has no figures without appointments', () => {
    expect(computeLeadTime(clinic({}), { from: '2026-04-20', to: '2026-04-20' })).toMatchObject({ appointments: 0, medianDays: null, meanDays: null, p90Days: null });
  });
});
