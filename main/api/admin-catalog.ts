// The clinic's catalog for managers: providers, services, resources and locations.
//   admin.providers.list {includeArchived?} | .save {id?, name, specialty, credentials?, color?, locationIds} | .archive {providerId}
//   admin.services.list {includeArchived?} | .save {id?, name, durationMin, bufferBeforeMin, bufferAfterMin,
//     eligibleProviderIds, requiredResources, preparation?, color?, bookableOnline} | .archive {serviceId}
//   admin.resources.list {locationId?, includeArchived?} | .save {id?, locationId, name, kind} | .archive {resourceId}
//   admin.locations.list {} | .save {id?, name, timeZone, address?, phone?}
// Archiving is the replicated `deleted` flag: booked visits keep pointing at the row.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import type { ReplicatedTableName } from '../../db/schema/registry';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { color, displayName, minutes, optionalId, optionalText, timeZone } from './admin-inputs';
import { requireLocation, requireProvider, requireService, type LocationRow, type ProviderRow, type ServiceRow } from './lookups';
import { defineOperations, refuse, staffOperation, type StaffCall, type StaffRole } from './operation';
import { entityId } from './schedule';

const managers: readonly StaffRole[] = ['manager', 'admin'];
const listInput = z.object({ includeArchived: z.boolean().default(false) });

type ResourceRow = typeof schema.resources.$inferSelect;

const providerView = (p: ProviderRow) => ({ id: p.id, name: p.name, specialty: p.specialty, credentials: p.credentials, color: p.color, locationIds: p.locationIds, archived: p.deleted });
const serviceView = (s: ServiceRow) => ({
  id: s.id, name: s.name, durationMin: s.durationMin, bufferBeforeMin: s.bufferBeforeMin, bufferAfterMin: s.bufferAfterMin,
  eligibleProviderIds: s.eligibleProviderIds, requiredResources: s.requiredResources, preparation: s.preparation, color: s.color,
  bookableOnline: s.bookableOnline, archived: s.deleted,
});
const resourceView = (r: ResourceRow) => ({ id: r.id, locationId: r.locationId, name: r.name, kind: r.kind, archived: r.deleted });
const locationView = (l: LocationRow) => ({ id: l.id, name: l.name, timeZone: l.timeZone, address: l.address, phone: l.phone });

function requireResource(store: LocalStore, id: string): ResourceRow {
  const r = schema.resources;
  const row = store.db.select().from(r).where(and(eq(r.id, id), eq(r.deleted, false))).get();
  if (!row) throw refuse('not_found', say('refusal.notFound.resource'), { resourceId: id });
  return row;
}

/** Ids the manager picked must name live rows: a typo would silently make a service unbookable. */
function requireAll(store: LocalStore, ids: string[], check: (store: LocalStore, id: string) => unknown): void {
  for (const id of new Set(ids)) check(store, id);
}

/** Creates (no id) or edits the row; edits of a missing or archived row are not_found. */
function upsert(call: StaffCall, table: ReplicatedTableName, id: string | undefined, exists: (id: string) => unknown, values: Record<string, unknown>, noun: string): string {
  if (id) exists(id);
  const rowId = id ?? uuidv7();
  call.write({ table, rowId, isNew: !id, action: `${noun}.${id ? 'edit' : 'add'}`, values });
  return rowId;
}

function archive(call: StaffCall, table: ReplicatedTableName, id: string, noun: string): void {
  call.write({ table, rowId: id, isNew: false, action: `${noun}.archive`, values: { deleted: true } });
}

const readRow = <T>(store: LocalStore, table: typeof schema.providers | typeof schema.services | typeof schema.resources | typeof schema.locations, id: string): T =>
  store.db.select().from(table).where(eq(table.id, id)).get() as T;

const durations = {
  durationMin: z.int('The length must be a whole number of minutes.').min(5, 'A visit lasts at least 5 minutes.').max(480, 'A visit can last at most 8 hours (480 minutes).'),
  bufferBeforeMin: minutes('The preparation time', 120).default(0),
  bufferAfterMin: minutes('The clean-up time', 120).default(0),
};

