// What the sync bar and the conflict panel show: the replication state, the changes the
// server refused, and marking one as dealt with once the desk has moved, waitlisted or
// cancelled the booking through the ordinary operations.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { pendingCount } from '../sync/push';
import type { SyncState } from '../sync/sync-client';
import { defineOperations, refuse, staffOperation, staffRoles } from './operation';

function offlineState(store: LocalStore): SyncState {
  const unresolved = store.sqlite.prepare('select count(*) as n from sync_rejections where resolved_at is null').get() as { n: number };
  return {
    online: false, pending: pendingCount(store), lastSyncAt: null, unresolvedRejections: unresolved.n,
    problem: 'This device is not connected to a sync server.', revoked: false,
  };
}

interface AppointmentGlance {
  appointmentId: string;
  startAt: number | null;
  endAt: number | null;
  providerName: string | null;
  patientName: string | null;
  serviceName: string | null;
  confirmationCode: string | null;
}

function glanceAt(store: LocalStore, appointmentId: string, values: Record<string, unknown> = {}): AppointmentGlance {
  const row = store.db.select().from(schema.appointments).where(eq(schema.appointments.id, appointmentId)).get();
  // A refused new booking was removed from the device: what it was is only in the change's values.
  const pick = <T>(column: string, fallback: T | undefined): T | null => (column in values ? (values[column] as T) : (fallback ?? null));
  const providerId = pick<string>('provider_id', row?.providerId);
  const patientId = pick<string>('patient_id', row?.patientId);
  const serviceId = pick<string>('service_id', row?.serviceId);
  const provider = providerId ? store.db.select({ name: schema.providers.name }).from(schema.providers).where(eq(schema.providers.id, providerId)).get() : undefined;
  const patient = patientId ? store.db.select({ first: schema.patients.firstName, last: schema.patients.lastName }).from(schema.patients).where(eq(schema.patients.id, patientId)).get() : undefined;
  const service = serviceId ? store.db.select({ name: schema.services.name }).from(schema.services).where(eq(schema.services.id, serviceId)).get() : undefined;
  return {
    appointmentId,
    startAt: pick<number>('start_at', row?.startAt),
    endAt: pick<number>('end_at', row?.endAt),
    providerName: provider?.name ?? null,
    patientName: patient ? `${patient.last}, ${patient.first}` : null,
    serviceName: service?.name ?? null,
    confirmationCode: pick<string>('confirmation_code', row?.confirmationCode),
  };
}

export const syncOperations = defineOperations('sync', {
  state: staffOperation({
    description: 'see the sync state',
    roles: staffRoles,
    input: z.object({}),
    isActivity: false,
    handler: ({ ctx, store }): SyncState => ctx.sync?.getState() ?? offlineState(store),
  }),

  rejections: staffOperation({
    description: 'see refused changes',
    roles: staffRoles,
    input: z.object({}),
    handler: ({ store }) => {
      const r = schema.syncRejections;
      return store.db.select().from(r).where(isNull(r.resolvedAt)).orderBy(r.createdAt).all().map((row) => ({
        changeId: row.changeId,
        tableName: row.tableName,
        rowId: row.rowId,
        reason: row.reason,
        message: row.message,
        createdAt: row.createdAt,
        values: row.values,
        rejected: row.tableName === 'appointments' ? glanceAt(store, row.rowId, row.values) : null,
        conflictsWith: row.conflictsWith ? glanceAt(store, row.conflictsWith) : null,
      }));
    },
  }),

  resolveRejection: staffOperation({
    description: 'resolve refused changes',
    roles: staffRoles,
    input: z.object({ changeId: z.string().min(1).max(64) }),
    handler: (call, { changeId }) => {
      const r = schema.syncRejections;
      const row = call.store.db.select().from(r).where(eq(r.changeId, changeId)).get();
      if (!row) throw refuse('not_found', say('refusal.notFound.refusedChange'), { changeId });
      if (row.resolvedAt !== null) return { changeId, resolvedAt: row.resolvedAt };
      // Device-only bookkeeping, not replicated and so not through store.write: the actual
      // remedy (a new time, a waitlist entry, a cancellation) was its own audited write.
      call.store.db.update(r).set({ resolvedAt: call.now }).where(and(eq(r.changeId, changeId), isNull(r.resolvedAt))).run();
      call.markChanged('sync_rejections');
      return { changeId, resolvedAt: call.now };
    },
  }),
});
