import { describe, expect, it } from 'vitest';
import { findNewCheckIns, statusesOf, type WatchedVisit } from './check-ins';

const visit = (id: string, status: string): WatchedVisit => ({
  id, status, startAt: 0, patientFirstName: 'Ana', patientLastName: 'García', providerName: 'Dr. Lee', timeZone: 'America/Los_Angeles',
});

describe('findNewCheckIns', () => {
  it('reports a visit whose status turned into checked_in', () => {
    const before = statusesOf([visit('a', 'confirmed'), visit('b', 'booked')]);
    expect(findNewCheckIns(before, [visit('a', 'checked_in'), visit('b', 'booked')]).map((v) => v.id)).toEqual(['a']);
  });

  it('stays quiet about visits already checked in, or not seen before', () => {
    const before = statusesOf([visit('a', 'checked_in')]);
    expect(findNewCheckIns(before, [visit('a', 'checked_in'), visit('new', 'checked_in')])).toEqual([]);
  });

  it('stays quiet about other status changes', () => {
    const before = statusesOf([visit('a', 'checked_in'), visit('b', 'booked')]);
    expect(findNewCheckIns(before, [visit('a', 'in_progress'), visit('b', 'no_show')])).toEqual([]);
  });
});
