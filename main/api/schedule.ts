// Reading the schedule: the day grid, the lists the filters and booking dialog need, and open
// slots from the availability rules.
import { and, asc, eq, gt, gte, inArray, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { findFirstAvailable, findOpenSlots, type AvailabilityInput, type OpenSlot } from '../../db/rules/availability';
import { say } from '../../db/rules/refusals';
import { addDays, getStartOfDay, listDates } from '../../db/rules/wallclock';
import { planWorkingHours, type ProviderWorkingHours } from '../../db/rules/working-hours';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { readDayView } from '../store/queries/day-view';
import { loadPolicy, requireLocation, requireProvider, requireService, toRuleAppointment, toRuleService } from './lookups';
import { defineOperations, refuse, staffOperation, staffRoles } from './operation';

export const entityId = z.string().min(1).max(64);
export const calendarDate = z.iso.date();

const day = 86_400_000;
const maxSlotRangeDays = 31;
const maxFirstAvailableDays = 92;
const maxSlotsReturned = 2_000;
// A month view with the days of the weeks around it.
const maxWorkingHoursDays = 42;

const slotQuery = z.object({
  serviceId: entityId,
  locationId: entityId,
  /** Default: every provider who works at the location (the service's eligibility still applies). */
  providerIds: z.array(entityId).min(1).max(100).optional(),
  from: calendarDate,
  to: calendarDate,
  stepMin: z.int().min(5).max(240).optional(),
});

function providersAt(store: LocalStore, locationId: string) {
  return store.db.select().from(schema.providers).where(eq(schema.providers.deleted, false)).orderBy(asc(schema.providers.name)).all()
    .filter((p) => p.locationIds.includes(locationId));
}

/** Everything findOpenSlots needs for one service, location and date range, read in a few indexed queries. */
function loadAvailability(store: LocalStore, query: z.output<typeof slotQuery>, now: number, maxDays: number): AvailabilityInput & { timeZone: string } {
  if (query.to < query.from) throw refuse('invalid_input', say('refusal.endBeforeStart'));
  if (listDates(query.from, query.to).length > maxDays) throw refuse('invalid_input', say('refusal.searchAtMostDays', { count: maxDays }));
  const location = requireLocation(store, query.locationId);
  const service = requireService(store, query.serviceId);
  const providerIds = query.providerIds ?? providersAt(store, location.id).map((p) => p.id);
  for (const id of providerIds) requireProvider(store, id);
  const tz = location.timeZone;
  // The day before `from` too: an overnight block or a time-off span can reach into the range.
  const rangeStart = getStartOfDay(addDays(query.from, -1), tz);
  const rangeEnd = getStartOfDay(addDays(query.to, 2), tz);
  const t = schema.scheduleTemplates;
  const e = schema.scheduleExceptions;
  const a = schema.appointments;
  const templates = store.db.select().from(t)
    .where(and(eq(t.deleted, false), eq(t.locationId, location.id), inArray(t.providerId, providerIds))).all();
  const exceptions = store.db.select().from(e)
    .where(and(eq(e.deleted, false), inArray(e.providerId, providerIds), lt(e.startAt, rangeEnd), gt(e.endAt, rangeStart))).all();
  // Busy time: the providers' appointments anywhere, and the location's (its rooms and equipment).
  const appointments = store.db.select().from(a)
    .where(and(eq(a.deleted, false), gte(a.startAt, rangeStart - day), lt(a.startAt, rangeEnd + day), or(inArray(a.providerId, providerIds), eq(a.locationId, location.id))))
    .all().map(toRuleAppointment);
  const resources = store.db.select({ id: schema.resources.id, locationId: schema.resources.locationId }).from(schema.resources)
    .where(and(eq(schema.resources.deleted, false), eq(schema.resources.locationId, location.id))).all();
  return {
    location: { id: location.id, timeZone: tz },
    service: toRuleService(service),
    providerIds,
    from: query.from,
    to: query.to,
    templates,
    exceptions,
    appointments,
    resources,
    stepMin: query.stepMin,
    notBefore: now,
    timeZone: tz,
  };
}

const staff = staffRoles;

export const scheduleOperations = defineOperations('schedule', {
  locations: staffOperation({
    description: 'see the locations',
    roles: staff,
    input: z.object({}),
    handler: ({ store }) =>
      store.db.select().from(schema.locations).where(eq(schema.locations.deleted, false)).orderBy(asc(schema.locations.name)).all()
        .map((l) => ({ id: l.id, name: l.name, timeZone: l.timeZone, address: l.address, phone: l.phone })),
  }),

  providers: staffOperation({
    description: 'see the providers',
    roles: staff,
    input: z.object({ locationId: entityId.optional() }),
    handler: ({ store }, { locationId }) => {
      const rows = locationId
        ? providersAt(store, requireLocation(store, locationId).id)
        : store.db.select().from(schema.providers).where(eq(schema.providers.deleted, false)).orderBy(asc(schema.providers.name)).all();
      return rows.map((p) => ({ id: p.id, name: p.name, specialty: p.specialty, credentials: p.credentials, color: p.color, locationIds: p.locationIds }));
    },
  }),

  services: staffOperation({
    description: 'see the services',
    roles: staff,
    input: z.object({}),
    handler: ({ store }) =>
      store.db.select().from(schema.services).where(eq(schema.services.deleted, false)).orderBy(asc(schema.services.name)).all()
        .map((s) => ({
          id: s.id, name: s.name, durationMin: s.durationMin, bufferBeforeMin: s.bufferBeforeMin, bufferAfterMin: s.bufferAfterMin,
          eligibleProviderIds: s.eligibleProviderIds, requiredResources: s.requiredResources, preparation: s.preparation,
          color: s.color, bookableOnline: s.bookableOnline,
        })),
  }),

  policy: staffOperation({
    description: 'see the cancellation policy',
    roles: staff,
    input: z.object({ locationId: entityId }),
    handler: ({ store }, { locationId }) => loadPolicy(store, requireLocation(store, locationId).id),
  }),

  dayView: staffOperation({
    description: 'see the schedule',
    roles: staff,
    input: z.object({ locationId: entityId, date: calendarDate }),
    handler: ({ store }, { locationId, date }) => {
      const location = requireLocation(store, locationId);
      const appointments = readDayView(store, { locationId, date, timeZone: location.timeZone });
      return { location: { id: location.id, name: location.name, timeZone: location.timeZone }, date, appointments };
    },
  }),

  workingHours: staffOperation({
    description: 'see the schedule',
    roles: staff,
    input: z.object({
      locationId: entityId,
      /** Default: every provider who works at the location. */
      providerIds: z.array(entityId).min(1).max(100).optional(),
      from: calendarDate,
      to: calendarDate,
    }),
    handler: ({ store }, query): { timeZone: string; providers: ProviderWorkingHours[] } => {
      if (query.to < query.from) throw refuse('invalid_input', say('refusal.endBeforeStart'));
      if (listDates(query.from, query.to).length > maxWorkingHoursDays) throw refuse('invalid_input', say('refusal.askAtMostDays', { count: maxWorkingHoursDays }));
      const location = requireLocation(store, query.locationId);
      const providerIds = query.providerIds ?? providersAt(store, location.id).map((p) => p.id);
      const tz = location.timeZone;
      const rangeStart = getStartOfDay(addDays(query.from, -1), tz);
      const rangeEnd = getStartOfDay(addDays(query.to, 2), tz);
      const t = schema.scheduleTemplates;
      const e = schema.scheduleExceptions;
      const templates = store.db.select().from(t)
        .where(and(eq(t.deleted, false), eq(t.locationId, location.id), inArray(t.providerId, providerIds))).all();
      const exceptions = store.db.select().from(e)
        .where(and(eq(e.deleted, false), inArray(e.providerId, providerIds), lt(e.startAt, rangeEnd), gt(e.endAt, rangeStart))).all();
      return {
        timeZone: tz,
        providers: planWorkingHours({ location: { id: location.id, timeZone: tz }, providerIds, from: query.from, to: query.to, templates, exceptions }),
      };
    },
  }),

  openSlots: staffOperation({
    description: 'search for open slots',
    roles: staff,
    input: slotQuery,
    handler: ({ store, now }, query): { timeZone: string; slots: OpenSlot[]; isTruncated: boolean } => {
      const input = loadAvailability(store, query, now, maxSlotRangeDays);
      const slots = findOpenSlots(input);
      return { timeZone: input.timeZone, slots: slots.slice(0, maxSlotsReturned), isTruncated: slots.length > maxSlotsReturned };
    },
  }),

  firstAvailable: staffOperation({
    description: 'search for open slots',
    roles: staff,
    input: slotQuery.extend({ to: calendarDate.optional() }),
    handler: ({ store, now }, query): { timeZone: string; slot: OpenSlot | null } => {
      const to = query.to ?? addDays(query.from, maxFirstAvailableDays - 1);
      const input = loadAvailability(store, { ...query, to }, now, maxFirstAvailableDays);
      return { timeZone: input.timeZone, slot: findFirstAvailable(input) };
    },
  }),
});
