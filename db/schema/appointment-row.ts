// An appointments row (keyed by SQL column name, as stored on either side, the wire, or the
// demo generator) as the scheduling rules' Appointment. Columns a new row has not been
// given yet take the schema's defaults, as the database would.
import type { Appointment } from '../rules/types';

export function appointmentFromRow(row: Record<string, unknown>): Appointment {
  const resources = row.resource_ids;
  return {
    id: row.id as string,
    locationId: row.location_id as string,
    providerId: row.provider_id as string,
    serviceId: row.service_id as string,
    patientId: row.patient_id as string,
    // SQLite hands JSON columns back as text.
    resourceIds: (typeof resources === 'string' ? JSON.parse(resources) : resources ?? []) as string[],
    startAt: Number(row.start_at),
    endAt: Number(row.end_at),
    status: (row.status as Appointment['status'] | null | undefined) ?? 'booked',
    bufferBeforeMin: Number(row.buffer_before_min ?? 0),
    bufferAfterMin: Number(row.buffer_after_min ?? 0),
    overbook: row.overbook === true || row.overbook === 1,
  };
}
