import { describe, expect, it } from 'vitest';
import { claimsOf, findCollisions, isActive } from './overlap';
import type { Appointment } from './types';

const minute = 60_000;
const nine = Date.parse('2026-03-09T14:00Z');

function appointment(id: string, startMin: number, endMin: number, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id,
    locationId: 'L1',
    providerId: 'p1',
    serviceId: 's1',
    patientId: `patient-${id}`,
    resourceIds: [],
    startAt: nine + startMin * minute,
    endAt: nine + endMin * minute,
    status: 'booked',
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    overbook: false,
    ...overrides,
  };
}

const summarize = (collisions: ReturnType<typeof findCollisions>): string[] => collisions.map((c) => `${c.appointment.id}:${c.on}:${c.key}`);

describe('isActive', () => {
  it('counts cancelled, late-cancelled and no-show appointments as inactive, everything else as active', () => {
    expect(['cancelled', 'late_cancelled', 'no_show'].map((s) => isActive(s as Appointment['status']))).toEqual([false, false, false]);
    expect(['booked', 'confirmed', 'checked_in', 'in_progress', 'completed'].map((s) => isActive(s as Appointment['status']))).toEqual([true, true, true, true, true]);
  });
});

describe('claimsOf', () => {
  it('claims the provider and each resource with buffers, the patient without', () => {
    const claims = claimsOf(appointment('a', 0, 30, { resourceIds: ['room1', 'room1', 'xray'], bufferBeforeMin: 5, bufferAfterMin: 10 }));
    expect(claims).toEqual([
      { kind: 'provider', key: 'p1', start: nine - 5 * minute, end: nine + 40 * minute },
      { kind: 'resource', key: 'room1', start: nine - 5 * minute, end: nine + 40 * minute },
      { kind: 'resource', key: 'xray', start: nine - 5 * minute, end: nine + 40 * minute },
      { kind: 'patient', key: 'patient-a', start: nine, end: nine + 30 * minute },
    ]);
  });

  it('claims nothing for an inactive appointment', () => {
    expect(claimsOf(appointment('a', 0, 30, { status: 'cancelled' }))).toEqual([]);
  });
});

describe('findCollisions', () => {
  it('reports a provider collision when the visits overlap', () => {
    expect(summarize(findCollisions(appointment('new', 15, 45), [appointment('old', 0, 30)]))).toEqual(['old:provider:p1']);
  });

  it('lets back-to-back visits without buffers touch', () => {
    expect(findCollisions(appointment('new', 30, 60), [appointment('old', 0, 30)])).toEqual([]);
  });

  it("rejects a booking that overlaps the provider's buffer", () => {
    const old = appointment('old', 0, 30, { bufferAfterMin: 10 });
    expect(summarize(findCollisions(appointment('new', 35, 60), [old]))).toEqual(['old:provider:p1']);
    expect(findCollisions(appointment('new', 40, 60), [old])).toEqual([]);
  });

  it("counts the proposed appointment's own buffers", () => {
    const proposed = appointment('new', 35, 60, { bufferBeforeMin: 10 });
    expect(summarize(findCollisions(proposed, [appointment('old', 0, 30)]))).toEqual(['old:provider:p1']);
  });

  it('reports a resource collision with another provider, buffers included', () => {
    const old = appointment('old', 0, 30, { providerId: 'p2', resourceIds: ['room1'], bufferAfterMin: 15 });
    const proposed = appointment('new', 40, 60, { resourceIds: ['room1'] });
    expect(summarize(findCollisions(proposed, [old]))).toEqual(['old:resource:room1']);
  });

  it('ignores patient buffers: back-to-back with two providers is fine for the patient', () => {
    const old = appointment('old', 0, 30, { providerId: 'p2', patientId: 'pat', bufferAfterMin: 15 });
    const proposed = appointment('new', 30, 60, { patientId: 'pat', bufferBeforeMin: 15 });
    expect(findCollisions(proposed, [old])).toEqual([]);
  });

  it('reports a patient collision when the bare visits overlap', () => {
    const old = appointment('old', 0, 30, { providerId: 'p2', patientId: 'pat' });
    const proposed = appointment('new', 20, 50, { patientId: 'pat' });
    expect(summarize(findCollisions(proposed, [old]))).toEqual(['old:patient:pat']);
  });

  it('lists every claim that clashes, provider before resources before patient', () => {
    const old = appointment('old', 0, 30, { resourceIds: ['room1'], patientId: 'pat' });
    const proposed = appointment('new', 0, 30, { resourceIds: ['room1'], patientId: 'pat' });
    expect(summarize(findCollisions(proposed, [old]))).toEqual(['old:provider:p1', 'old:resource:room1', 'old:patient:pat']);
  });

  it('never collides with itself, even an older copy of itself', () => {
    const proposed = appointment('same', 0, 30);
    expect(findCollisions(proposed, [proposed, { ...proposed, startAt: proposed.startAt + minute }])).toEqual([]);
  });

  it('ignores inactive appointments on either side', () => {
    expect(findCollisions(appointment('new', 0, 30), [appointment('old', 0, 30, { status: 'no_show' })])).toEqual([]);
    expect(findCollisions(appointment('new', 0, 30, { status: 'cancelled' }), [appointment('old', 0, 30)])).toEqual([]);
  });

  it('still reports overbooked appointments, leaving the decision to the caller', () => {
    const old = appointment('old', 0, 30, { overbook: true });
    expect(summarize(findCollisions(appointment('new', 0, 30, { overbook: true }), [old]))).toEqual(['old:provider:p1']);
  });
});
