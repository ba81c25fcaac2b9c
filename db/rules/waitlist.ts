// Who is offered a freed slot, in what order: entries that want this service at this
// location (and this provider, if they named one) on this local date, most urgent first,
// then whoever has waited longest.
import type { CalendarDate, Instant } from './types';
import { readWallClock } from './wallclock';

export interface WaitlistCandidate {
  id: string;
  patientId: string;
  serviceId: string;
  providerId: string | null;
  locationId: string;
  earliestDate: CalendarDate;
  latestDate: CalendarDate;
  urgency: number;
  status: 'waiting' | 'offered' | 'booked' | 'removed';
  createdAt: Instant;
}

export interface FreedSlot {
  serviceId: string;
  providerId: string;
  locationId: string;
  startAt: Instant;
  /** The patient who gave the slot up is not offered it back. */
  patientId: string;
}

/** Several at once, since most offers go unanswered; the first acceptance wins. */
export const OFFERS_PER_SLOT = 3;

export function rankWaitlistForSlot<T extends WaitlistCandidate>(entries: T[], slot: FreedSlot, timeZone: string, limit = OFFERS_PER_SLOT): T[] {
  const date = readWallClock(slot.startAt, timeZone).date;
  return entries
    .filter((e) => e.status === 'waiting' && e.serviceId === slot.serviceId && e.locationId === slot.locationId
      && (e.providerId === null || e.providerId === slot.providerId) && e.earliestDate <= date && date <= e.latestDate
      && e.patientId !== slot.patientId)
    .sort((a, b) => b.urgency - a.urgency || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
