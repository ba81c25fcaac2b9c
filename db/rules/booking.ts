// What a booking or a reschedule needs besides the overlap check: a provider who may deliver
// the service where it is booked, the rooms and equipment the service requires, and an
// appointment that has not started yet.
import { hasOverlap, isActive, toBusyInterval } from './overlap';
import { inEnglish, say, type Sentence } from './refusals';
import type { Appointment, AppointmentStatus, Interval, Service } from './types';

export type BookingRefusal = { ok: true } | { ok: false; message: string; sentence: Sentence };

function refuse(sentence: Sentence): BookingRefusal {
  return { ok: false, message: inEnglish([sentence]), sentence };
}

export interface ProviderAtLocations {
  id: string;
  name: string;
  locationIds: string[];
}

/** A service with an empty eligible list may be delivered by every provider at the location. */
export function checkProviderForService(
  service: Service & { name: string },
  provider: ProviderAtLocations,
  location: { id: string; name: string },
): BookingRefusal {
  if (!provider.locationIds.includes(location.id)) {
    return refuse(say('refusal.providerNotAtLocation', { provider: provider.name, location: location.name }));
  }
  if (service.eligibleProviderIds.length > 0 && !service.eligibleProviderIds.includes(provider.id)) {
    return refuse(say('refusal.providerNotOffering', { provider: provider.name, service: service.name }));
  }
  return { ok: true };
}

const movable: ReadonlySet<AppointmentStatus> = new Set(['booked', 'confirmed']);

/**
 * Only a visit that has not begun may move. Once the patient is checked in the time is a
 * fact (the check-in happened then), and an ended appointment is history.
 */
export function checkReschedule(status: AppointmentStatus): BookingRefusal {
  if (movable.has(status)) return { ok: true };
  return refuse(say(status === 'checked_in' || status === 'in_progress' ? 'refusal.notMovablePatientHere' : 'refusal.notMovableEnded'));
}

export interface ResourceAssignment {
  resourceIds: string[];
  /** Every required set got a resource that is free over the busy interval. */
  isComplete: boolean;
}

/**
 * One resource for each of the service's required sets, free over the proposed
 * appointment's busy time (visit plus buffers, as overlap.ts counts it); its own resourceIds
 * are ignored. Within a set, a `preferred` resource
 * (the rooms an appointment already holds, when it moves) comes first, then list order; a
 * resource never fills two sets. When a set has nothing free, its first unused member is
 * taken anyway and isComplete is false: the overlap check then names the appointment that
 * holds it, and only an overbook may go ahead.
 * `sets` must already be limited to resources at the booking's location; an empty set
 * cannot be filled at all and yields null.
 */
export function assignResources(
  sets: string[][],
  proposed: Appointment,
  others: Appointment[],
  preferred: string[] = [],
): ResourceAssignment | null {
  const busy = toBusyInterval(proposed);
  const held = new Map<string, Interval[]>();
  for (const other of others) {
    if (other.id === proposed.id || !isActive(other.status)) continue;
    const interval = toBusyInterval(other);
    for (const resourceId of other.resourceIds) held.set(resourceId, [...(held.get(resourceId) ?? []), interval]);
  }
  const isFree = (resourceId: string) => !(held.get(resourceId) ?? []).some((interval) => hasOverlap(interval, busy));

  const picked: string[] = [];
  let isComplete = true;
  for (const set of sets) {
    const unused = set.filter((id) => !picked.includes(id));
    if (unused.length === 0) return null;
    const ordered = [...unused.filter((id) => preferred.includes(id)), ...unused.filter((id) => !preferred.includes(id))];
    const free = ordered.find(isFree);
    if (free === undefined) isComplete = false;
    picked.push(free ?? (ordered[0] as string));
  }
  return { resourceIds: picked, isComplete };
}
