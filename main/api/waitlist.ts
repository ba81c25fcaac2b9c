// The waitlist at the desk: patients who want a visit sooner than the open slots allow, with
// their preferences, listed for the location and taken off once booked or no longer wanted.
// Entries are replicated rows written through call.write like any booking, so they sync,
// are audited, and feed the server's waitlist offers. When the desk cancels a visit, the
// entries that fit the freed time are suggested, ranked as the server's offer job ranks them.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import { rankWaitlistForSlot, type FreedSlot } from '../../db/rules/waitlist';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { appointmentOperations } from './appointments';
import { requireAppointment, requireLocation, requirePatient, requireProvider, requireService } from './lookups';
import { defineOperations, refuse, staffOperation, staffRoles, type StaffCall, type StaffRole } from './operation';
import { calendarDate, entityId } from './schedule';

// As db/rules/permissions.ts: providers see the waitlist but do not keep it.
const keepers: readonly StaffRole[] = ['receptionist', 'nurse', 'manager', 'admin'];
const openStatuses = ['waiting', 'offered'] as const;

type EntryRow = typeof schema.waitlistEntries.$inferSelect;

export interface WaitlistEntryView {
  id: string;
  patientId: string;
  patientName: string | null;
  serviceId: string;
  serviceName: string | null;
  providerId: string | null;
  providerName: string | null;
  locationId: string;
  earliestDate: string;
  latestDate: string;
  urgency: number;
  status: EntryRow['status'];
  notes: string | null;
  createdAt: number;
}

function readEntries(store: LocalStore, where: ReturnType<typeof and>): WaitlistEntryView[] {
  const w = schema.waitlistEntries;
  return store.db.select({
    entry: w,
    first: schema.patients.firstName, last: schema.patients.lastName,
    service: schema.services.name, provider: schema.providers.name,
  }).from(w)
    .leftJoin(schema.patients, eq(schema.patients.id, w.patientId))
    .leftJoin(schema.services, eq(schema.services.id, w.serviceId))
    .leftJoin(schema.providers, eq(schema.providers.id, w.providerId))
    .where(where)
    // Most urgent first, then first come first served.
    .orderBy(desc(w.urgency), asc(w.createdAt), asc(w.id))
    .all()
    .map(({ entry, first, last, service, provider }) => ({
      id: entry.id,
      patientId: entry.patientId,
      patientName: last ? `${last}, ${first ?? ''}`.trim() : null,
      serviceId: entry.serviceId,
      serviceName: service,
      providerId: entry.providerId,
      providerName: provider,
      locationId: entry.locationId,
      earliestDate: entry.earliestDate,
      latestDate: entry.latestDate,
      urgency: entry.urgency,
      status: entry.status,
      notes: entry.notes,
      createdAt: entry.createdAt,
    }));
}

function requireEntry(store: LocalStore, id: string): WaitlistEntryView {
  const w = schema.waitlistEntries;
  const entry = readEntries(store, and(eq(w.id, id), eq(w.deleted, false)))[0];
  if (!entry) throw refuse('not_found', say('refusal.notFound.waitlistEntry'), { entryId: id });
  return entry;
}

/** Statuses that give the time back; an active visit still holds it. */
const freeingStatuses = new Set(['cancelled', 'late_cancelled', 'no_show']);
const maxSuggestions = 5;

function freedSlotOf(store: LocalStore, appointmentId: string): { slot: FreedSlot & { endAt: number }; timeZone: string } {
  const row = requireAppointment(store, appointmentId);
  if (!freeingStatuses.has(row.status)) throw refuse('not_allowed', say('refusal.stillHoldsTime'), { appointmentId });
  const location = requireLocation(store, row.locationId);
  return {
    slot: { serviceId: row.serviceId, providerId: row.providerId, locationId: row.locationId, startAt: row.startAt, endAt: row.endAt, patientId: row.patientId },
    timeZone: location.timeZone,
  };
}

function rankedEntries(call: StaffCall, appointmentId: string, limit: number) {
  const w = schema.waitlistEntries;
  const { slot, timeZone } = freedSlotOf(call.store, appointmentId);
  const open = readEntries(call.store, and(eq(w.deleted, false), eq(w.locationId, slot.locationId), eq(w.serviceId, slot.serviceId), inArray(w.status, [...openStatuses])));
  return { slot, entries: rankWaitlistForSlot(open, slot, timeZone, limit) };
}

