// What a patient at a kiosk may do with an appointment, and how the kiosk matches what they
// type. The check-in window itself lives in the status machine (status.ts, role 'kiosk'):
// these helpers ask it rather than repeat its arithmetic, so a policy change applies to the
// kiosk and the sync server's rules alike.
import { transitionAppointment } from './status';
import type { Appointment, AppointmentStatus, CalendarDate, Instant, Policy } from './types';

/**
 * 'open': check-in is possible now. 'too_early': come back later (the opening time is known).
 * 'see_desk': late past the policy's window, or a status the kiosk cannot move.
 * 'checked_in': nothing left to do here.
 */
export type KioskCheckInState = 'open' | 'too_early' | 'see_desk' | 'checked_in';

export function kioskCheckInState(appointment: Appointment, now: Instant, policy: Policy, timeZone: string): KioskCheckInState {
  if (appointment.status === 'checked_in') return 'checked_in';
  const result = transitionAppointment({ appointment, to: 'checked_in', role: 'kiosk', now, policy, timeZone });
  if (result.ok) return 'open';
  return result.code === 'too_early' ? 'too_early' : 'see_desk';
}

/** When the kiosk opens check-in for this appointment (policy.checkInEarlyMinutes before the start). */
export function kioskCheckInOpensAt(appointment: Pick<Appointment, 'startAt'>, policy: Policy): Instant {
  return appointment.startAt - policy.checkInEarlyMinutes * 60_000;
}

/**
 * The appointment a patient who found themselves by name most likely means: of today's
 * appointments still relevant at a kiosk (not cancelled, not a no-show, not finished), the
 * first whose check-in is not over, else the last one. Null when none is left.
 */
export function pickKioskAppointment<A extends Appointment>(candidates: readonly A[], now: Instant, policy: Policy, timeZone: string): A | null {
  const relevant = candidates
    .filter((a) => a.status === 'booked' || a.status === 'confirmed' || a.status === 'checked_in')
    .toSorted((x, y) => x.startAt - y.startAt || x.id.localeCompare(y.id));
  if (relevant.length === 0) return null;
  const pending = relevant.find((a) => {
    const state = kioskCheckInState(a, now, policy, timeZone);
    return state === 'open' || state === 'too_early';
  });
  return pending ?? relevant[relevant.length - 1]!;
}

/**
 * Last names as people type them on a touch keyboard: case, accents, spaces, hyphens and
 * apostrophes do not matter ("O'Brien-García" matches "obrien garcia").
 */
export function normalizeLastName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A confirmation code as typed or scanned: case and separators do not matter. */
export function normalizeConfirmationCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A strict YYYY-MM-DD date of birth, or null (a kiosk never guesses a day/month order). */
export function parseDateOfBirth(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal && year >= 1900 ? (text.trim() as CalendarDate) : null;
}

export interface MissLimit {
  /** Misses within windowMs that start a cool-down. */
  maxMisses: number;
  windowMs: number;
  coolDownMs: number;
}

/**
 * How long a kiosk must wait before its next lookup, given the instants of its recent misses.
 * Hits do not clear misses: otherwise one known code between guesses would reset the limit.
 */
export function lookupCoolDownMs(misses: readonly Instant[], now: Instant, limit: MissLimit): number {
  const recent = misses.filter((at) => now - at < limit.windowMs).toSorted((a, b) => a - b);
  if (recent.length < limit.maxMisses) return 0;
  const triggeredAt = recent[recent.length - 1]!;
  return Math.max(0, triggeredAt + limit.coolDownMs - now);
}

/**
 * The server-side half of "a kiosk may only check in": checkWrite sees only the pushed
 * columns, so a kiosk could push checked_in onto a cancelled or finished visit and revive
 * it. Given the stored row's status, this refuses that. (For the merge path to call with the
 * row it has locked; see the kiosk report.)
 */
export function checkKioskCheckInFrom(storedStatus: AppointmentStatus | null): { ok: true } | { ok: false; message: string } {
  if (storedStatus === 'booked' || storedStatus === 'confirmed' || storedStatus === 'checked_in') return { ok: true };
  return { ok: false, message: storedStatus === null ? 'A kiosk may only check in an existing appointment.' : `A kiosk can't check in an appointment that is ${storedStatus.replace(/_/g, ' ')}; please see the front desk.` };
}
