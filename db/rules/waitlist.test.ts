import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankWaitlistForSlot, type WaitlistCandidate } from './waitlist';

const slot = { serviceId: 's', providerId: 'p', locationId: 'l', startAt: Date.parse('2026-07-01T10:00:00-07:00'), patientId: 'gone' };
const entry = (id: string, over: Partial<WaitlistCandidate> = {}): WaitlistCandidate => ({
  id, patientId: `pt-${id}`, serviceId: 's', providerId: null, locationId: 'l', earliestDate: '2026-06-01', latestDate: '2026-07-31',
  urgency: 0, status: 'waiting', createdAt: 0, ...over,
});
const LA = 'America/Los_Angeles';

describe('waitlist matching', () => {
  it('orders by urgency, then by time waiting', () => {
    const ranked = rankWaitlistForSlot([entry('a', { createdAt: 5 }), entry('b', { urgency: 2, createdAt: 9 }), entry('c', { createdAt: 1 }), entry('d', { createdAt: 7 })], slot, LA);
    expect(ranked.map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });

  it('skips other services, providers, dates, and people no longer waiting', () => {
    const ranked = rankWaitlistForSlot([
      entry('svc', { serviceId: 'x' }), entry('prov', { providerId: 'q' }), entry('early', { latestDate: '2026-06-30' }),
      entry('off', { status: 'offered' }), entry('self', { patientId: 'gone' }), entry('ok', { providerId: 'p' }),
    ], slot, LA);
    expect(ranked.map((e) => e.id)).toEqual(['ok']);
  });

  it('compares dates in the location\'s zone', () => {
    // 23:30 in Los Angeles is already the next day in UTC.
    const late = { ...slot, startAt: Date.parse('2026-07-31T23:30:00-07:00') };
    expect(rankWaitlistForSlot([entry('a')], late, LA).map((e) => e.id)).toEqual(['a']);
  });

  it('never ranks a less urgent entry ahead of a more urgent one', () => {
    const entries = fc.array(fc.record({ urgency: fc.integer({ min: 0, max: 3 }), createdAt: fc.nat(1000) }), { maxLength: 12 });
    fc.assert(fc.property(entries, (list) => {
      const ranked = rankWaitlistForSlot(list.map((e, i) => entry(`e${i}`, e)), slot, LA, list.length);
      for (let i = 1; i < ranked.length; i++) {
        const [a, b] = [ranked[i - 1]!, ranked[i]!];
        expect(a.urgency > b.urgency || (a.urgency === b.urgency && a.createdAt <= b.createdAt)).toBe(true);
      }
    }));
  });
});
