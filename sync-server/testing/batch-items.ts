// Merge batches straight against a server store, for tests of merge-batch.ts: one
// manager's device, its changes stamped a minute apart.
import { v7 as uuidv7 } from 'uuid';
import type { Change } from '../../db/crdt/change';
import { formatHlc } from '../../db/crdt/hlc';
import { stampChange, type ColumnValues } from '../../db/crdt/merge';
import type { Author, BatchItem } from '../merge/merge-batch';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';

export const MIN = 60_000;

/** An in-memory store whose organization has one active manager. */
export async function storeWithManager(orgId: string, managerId: string): Promise<ServerDb> {
  const db = await openPgliteServerDb();
  await db.query(`insert into staff_users (id, org_id, name, role, secret_hash, active, deleted, hlc) values ($1, $2, 'M', 'manager', 'x', true, false, '{}')`, [managerId, orgId]);
  return db;
}

/**
 * Appointment changes by `managerId` on `author`'s device, stamped at `base` plus the given
 * minute, or a minute after the previous one.
 */
export function appointmentChanges(author: Author, managerId: string, base: number, node: string) {
  let last = 0;
  return (row: string, values: ColumnValues, minute = last + 1): BatchItem & { change: Change } => {
    last = minute;
    const { hlc } = stampChange(values, formatHlc({ millis: base + minute * MIN, counter: 0, node }));
    return { author, table: 'appointments', change: { id: uuidv7(), table: 'appointments', row, values, hlc, staffUserId: managerId } };
  };
}

/** An active half-hour desk booking at `start`, as a new appointment's values. */
export function bookingValues(start: number, over: Partial<ColumnValues> & { confirmation_code: string }): ColumnValues {
  return {
    location_id: 'loc-1', provider_id: 'prov-1', service_id: 'svc-1', patient_id: `pat-${over.confirmation_code}`, resource_ids: [],
    start_at: start, end_at: start + 30 * MIN, buffer_before_min: 0, buffer_after_min: 0, status: 'booked',
    source_channel: 'desk', overbook: false, booked_at: start, deleted: false, ...over,
  };
}
