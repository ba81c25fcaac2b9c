// The cancellation and no-show policy as the server's jobs apply it: what a patient's
// cancellation becomes, which appointments have become no-shows, which still need a
// person to chase a confirmation. The transitions themselves are status.ts's.
import { transitionAppointment } from './status';
import type { Appointment, Instant, Policy } from './types';

export interface FeePolicy extends Policy {
  lateCancelFeeCents: number;
}

export type CancellationDecision =
  | { ok: true; status: 'cancelled' | 'late_cancelled'; lateCancelFee: boolean }
  | { ok: false; message: string };

/** A patient cancelling by link or reply: inside the notice period it is a late cancellation, with a fee flag when the policy charges one. */
export function decidePatientCancellation(appointment: Appointment, policy: FeePolicy, timeZone: string, now: Instant): CancellationDecision {
  const result = transitionAppointment({ appointment, to: 'cancelled', role: 'system', now, policy, timeZone });
  if (!result.ok) return { ok: false, message: result.message };
  const status = result.status === 'late_cancelled' ? 'late_cancelled' : 'cancelled';
  return { ok: true, status, lateCancelFee: status === 'late_cancelled' && policy.lateCancelFeeCents > 0 };
}

/** Appointments nobody checked in by start + grace period. */
export function findNoShows<T extends Appointment>(appointments: T[], policy: Policy, timeZone: string, now: Instant): T[] {
  return appointments.filter((appointment) => transitionAppointment({ appointment, to: 'no_show', role: 'system', now, policy, timeZone }).ok);
}

export const ESCALATION_LEAD_MS = 24 * 3_600_000;

/** Still only booked (never confirmed) with less than a day to go: a person should call. */
export function needsConfirmationCall(appointment: Pick<Appointment, 'status' | 'startAt'>, now: Instant, leadMs = ESCALATION_LEAD_MS): boolean {
  return appointment.status === 'booked' && appointment.startAt > now && appointment.startAt - now <= leadMs;
}
