import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePatientCancellation, findNoShows, needsConfirmationCall, type FeePolicy } from './attendance-policy';
import type { Appointment } from './types';

const H = 3_600_000;
const policy: FeePolicy = { cancellationNoticeHours: 24, noShowGraceMinutes: 15, noShowThreshold: 3, checkInEarlyMinutes: 60, lateArrivalMinutes: 15, lateCancelFeeCents: 2500 };
const start = Date.parse('2026-03-09T09:00:00-07:00');
const appt = (over: Partial<Appointment> = {}): Appointment => ({
  id: 'a', locationId: 'l', providerId: 'p', serviceId: 's', patientId: 'pt', resourceIds: [], startAt: start, endAt: start + H,
  status: 'booked', bufferBeforeMin: 0, bufferAfterMin: 0, overbook: false, ...over,
});
const LA = 'America/Los_Angeles';

describe('attendance policy', () => {
  it('turns a cancellation inside the notice period into a late cancellation with a fee', () => {
    expect(decidePatientCancellation(appt(), policy, LA, start - 23 * H)).toEqual({ ok: true, status: 'late_cancelled', lateCancelFee: true });
    expect(decidePatientCancellation(appt(), policy, LA, start - 25 * H)).toEqual({ ok: true, status: 'cancelled', lateCancelFee: false });
    expect(decidePatientCancellation(appt(), { ...policy, lateCancelFeeCents: 0 }, LA, start - H)).toEqual({ ok: true, status: 'late_cancelled', lateCancelFee: false });
  });

  it('does not let a checked-in patient cancel', () => {
    expect(decidePatientCancellation(appt({ status: 'checked_in' }), policy, LA, start - H).ok).toBe(false);
  });

  it('marks no-shows only after the grace period, and only those not checked in', () => {
    const list = [appt({ id: 'b' }), appt({ id: 'c', status: 'confirmed' }), appt({ id: 'd', status: 'checked_in' }), appt({ id: 'e', status: 'cancelled' })];
    expect(findNoShows(list, policy, LA, start + 14 * 60_000)).toEqual([]);
    expect(findNoShows(list, policy, LA, start + 15 * 60_000).map((a) => a.id)).toEqual(['b', 'c']);
  });

  it('escalates exactly the booked appointments inside the last day', () => {
    fc.assert(fc.property(fc.integer({ min: -48, max: 72 }), fc.constantFrom('booked', 'confirmed', 'cancelled' as const), (hoursBefore, status) => {
      const now = start - hoursBefore * H;
      expect(needsConfirmationCall({ status, startAt: start }, now)).toBe(status === 'booked' && hoursBefore > 0 && hoursBefore <= 24);
    }));
  });
});
