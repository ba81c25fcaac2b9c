// Who or what an appointment occupies, and when. The device warns with findCollisions; the
// server turns claimsOf into exclusion-constraint rows, so both sides agree by construction.
import type { Appointment, AppointmentStatus, Instant, Interval } from './types';

export type ClaimKind = 'provider' | 'resource' | 'patient';

export interface Claim {
  kind: ClaimKind;
  key: string;
  start: Instant;
  end: Instant;
}

export interface Collision {
  appointment: Appointment;
  on: ClaimKind;
  key: string;
}

const minute = 60_000;

const inactiveStatuses: ReadonlySet<AppointmentStatus> = new Set(['cancelled', 'late_cancelled', 'no_show']);

/** Whether an appointment in this status still holds its time (completed visits did happen). */
export function isActive(status: AppointmentStatus): boolean {
  return !inactiveStatuses.has(status);
}

/** The provider's and rooms' occupied time: the visit plus preparation and cleanup buffers. */
export function toBusyInterval(appointment: Appointment): Interval {
  return {
    start: appointment.startAt - appointment.bufferBeforeMin * minute,
    end: appointment.endAt + appointment.bufferAfterMin * minute,
  };
}

/** Half-open intervals overlap when each starts before the other ends; empty ones never do. */
export function hasOverlap(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/**
 * Everything an active appointment occupies; nothing for an inactive one.
 * Provider and resource claims include the buffers. The patient claim is the bare visit
 * [startAt, endAt): buffers are the provider's and room's preparation and cleanup, the
 * patient is not busy then, so back-to-back visits with two providers are fine.
 */
export function claimsOf(appointment: Appointment): Claim[] {
  if (!isActive(appointment.status)) return [];
  const busy = toBusyInterval(appointment);
  const claims: Claim[] = [{ kind: 'provider', key: appointment.providerId, start: busy.start, end: busy.end }];
  for (const resourceId of new Set(appointment.resourceIds)) {
    claims.push({ kind: 'resource', key: resourceId, start: busy.start, end: busy.end });
  }
  claims.push({ kind: 'patient', key: appointment.patientId, start: appointment.startAt, end: appointment.endAt });
  return claims;
}

/**
 * Every (other appointment, claim) pair the proposed appointment would clash with, in the
 * order of `others`, then provider, resources, patient.
 * Overbooked appointments, on either side, are reported like any other: overbooking is the
 * caller's decision (the server accepts it only from a manager), not a reason to hide it.
 */
export function findCollisions(proposed: Appointment, others: Appointment[]): Collision[] {
  const proposedClaims = claimsOf(proposed);
  if (proposedClaims.length === 0) return [];
  const collisions: Collision[] = [];
  for (const other of others) {
    if (other.id === proposed.id) continue;
    for (const claim of claimsOf(other)) {
      const clash = proposedClaims.some((mine) => mine.kind === claim.kind && mine.key === claim.key && hasOverlap(mine, claim));
      if (clash) collisions.push({ appointment: other, on: claim.kind, key: claim.key });
    }
  }
  return collisions;
}
