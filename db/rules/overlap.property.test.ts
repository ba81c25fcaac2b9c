import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCollisions } from './overlap';
import { appointmentStatuses, type Appointment } from './types';

const minute = 60_000;
const origin = Date.parse('2026-03-09T13:00Z');

const appointmentArb = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    providerId: fc.constantFrom('p1', 'p2', 'p3'),
    patientId: fc.constantFrom('x', 'y', 'z'),
    resourceIds: fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3'), { maxLength: 3 }),
    startMin: fc.integer({ min: 0, max: 240 }),
    lengthMin: fc.integer({ min: 0, max: 90 }),
    status: fc.constantFrom(...appointmentStatuses),
    bufferBeforeMin: fc.integer({ min: 0, max: 20 }),
    bufferAfterMin: fc.integer({ min: 0, max: 20 }),
    overbook: fc.boolean(),
  })
  .map(
    (r): Appointment => ({
      id: r.id,
      locationId: 'L1',
      providerId: r.providerId,
      serviceId: 's1',
      patientId: r.patientId,
      resourceIds: r.resourceIds,
      startAt: origin + r.startMin * minute,
      endAt: origin + (r.startMin + r.lengthMin) * minute,
      status: r.status,
      bufferBeforeMin: r.bufferBeforeMin,
      bufferAfterMin: r.bufferAfterMin,
      overbook: r.overbook,
    }),
  );

// Written from the rules, not from overlap.ts: each claim's interval spelled out again and
// compared pairwise.
function referenceCollisions(proposed: Appointment, others: Appointment[]): string[] {
  const inactive = ['cancelled', 'late_cancelled', 'no_show'];
  if (inactive.includes(proposed.status)) return [];
  const meets = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean =>
    aStart < aEnd && bStart < bEnd && Math.max(aStart, bStart) < Math.min(aEnd, bEnd);
  const result: string[] = [];
  for (const other of others) {
    if (other.id === proposed.id || inactive.includes(other.status)) continue;
    const busyMeets = meets(
      proposed.startAt - proposed.bufferBeforeMin * minute,
      proposed.endAt + proposed.bufferAfterMin * minute,
      other.startAt - other.bufferBeforeMin * minute,
      other.endAt + other.bufferAfterMin * minute,
    );
    if (busyMeets && other.providerId === proposed.providerId) result.push(`${other.id}:provider:${other.providerId}`);
    for (const resourceId of other.resourceIds) {
      if (busyMeets && proposed.resourceIds.includes(resourceId)) result.push(`${other.id}:resource:${resourceId}`);
    }
    if (other.patientId === proposed.patientId && meets(proposed.startAt, proposed.endAt, other.startAt, other.endAt)) {
      result.push(`${other.id}:patient:${other.patientId}`);
    }
  }
  return result;
}

describe('findCollisions (property)', () => {
  it('agrees with a brute-force reference on random schedules', () => {
    fc.assert(
      fc.property(appointmentArb, fc.array(appointmentArb, { maxLength: 15 }), (proposed, others) => {
        const actual = findCollisions(proposed, others).map((c) => `${c.appointment.id}:${c.on}:${c.key}`);
        expect(actual).toEqual(referenceCollisions(proposed, others));
      }),
      { numRuns: 200 },
    );
  });

  it('is symmetric for provider and resource collisions between two active appointments', () => {
    fc.assert(
      fc.property(appointmentArb, appointmentArb, (a, b) => {
        fc.pre(a.id !== b.id);
        const ab = findCollisions(a, [b]).map((c) => `${c.on}:${c.key}`);
        const ba = findCollisions(b, [a]).map((c) => `${c.on}:${c.key}`);
        expect(ab.sort()).toEqual(ba.sort());
      }),
      { numRuns: 200 },
    );
  });
});
