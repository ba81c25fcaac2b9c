import { describe, expect, it } from 'vitest';
import { summarizeAttendance } from './patient-flags';
import type { AppointmentStatus } from './types';

const history = (...statuses: AppointmentStatus[]) => statuses.map((status) => ({ status }));

describe('summarizeAttendance', () => {
  it('counts no-shows and late cancellations, not cancellations made in time', () => {
    const summary = summarizeAttendance(history('no_show', 'late_cancelled', 'cancelled', 'completed', 'booked'), { noShowThreshold: 3 });
    expect(summary).toEqual({ noShows: 1, lateCancellations: 1, threshold: 3, isFlagged: false });
  });

  it('flags a patient who reaches the threshold with both kinds together', () => {
    expect(summarizeAttendance(history('no_show', 'no_show', 'late_cancelled'), { noShowThreshold: 3 }).isFlagged).toBe(true);
    expect(summarizeAttendance(history('no_show', 'no_show'), { noShowThreshold: 3 }).isFlagged).toBe(false);
  });

  it('never flags when the policy sets no threshold', () => {
    expect(summarizeAttendance(history('no_show', 'no_show'), { noShowThreshold: 0 }).isFlagged).toBe(false);
  });
});
