import { describe, expect, it } from 'vitest';
import { assignResources, checkProviderForService, checkReschedule } from './booking';
import type { Appointment, Service } from './types';

const minute = 60_000;
const t0 = Date.UTC(2026, 2, 10, 14);

function appointment(overrides: Partial<Appointment>): Appointment {
  return {
    id: 'a', locationId: 'L1', providerId: 'p1', serviceId: 's1', patientId: 'pt1', resourceIds: [],
    startAt: t0, endAt: t0 + 30 * minute, status: 'booked', bufferBeforeMin: 0, bufferAfterMin: 0, overbook: false,
    ...overrides,
  };
}

const service: Service & { name: string } = {
  id: 's1', name: 'Skin check', durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, eligibleProviderIds: ['p1'], requiredResources: [],
};

describe('checkProviderForService', () => {
  const here = { id: 'L1', name: 'Manhattan' };
  it('accepts an eligible provider who works at the location', () => {
    expect(checkProviderForService(service, { id: 'p1', name: 'Dr. A', locationIds: ['L1'] }, here)).toEqual({ ok: true });
  });
  it('refuses a provider the service does not list', () => {
    expect(checkProviderForService(service, { id: 'p2', name: 'Dr. B', locationIds: ['L1'] }, here)).toMatchObject({ ok: false, message: 'Dr. B does not offer Skin check.' });
  });
  it('lets anyone at the location deliver a service with no eligible list', () => {
    expect(checkProviderForService({ ...service, eligibleProviderIds: [] }, { id: 'p2', name: 'Dr. B', locationIds: ['L1'] }, here).ok).toBe(true);
  });
  it('refuses a provider who does not work at the location', () => {
    expect(checkProviderForService(service, { id: 'p1', name: 'Dr. A', locationIds: ['L2'] }, here)).toMatchObject({ ok: false, message: 'Dr. A does not work at Manhattan.' });
  });
});

describe('checkReschedule', () => {
  it('moves only appointments that have not begun', () => {
    expect(checkReschedule('booked').ok).toBe(true);
    expect(checkReschedule('confirmed').ok).toBe(true);
    for (const status of ['checked_in', 'in_progress', 'completed', 'cancelled', 'late_cancelled', 'no_show'] as const) {
      expect(checkReschedule(status).ok).toBe(false);
    }
  });
});

describe('assignResources', () => {
  const proposed = appointment({ id: 'new', bufferAfterMin: 10 });

  it('takes the first free resource of each set, never one resource twice', () => {
    expect(assignResources([['r1', 'r2'], ['r1', 'r2']], proposed, [])).toEqual({ resourceIds: ['r1', 'r2'], isComplete: true });
  });

  it('skips a resource held by an active appointment, counting both sides\' buffers', () => {
    // The other visit starts when the proposed one ends, but the proposed cleanup buffer reaches into it.
    const other = appointment({ id: 'o', startAt: t0 + 35 * minute, endAt: t0 + 60 * minute, resourceIds: ['r1'] });
    expect(assignResources([['r1', 'r2']], proposed, [other])).toEqual({ resourceIds: ['r2'], isComplete: true });
    expect(assignResources([['r1', 'r2']], { ...proposed, bufferAfterMin: 0 }, [other])).toEqual({ resourceIds: ['r1'], isComplete: true });
  });

  it('ignores cancelled appointments and the appointment itself', () => {
    const cancelled = appointment({ id: 'o', resourceIds: ['r1'], status: 'cancelled' });
    const itself = appointment({ id: 'new', resourceIds: ['r1'] });
    expect(assignResources([['r1']], proposed, [cancelled, itself])).toEqual({ resourceIds: ['r1'], isComplete: true });
  });

  it('prefers the resources an appointment already holds', () => {
    expect(assignResources([['r1', 'r2', 'r3']], proposed, [], ['r3'])).toEqual({ resourceIds: ['r3'], isComplete: true });
  });

  it('takes a busy resource when nothing is free and says the assignment is incomplete', () => {
    const other = appointment({ id: 'o', resourceIds: ['r1'] });
    expect(assignResources([['r1']], proposed, [other])).toEqual({ resourceIds: ['r1'], isComplete: false });
  });

  it('cannot fill a set with no resource at all', () => {
    expect(assignResources([[]], proposed, [])).toBeNull();
    expect(assignResources([['r1'], ['r1']], proposed, [])).toBeNull();
  });
});
