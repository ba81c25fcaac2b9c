import { describe, expect, it } from 'vitest';
import type { ScheduleTemplate } from '../../db/rules/types';
import { planTemplateReplacement } from './admin-template-plan';

const target = { providerId: 'p', locationId: 'L' };
const row = (id: string, validFrom: string | null, validTo: string | null, extra: Partial<ScheduleTemplate> = {}): ScheduleTemplate =>
  ({ id, ...target, weekday: 1, start: '09:00', end: '17:00', breaks: [], validFrom, validTo, ...extra });
const summer = [{ weekday: 1, start: '08:00', end: '12:00', breaks: [] }];

describe('replacing weekly hours over a window', () => {
  it('splits an open-ended template around a summer window, keeping both sides', () => {
    const plan = planTemplateReplacement([row('t', null, null)], target, summer, { validFrom: '2026-07-01', validTo: '2026-08-31' });
    expect(plan.removed).toEqual([]);
    expect(plan.narrowed).toEqual([{ id: 't', validFrom: null, validTo: '2026-06-30' }]);
    expect(plan.added).toEqual([
      expect.objectContaining({ start: '09:00', validFrom: '2026-09-01', validTo: null }),
      expect.objectContaining({ start: '08:00', validFrom: '2026-07-01', validTo: '2026-08-31' }),
    ]);
    expect(plan.result).toHaveLength(3);
  });

  it('removes templates inside the window and leaves other providers, locations and periods alone', () => {
    const inside = row('inside', '2026-07-10', '2026-07-20');
    const before = row('before', null, '2026-06-30');
    const elsewhere = row('elsewhere', null, null, { locationId: 'M' });
    const plan = planTemplateReplacement([inside, before, elsewhere], target, [], { validFrom: '2026-07-01', validTo: null });
    expect(plan.removed).toEqual(['inside']);
    expect(plan.narrowed).toEqual([]);
    expect(plan.result).toEqual([before]);
  });

  it('replaces everything when no window is given', () => {
    const plan = planTemplateReplacement([row('a', null, null), row('b', '2027-01-01', null)], target, summer, { validFrom: null, validTo: null });
    expect(plan.removed).toEqual(['a', 'b']);
    expect(plan.result).toEqual([expect.objectContaining({ start: '08:00', validFrom: null, validTo: null })]);
  });
});
