import { describe, expect, it } from 'vitest';
import { clinic, exception, LA, NY, template, visit } from './testing/clinic';
import { computeUtilization } from './utilization';

// Dr. Blake works Sundays 00:00-04:00 in Los Angeles: the hours that DST changes.
const nightShift = [template('t-b-sun', 'dr-b', LA.id, 7, '00:00', '04:00')];

describe('utilization on DST days in the location zone', () => {
  it('counts 3 available hours on the spring-forward Sunday (2026-03-08, Los Angeles)', () => {
    const data = clinic({
      templates: nightShift,
      appointments: [
        visit({ providerId: 'dr-b', startIso: '2026-03-08T08:30:00Z', minutes: 60, status: 'completed' }), // 00:30-01:30 PST
        visit({ providerId: 'dr-b', startIso: '2026-03-08T10:00:00Z', minutes: 30, status: 'confirmed' }), // 03:00-03:30 PDT
        visit({ providerId: 'dr-b', startIso: '2026-03-08T09:00:00Z', minutes: 30, status: 'cancelled' }), // freed time
        visit({ providerId: 'dr-b', startIso: '2026-03-08T07:30:00Z', minutes: 30, status: 'booked' }), // Saturday 23:30 PST: outside the range
      ],
    });
    const report = computeUtilization(data, { from: '2026-03-08', to: '2026-03-08', locationId: LA.id });
    expect(report.byProvider).toEqual([{
      providerId: 'dr-b', providerName: 'Dr. Blake', locationId: LA.id, locationName: 'Los Angeles',
      availableMinutes: 180, bookedMinutes: 90, utilization: 0.5,
    }]);
  });

  it('counts 5 available hours on the fall-back Sunday (2026-11-01), both 01:00s included', () => {
    const data = clinic({
      templates: nightShift,
      appointments: [
        visit({ providerId: 'dr-b', startIso: '2026-11-01T08:00:00Z', minutes: 60, status: 'completed' }), // 01:00 PDT
        visit({ providerId: 'dr-b', startIso: '2026-11-01T09:00:00Z', minutes: 60, status: 'no_show' }), // 01:00 PST
      ],
    });
    const report = computeUtilization(data, { from: '2026-11-01', to: '2026-11-01', locationId: LA.id });
    expect(report.total).toEqual({ availableMinutes: 300, bookedMinutes: 120, utilization: 0.4 });
  });
});

describe('utilization with breaks, time off and extra hours', () => {
  // Dr. Avery: Monday-Friday 09:00-17:00 with lunch 12:00-13:00 = 7 h a day.
  const weekdays = [1, 2, 3, 4, 5].map((d) => template(`t-a-${d}`, 'dr-a', LA.id, d, '09:00', '17:00', [{ start: '12:00', end: '13:00' }]));
  const data = clinic({
    templates: [...weekdays, ...nightShift],
    exceptions: [
      // Wednesday afternoon off (13:00-17:00 PDT): -240 min.
      exception('x-wed', 'dr-a', 'time_off', '2026-03-11T20:00:00Z', '2026-03-12T00:00:00Z'),
      // Thursday 11:00-14:00 off, over lunch: only 11-12 and 13-14 were working time, -120 min.
      exception('x-thu', 'dr-a', 'time_off', '2026-03-12T18:00:00Z', '2026-03-12T21:00:00Z'),
      // Saturday 10:00-12:00 extra at Los Angeles: +120 min.
      exception('x-sat', 'dr-a', 'extra_hours', '2026-03-14T17:00:00Z', '2026-03-14T19:00:00Z', LA.id),
      // Extra hours at the other location do not count here.
      exception('x-ny', 'dr-a', 'extra_hours', '2026-03-14T14:00:00Z', '2026-03-14T16:00:00Z', NY.id),
    ],
    appointments: [
      visit({ providerId: 'dr-a', startIso: '2026-03-09T16:00:00Z', minutes: 60, status: 'completed' }),
      visit({ providerId: 'dr-a', startIso: '2026-03-10T17:00:00Z', minutes: 30, status: 'no_show' }),
      visit({ providerId: 'dr-a', startIso: '2026-03-11T16:00:00Z', minutes: 45, status: 'late_cancelled' }),
      visit({ providerId: 'dr-a', startIso: '2026-03-12T16:00:00Z', minutes: 30, status: 'booked', serviceId: 'svc-physical' }),
      visit({ providerId: 'dr-c', startIso: '2026-03-10T14:00:00Z', minutes: 30, status: 'completed', locationId: NY.id }),
    ],
  });
  const week = { from: '2026-03-09', to: '2026-03-15' };

  it('subtracts time off only where it meets working time and adds extra hours at their location', () => {
    const report = computeUtilization(data, { ...week, locationId: LA.id });
    // Avery: 5 x 420 - 240 - 120 + 120 = 1860 available, 60 + 30 + 30 = 120 booked.
    // Blake: Sunday 2026-03-15 00:00-04:00 = 240 available, nothing booked.
    expect(report.byProvider.map((r) => [r.providerName, r.availableMinutes, r.bookedMinutes, r.utilization])).toEqual([
      ['Dr. Avery', 1860, 120, 0.0645],
      ['Dr. Blake', 240, 0, 0],
    ]);
    expect(report.byLocation).toEqual([{ locationId: LA.id, locationName: 'Los Angeles', availableMinutes: 2100, bookedMinutes: 120, utilization: 0.0571 }]);
  });

  it('reports each location and the whole clinic without a location filter', () => {
    const report = computeUtilization(data, week);
    // Dr. Chen has no template in New York: booked time with nothing available has no ratio.
    expect(report.byLocation.map((l) => [l.locationName, l.availableMinutes, l.bookedMinutes, l.utilization])).toEqual([
      ['Los Angeles', 2100, 120, 0.0571],
      ['New York', 120, 30, 0.25],
    ]);
    expect(report.byProvider.find((r) => r.locationId === NY.id && r.providerId === 'dr-c')).toMatchObject({ availableMinutes: 0, bookedMinutes: 30, utilization: null });
    expect(report.total).toEqual({ availableMinutes: 2220, bookedMinutes: 150, utilization: 0.0676 });
  });

  it('narrows to one provider and to one service', () => {
    expect(computeUtilization(data, { ...week, providerId: 'dr-a' }).total).toEqual({ availableMinutes: 1980, bookedMinutes: 120, utilization: 0.0606 });
    expect(computeUtilization(data, { ...week, locationId: LA.id, providerId: 'dr-a', serviceId: 'svc-physical' }).total)
      .toEqual({ availableMinutes: 1860, bookedMinutes: 30, utilization: 0.0161 });
  });
});
