import { describe, expect, it } from 'vitest';
import type { ScheduleException, ScheduleTemplate } from './types';
import { formatWallClock, resolveWallTime } from './wallclock';
import { planWorkingHours, type WorkingHoursInput } from './working-hours';

const zone = 'America/New_York';
const monday = '2026-03-09';
const tuesday = '2026-03-10';

function template(overrides: Partial<ScheduleTemplate> = {}): ScheduleTemplate {
  return { id: 't1', providerId: 'p1', locationId: 'L1', weekday: 1, start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }], validFrom: null, validTo: null, ...overrides };
}

function exception(kind: ScheduleException['kind'], date: string, start: string, end: string, overrides: Partial<ScheduleException> = {}): ScheduleException {
  return { id: `${kind}-${start}`, providerId: 'p1', locationId: 'L1', kind, startAt: resolveWallTime(date, start, zone), endAt: resolveWallTime(date, end, zone), ...overrides };
}

function plan(overrides: Partial<WorkingHoursInput> = {}) {
  const [result] = planWorkingHours({
    location: { id: 'L1', timeZone: zone }, providerIds: ['p1'], from: monday, to: monday, templates: [template()], exceptions: [], ...overrides,
  });
  const wall = (list: { start: number; end: number }[]) => list.map((i) => `${formatWallClock(i.start, zone)}/${formatWallClock(i.end, zone).slice(11)}`);
  return { working: wall(result!.working), breaks: wall(result!.breaks), timeOff: wall(result!.timeOff) };
}

describe('planWorkingHours', () => {
  it('splits a block into working time around its break, in the location zone', () => {
    expect(plan()).toEqual({
      working: ['2026-03-09T09:00-04:00/12:00-04:00', '2026-03-09T13:00-04:00/17:00-04:00'],
      breaks: ['2026-03-09T12:00-04:00/13:00-04:00'],
      timeOff: [],
    });
  });

  it('shows time off apart from breaks and takes it out of working time', () => {
    const result = plan({ exceptions: [exception('time_off', monday, '14:00', '18:00')] });
    expect(result.working).toEqual(['2026-03-09T09:00-04:00/12:00-04:00', '2026-03-09T13:00-04:00/14:00-04:00']);
    expect(result.breaks).toEqual(['2026-03-09T12:00-04:00/13:00-04:00']);
    expect(result.timeOff).toEqual(['2026-03-09T14:00-04:00/18:00-04:00']);
  });

  it('lets extra hours cover a break, as the slot search does', () => {
    const result = plan({ exceptions: [exception('extra_hours', monday, '12:00', '13:00')] });
    expect(result.working).toEqual(['2026-03-09T09:00-04:00/17:00-04:00']);
    expect(result.breaks).toEqual([]);
  });

  it('ignores time off at another location and clips what reaches outside the range', () => {
    const result = plan({
      exceptions: [
        exception('time_off', monday, '09:00', '10:00', { locationId: 'elsewhere' }),
        { ...exception('time_off', monday, '16:00', '23:00'), endAt: resolveWallTime(tuesday, '10:00', zone) },
      ],
    });
    expect(result.working[0]).toBe('2026-03-09T09:00-04:00/12:00-04:00');
    expect(result.timeOff).toEqual(['2026-03-09T16:00-04:00/00:00-04:00']);
  });

  it('has nothing on a day without a block', () => {
    expect(plan({ from: tuesday, to: tuesday })).toEqual({ working: [], breaks: [], timeOff: [] });
  });
});
