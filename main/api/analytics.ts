// The manager dashboard's data: each report over the device's own replica (so it works
// offline), with its table(s) and CSV. Numbers come from db/analytics/; this file only
// checks the filter, loads the rows and names the operations.
import { z } from 'zod';
import { buildDashboard, buildReport, type ReportName } from '../../db/analytics/dashboard';
import type { AnalyticsFilter } from '../../db/analytics/types';
import { epochDayOf } from '../../db/analytics/zone-clock';
import { say } from '../../db/rules/refusals';
import { loadAnalyticsData } from '../store/queries/analytics-data';
import type { LocalStore } from '../store/local-store';
import { defineOperations, refuse, staffOperation, type StaffRole } from './operation';
import { calendarDate, entityId } from './schedule';

export const analyticsRoles: readonly StaffRole[] = ['manager', 'admin'];

/** A little over a year: enough for year-on-year views, bounded so one call cannot stall the desk. */
export const maxAnalyticsRangeDays = 400;

export const analyticsFilter = z.object({
  from: calendarDate,
  /** Inclusive, in each location's own zone. */
  to: calendarDate,
  locationId: entityId.nullish(),
  providerId: entityId.nullish(),
  serviceId: entityId.nullish(),
}).refine((f) => f.to >= f.from, { message: 'The range must end on or after the day it starts.', path: ['to'] })
  .refine((f) => epochDayOf(f.to) - epochDayOf(f.from) < maxAnalyticsRangeDays, { message: `Choose at most ${maxAnalyticsRangeDays} days.`, path: ['to'] });

export type AnalyticsFilterInput = z.input<typeof analyticsFilter>;

const peakHoursInput = analyticsFilter.and(z.object({ basis: z.enum(['visits', 'bookings']).default('visits') }));

// Existence, not liveness: a deleted provider's or service's past visits are still history.
const knownTables = { locationId: 'locations', providerId: 'providers', serviceId: 'services' } as const;
const missing = { locationId: say('refusal.notFound.location'), providerId: say('refusal.notFound.provider'), serviceId: say('refusal.notFound.service') };

function checkFilter(store: LocalStore, input: z.output<typeof analyticsFilter>): AnalyticsFilter {
  for (const key of ['locationId', 'providerId', 'serviceId'] as const) {
    const id = input[key];
    if (!id) continue;
    const found = store.sqlite.prepare(`select 1 from ${knownTables[key]} where id = ?`).get(id);
    if (!found) throw refuse('not_found', missing[key], { [key]: id });
  }
  return { from: input.from, to: input.to, locationId: input.locationId ?? null, providerId: input.providerId ?? null, serviceId: input.serviceId ?? null };
}

function reportOperation<K extends Exclude<ReportName, 'peakHours'>>(name: K) {
  return staffOperation({
    description: 'see clinic analytics',
    roles: analyticsRoles,
    input: analyticsFilter,
    handler: ({ store }, input) => {
      const filter = checkFilter(store, input);
      return buildReport(name, loadAnalyticsData(store, filter), filter);
    },
  });
}

export const analyticsOperations = defineOperations('analytics', {
  /** The choices for the filter bar: live locations, providers and services. */
  filterOptions: staffOperation({
    description: 'see clinic analytics',
    roles: analyticsRoles,
    input: z.object({}),
    handler: ({ store }) => {
      const list = (table: 'locations' | 'providers' | 'services') =>
        store.sqlite.prepare(`select id, name from ${table} where deleted = 0 order by name, id`).all() as { id: string; name: string }[];
      const zones = new Map((store.sqlite.prepare('select id, time_zone as timeZone from locations where deleted = 0').all() as { id: string; timeZone: string }[]).map((l) => [l.id, l.timeZone]));
      return {
        locations: list('locations').map((l) => ({ ...l, timeZone: zones.get(l.id)! })),
        providers: list('providers'),
        services: list('services'),
        channels: ['desk', 'phone', 'online', 'kiosk'] as const,
        maxRangeDays: maxAnalyticsRangeDays,
      };
    },
  }),
  utilization: reportOperation('utilization'),
  attendance: reportOperation('attendance'),
  leadTime: reportOperation('leadTime'),
  peakHours: staffOperation({
    description: 'see clinic analytics',
    roles: analyticsRoles,
    input: peakHoursInput,
    handler: ({ store }, input) => {
      const filter = checkFilter(store, input);
      return buildReport('peakHours', loadAnalyticsData(store, filter), filter, { peakHoursBasis: input.basis });
    },
  }),
  channelMix: reportOperation('channelMix'),
  productivity: reportOperation('productivity'),
  /** Every report at once, from one read of the replica: the dashboard's first paint. */
  dashboard: staffOperation({
    description: 'see clinic analytics',
    roles: analyticsRoles,
    input: peakHoursInput,
    handler: ({ store }, input) => {
      const filter = checkFilter(store, input);
      return buildDashboard(loadAnalyticsData(store, filter), filter, { peakHoursBasis: input.basis });
    },
  }),
});