export const catalogOperations = defineOperations('admin', {
  'providers.list': staffOperation({
    description: 'manage providers',
    roles: managers,
    input: listInput,
    handler: ({ store }, { includeArchived }) => {
      const p = schema.providers;
      return store.db.select().from(p).where(includeArchived ? undefined : eq(p.deleted, false)).orderBy(asc(p.name)).all().map(providerView);
    },
  }),

  'providers.save': staffOperation({
    description: 'manage providers',
    roles: managers,
    input: z.object({
      id: optionalId,
      name: displayName('the provider’s name'),
      specialty: displayName('a specialty', 80),
      credentials: optionalText(80),
      color,
      locationIds: z.array(entityId).min(1, 'Pick at least one location where the provider works.').max(50),
    }),
    handler: (call, input) => {
      requireAll(call.store, input.locationIds, requireLocation);
      const id = upsert(call, 'providers', input.id, (i) => requireProvider(call.store, i), {
        name: input.name, specialty: input.specialty, credentials: input.credentials, color: input.color, location_ids: [...new Set(input.locationIds)],
      }, 'provider');
      return { provider: providerView(readRow(call.store, schema.providers, id)) };
    },
  }),

  'providers.archive': staffOperation({
    description: 'manage providers',
    roles: managers,
    input: z.object({ providerId: entityId }),
    handler: (call, { providerId }) => {
      const provider = requireProvider(call.store, providerId);
      const a = schema.appointments;
      const upcoming = call.store.db.select({ id: a.id }).from(a)
        .where(and(eq(a.deleted, false), eq(a.providerId, providerId), gt(a.endAt, call.now), inArray(a.status, ['booked', 'confirmed', 'checked_in', 'in_progress']))).all();
      // Archiving would hide these visits from every desk's provider list; they need a person's decision first.
      if (upcoming.length > 0) {
        throw refuse('not_allowed', say('refusal.stillUpcoming', { name: provider.name, count: upcoming.length }), { appointmentIds: upcoming.map((u) => u.id) });
      }
      archive(call, 'providers', providerId, 'provider');
      return { provider: providerView(readRow(call.store, schema.providers, providerId)) };
    },
  }),

  'services.list': staffOperation({
    description: 'manage services',
    roles: managers,
    input: listInput,
    handler: ({ store }, { includeArchived }) => {
      const s = schema.services;
      return store.db.select().from(s).where(includeArchived ? undefined : eq(s.deleted, false)).orderBy(asc(s.name)).all().map(serviceView);
    },
  }),

  'services.save': staffOperation({
    description: 'manage services',
    roles: managers,
    input: z.object({
      id: optionalId,
      name: displayName('the service’s name'),
      ...durations,
      /** Empty: every provider at the location. */
      eligibleProviderIds: z.array(entityId).max(200).default([]),
      /** Each inner list: interchangeable resources, one of which the visit needs. */
      requiredResources: z.array(z.array(entityId).min(1, 'Each required resource group needs at least one room or piece of equipment.').max(50)).max(10).default([]),
      preparation: optionalText(2_000),
      color,
      bookableOnline: z.boolean().default(false),
    }),
    handler: (call, input) => {
      requireAll(call.store, input.eligibleProviderIds, requireProvider);
      requireAll(call.store, input.requiredResources.flat(), requireResource);
      const id = upsert(call, 'services', input.id, (i) => requireService(call.store, i), {
        name: input.name, duration_min: input.durationMin, buffer_before_min: input.bufferBeforeMin, buffer_after_min: input.bufferAfterMin,
        eligible_provider_ids: [...new Set(input.eligibleProviderIds)], required_resources: input.requiredResources,
        preparation: input.preparation, color: input.color, bookable_online: input.bookableOnline,
      }, 'service');
      return { service: serviceView(readRow(call.store, schema.services, id)) };
    },
  }),

  'services.archive': staffOperation({
    description: 'manage services',
    roles: managers,
    input: z.object({ serviceId: entityId }),
    handler: (call, { serviceId }) => {
      requireService(call.store, serviceId);
      archive(call, 'services', serviceId, 'service');
      return { service: serviceView(readRow(call.store, schema.services, serviceId)) };
    },
  }),

  'resources.list': staffOperation({
    description: 'manage rooms and equipment',
    roles: managers,
    input: listInput.extend({ locationId: entityId.optional() }),
    handler: ({ store }, { includeArchived, locationId }) => {
      const r = schema.resources;
      return store.db.select().from(r)
        .where(and(includeArchived ? undefined : eq(r.deleted, false), locationId ? eq(r.locationId, locationId) : undefined))
        .orderBy(asc(r.name)).all().map(resourceView);
    },
  }),

  'resources.save': staffOperation({
    description: 'manage rooms and equipment',
    roles: managers,
    input: z.object({
      id: optionalId,
      locationId: entityId,
      name: displayName('a name for the room or equipment'),
      kind: z.enum(['room', 'equipment'], 'Choose room or equipment.'),
    }),
    handler: (call, input) => {
      requireLocation(call.store, input.locationId);
      const id = upsert(call, 'resources', input.id, (i) => requireResource(call.store, i), { location_id: input.locationId, name: input.name, kind: input.kind }, 'resource');
      return { resource: resourceView(readRow(call.store, schema.resources, id)) };
    },
  }),

  'resources.archive': staffOperation({
    description: 'manage rooms and equipment',
    roles: managers,
    input: z.object({ resourceId: entityId }),
    handler: (call, { resourceId }) => {
      requireResource(call.store, resourceId);
      archive(call, 'resources', resourceId, 'resource');
      return { resource: resourceView(readRow(call.store, schema.resources, resourceId)) };
    },
  }),

  'locations.list': staffOperation({
    description: 'manage locations',
    roles: managers,
    input: z.object({}),
    handler: ({ store }) => store.db.select().from(schema.locations).where(eq(schema.locations.deleted, false)).orderBy(asc(schema.locations.name)).all().map(locationView),
  }),

  'locations.save': staffOperation({
    description: 'manage locations',
    roles: managers,
    input: z.object({
      id: optionalId,
      name: displayName('the location’s name'),
      timeZone,
      address: optionalText(300),
      phone: optionalText(40),
    }),
    handler: (call, input) => {
      const id = upsert(call, 'locations', input.id, (i) => requireLocation(call.store, i), { name: input.name, time_zone: input.timeZone, address: input.address, phone: input.phone }, 'location');
      return { location: locationView(readRow(call.store, schema.locations, id)) };
    },
  }),
});
