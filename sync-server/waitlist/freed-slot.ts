// The slot an appointment held, as the waitlist offers it and as watched_slots remembers it.
export interface HeldSlot {
  locationId: string;
  providerId: string;
  serviceId: string;
  /** Who held it: not offered their own slot back. */
  patientId: string;
  resourceIds: string[];
  startAt: number;
  endAt: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
}

export const ACTIVE_STATUSES = ['booked', 'confirmed', 'checked_in', 'in_progress'] as const;

export function slotOfRow(r: Record<string, unknown>): HeldSlot {
  return {
    locationId: r.location_id as string, providerId: r.provider_id as string, serviceId: r.service_id as string, patientId: r.patient_id as string,
    resourceIds: (r.resource_ids as string[] | null) ?? [], startAt: Number(r.start_at), endAt: Number(r.end_at),
    bufferBeforeMin: Number(r.buffer_before_min ?? 0), bufferAfterMin: Number(r.buffer_after_min ?? 0),
  };
}

/** The time, provider or place changed: the earlier slot is free again. */
export function hasMoved(before: HeldSlot, after: HeldSlot): boolean {
  return before.startAt !== after.startAt || before.endAt !== after.endAt || before.providerId !== after.providerId || before.locationId !== after.locationId;
}