export const waitlistOperations = defineOperations('waitlist', {
  list: staffOperation({
    description: 'see the waitlist',
    roles: staffRoles,
    input: z.object({ locationId: entityId }),
    handler: ({ store }, { locationId }) => {
      const w = schema.waitlistEntries;
      requireLocation(store, locationId);
      return readEntries(store, and(eq(w.deleted, false), eq(w.locationId, locationId), inArray(w.status, [...openStatuses])));
    },
  }),

  add: staffOperation({
    description: 'add patients to the waitlist',
    roles: keepers,
    input: z.object({
      patientId: entityId,
      serviceId: entityId,
      /** Absent: any provider who offers the service. */
      providerId: entityId.optional(),
      locationId: entityId,
      earliestDate: calendarDate,
      latestDate: calendarDate,
      /** 0 routine, 1 soon, 2 urgent. */
      urgency: z.int().min(0).max(2).default(0),
      /** Preferred days and times, in the patient's words. */
      notes: z.string().trim().max(1_000).optional(),
    }),
    handler: (call, input) => {
      if (input.latestDate < input.earliestDate) throw refuse('invalid_input', say('refusal.latestBeforeEarliest'));
      requirePatient(call.store, input.patientId);
      requireService(call.store, input.serviceId);
      requireLocation(call.store, input.locationId);
      if (input.providerId) requireProvider(call.store, input.providerId);
      const w = schema.waitlistEntries;
      const duplicate = call.store.db.select({ id: w.id }).from(w).where(and(
        eq(w.deleted, false), eq(w.patientId, input.patientId), eq(w.serviceId, input.serviceId), eq(w.locationId, input.locationId),
        inArray(w.status, [...openStatuses]),
      )).get();
      if (duplicate) throw refuse('duplicate', say('refusal.alreadyWaiting'), { entryId: duplicate.id });
      const id = uuidv7();
      call.write({
        table: 'waitlist_entries',
        rowId: id,
        isNew: true,
        action: 'waitlist.add',
        values: {
          patient_id: input.patientId,
          service_id: input.serviceId,
          provider_id: input.providerId ?? null,
          location_id: input.locationId,
          earliest_date: input.earliestDate,
          latest_date: input.latestDate,
          urgency: input.urgency,
          status: 'waiting',
          notes: input.notes || null,
          created_at: call.now,
        },
      });
      return { entry: requireEntry(call.store, id) };
    },
  }),

  remove: staffOperation({
    description: 'take patients off the waitlist',
    roles: keepers,
    input: z.object({ entryId: entityId }),
    handler: (call, { entryId }) => {
      const entry = requireEntry(call.store, entryId);
      // A status, not a deletion: the server's offer job and the audit trail still see what happened.
      if (entry.status !== 'removed') {
        call.write({ table: 'waitlist_entries', rowId: entryId, isNew: false, action: 'waitlist.remove', values: { status: 'removed' } });
      }
      return { entry: requireEntry(call.store, entryId) };
    },
  }),

  matchesForSlot: staffOperation({
    description: 'see the waitlist',
    roles: staffRoles,
    input: z.object({ appointmentId: entityId }),
    handler: (call, { appointmentId }) => {
      const { slot, entries } = rankedEntries(call, appointmentId, maxSuggestions);
      return { slot: { startAt: slot.startAt, endAt: slot.endAt, providerId: slot.providerId, serviceId: slot.serviceId, locationId: slot.locationId }, entries };
    },
  }),

  bookIntoSlot: staffOperation({
    description: 'book patients from the waitlist',
    roles: keepers,
    input: z.object({ entryId: entityId, appointmentId: entityId }),
    handler: (call, { entryId, appointmentId }) => {
      const entry = requireEntry(call.store, entryId);
      // Asked again at booking time: another desk may have booked the patient or changed the entry.
      const { slot, entries } = rankedEntries(call, appointmentId, Number.POSITIVE_INFINITY);
      if (!entries.some((e) => e.id === entry.id)) {
        throw refuse('not_allowed', say('refusal.noLongerWaiting', { patient: entry.patientName ?? '-' }), { entryId });
      }
      // One transaction: the patient is booked and off the waitlist, or neither.
      return call.store.sqlite.transaction(() => {
        const booked = appointmentOperations['appointments.book'].handler(call, {
          locationId: slot.locationId, providerId: slot.providerId, serviceId: slot.serviceId, patientId: entry.patientId, startAt: slot.startAt,
          sourceChannel: 'desk', overbook: false,
        });
        // better-sqlite3 transactions cannot span an await; booking is synchronous and must stay so.
        if (booked instanceof Promise) throw new Error('appointments.book became asynchronous; waitlist.bookIntoSlot needs it synchronous.');
        call.write({ table: 'waitlist_entries', rowId: entry.id, isNew: false, action: 'waitlist.book', values: { status: 'booked' } });
        return { appointment: booked.appointment, entry: requireEntry(call.store, entry.id) };
      })();
    },
  }),
});
