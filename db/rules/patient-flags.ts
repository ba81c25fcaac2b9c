// A patient's attendance record as the booking desk sees it: how often they failed to come
// or cancelled too late, and whether that reaches the policy's warning threshold.
import type { AppointmentStatus, Policy } from './types';

export interface AttendanceSummary {
  noShows: number;
  lateCancellations: number;
  /** Policy.noShowThreshold: no-shows and late cancellations together. */
  threshold: number;
  /** At or over the threshold: the desk is warned when booking (types.ts, Policy). */
  isFlagged: boolean;
}

/** Counts over the whole history given; plain cancellations with notice are not held against anyone. */
export function summarizeAttendance(appointments: { status: AppointmentStatus }[], policy: Pick<Policy, 'noShowThreshold'>): AttendanceSummary {
  let noShows = 0;
  let lateCancellations = 0;
  for (const { status } of appointments) {
    if (status === 'no_show') noShows++;
    else if (status === 'late_cancelled') lateCancellations++;
  }
  const threshold = policy.noShowThreshold;
  // A threshold of 0 would flag everyone: it means the policy does not flag at all.
  const isFlagged = threshold > 0 && noShows + lateCancellations >= threshold;
  return { noShows, lateCancellations, threshold, isFlagged };
}
