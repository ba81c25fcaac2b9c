// Device schema (SQLite, encrypted). Replicated tables mirror db/schema/pg.ts column for
// column (schema-parity.test.ts proves it); device-only bookkeeping is at the bottom.

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AppointmentStatus, Role } from '../rules/types';
import type { HlcMap, ReminderRule, SourceChannel, StaffTaskKind, WallBreak } from './shared';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const bool = (name: string) => integer(name, { mode: 'boolean' });
const instant = (name: string) => integer(name);

// Every replicated row carries these: the per-column HLC map is what merge compares, and
// server_seq is the server's sequence number of the last accepted change to the row.
const replicated = () => ({
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  deleted: bool('deleted').notNull().default(false),
  hlc: json<HlcMap>('hlc').notNull().default({}),
  serverSeq: integer('server_seq'),
});

export const organizations = sqliteTable('organizations', {
  ...replicated(),
  name: text('name').notNull(),
});

export const locations = sqliteTable('locations', {
  ...replicated(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  address: text('address'),
  phone: text('phone'),
});

export const providers = sqliteTable('providers', {
  ...replicated(),
  name: text('name').notNull(),
  specialty: text('specialty').notNull(),
  credentials: text('credentials'),
  locationIds: json<string[]>('location_ids').notNull().default([]),
  color: text('color'),
});

export const resources = sqliteTable('resources', {
  ...replicated(),
  locationId: text('location_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'room' | 'equipment'>().notNull(),
});

export const services = sqliteTable('services', {
  ...replicated(),
  name: text('name').notNull(),
  durationMin: integer('duration_min').notNull(),
  bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
  bufferAfterMin: integer('buffer_after_min').notNull().default(0),
  eligibleProviderIds: json<string[]>('eligible_provider_ids').notNull().default([]),
  requiredResources: json<string[][]>('required_resources').notNull().default([]),
  preparation: text('preparation'),
  color: text('color'),
  bookableOnline: bool('bookable_online').notNull().default(false),
});

export const scheduleTemplates = sqliteTable('schedule_templates', {
  ...replicated(),
  providerId: text('provider_id').notNull(),
  locationId: text('location_id').notNull(),
  weekday: integer('weekday').notNull(),
  start: text('start').notNull(),
  end: text('end').notNull(),
  breaks: json<WallBreak[]>('breaks').notNull().default([]),
  validFrom: text('valid_from'),
  validTo: text('valid_to'),
}, (t) => [index('schedule_templates_provider').on(t.providerId, t.locationId)]);

export const scheduleExceptions = sqliteTable('schedule_exceptions', {
  ...replicated(),
  providerId: text('provider_id').notNull(),
  locationId: text('location_id'),
  kind: text('kind').$type<'time_off' | 'extra_hours'>().notNull(),
  startAt: instant('start_at').notNull(),
  endAt: instant('end_at').notNull(),
  reason: text('reason'),
}, (t) => [index('schedule_exceptions_provider').on(t.providerId, t.startAt)]);

export const patients = sqliteTable('patients', {
  ...replicated(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: text('date_of_birth').notNull(),
  phone: text('phone'),
  email: text('email'),
  preferredChannel: text('preferred_channel').$type<'sms' | 'email' | 'none'>().notNull().default('sms'),
  preferredLanguage: text('preferred_language').$type<'en' | 'es'>().notNull().default('en'),
}, (t) => [
  index('patients_name').on(t.lastName, t.firstName),
  // Covers the day view's join: a patient's name in one index lookup instead of the text-id
  // index and then the table (measured in bench/day-view-500k.bench.ts).
  index('patients_day_view').on(t.id, t.firstName, t.lastName),
]);

export const appointments = sqliteTable('appointments', {
  ...replicated(),
  locationId: text('location_id').notNull(),
  providerId: text('provider_id').notNull(),
  serviceId: text('service_id').notNull(),
  patientId: text('patient_id').notNull(),
  resourceIds: json<string[]>('resource_ids').notNull().default([]),
  startAt: instant('start_at').notNull(),
  endAt: instant('end_at').notNull(),
  bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
  bufferAfterMin: integer('buffer_after_min').notNull().default(0),
  status: text('status').$type<AppointmentStatus>().notNull().default('booked'),
  notes: text('notes'),
  sourceChannel: text('source_channel').$type<SourceChannel>().notNull().default('desk'),
  overbook: bool('overbook').notNull().default(false),
  confirmationCode: text('confirmation_code').notNull(),
  cancelReason: text('cancel_reason'),
  lateCancelFee: bool('late_cancel_fee').notNull().default(false),
  bookedAt: instant('booked_at').notNull(),
}, (t) => [
  // The day view reads one location's day: (location, start) serves it from the index.
  index('appointments_location_start').on(t.locationId, t.startAt),
  index('appointments_provider_start').on(t.providerId, t.startAt),
  index('appointments_patient').on(t.patientId, t.startAt),
  // The manager dashboard reads every appointment of a date range: covering, so the encrypted
  // table itself is never read (bench/analytics.bench.ts).
  index('appointments_analytics').on(t.startAt, t.deleted, t.locationId, t.providerId, t.serviceId, t.endAt, t.status, t.sourceChannel, t.bookedAt, t.id),
  uniqueIndex('appointments_confirmation_code').on(t.confirmationCode),
]);

export const waitlistEntries = sqliteTable('waitlist_entries', {
  ...replicated(),
  patientId: text('patient_id').notNull(),
  serviceId: text('service_id').notNull(),
  providerId: text('provider_id'),
  locationId: text('location_id').notNull(),
  earliestDate: text('earliest_date').notNull(),
  latestDate: text('latest_date').notNull(),
  urgency: integer('urgency').notNull().default(0),
  status: text('status').$type<'waiting' | 'offered' | 'booked' | 'removed'>().notNull().default('waiting'),
  notes: text('notes'),
  createdAt: instant('created_at').notNull(),
});

export const staffUsers = sqliteTable('staff_users', {
  ...replicated(),
  name: text('name').notNull(),
  role: text('role').$type<Exclude<Role, 'kiosk' | 'system'>>().notNull(),
  /** argon2id hash of the PIN or password; replicated so staff can sign in offline. */
  secretHash: text('secret_hash').notNull(),
  providerId: text('provider_id'),
  active: bool('active').notNull().default(true),
});

export const policies = sqliteTable('policies', {
  ...replicated(),
  /** null: the organization's default. */
  locationId: text('location_id'),
  cancellationNoticeHours: integer('cancellation_notice_hours').notNull().default(24),
  lateCancelFeeCents: integer('late_cancel_fee_cents').notNull().default(0),
  noShowGraceMinutes: integer('no_show_grace_minutes').notNull().default(15),
  noShowThreshold: integer('no_show_threshold').notNull().default(3),
  checkInEarlyMinutes: integer('check_in_early_minutes').notNull().default(60),
  lateArrivalMinutes: integer('late_arrival_minutes').notNull().default(15),
});

export const reminderRules = sqliteTable('reminder_rules', {
  ...replicated(),
  locationId: text('location_id'),
  serviceId: text('service_id'),
  rule: json<ReminderRule>('rule').notNull(),
});

export const auditEvents = sqliteTable('audit_events', {
  ...replicated(),
  deviceId: text('device_id').notNull(),
  /** Position in this device's chain, from 1. */
  chainSeq: integer('chain_seq').notNull(),
  staffUserId: text('staff_user_id'),
  at: instant('at').notNull(),
  action: text('action').notNull(),
  entityTable: text('entity_table').notNull(),
  entityId: text('entity_id').notNull(),
  before: json<Record<string, unknown> | null>('before'),
  after: json<Record<string, unknown> | null>('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  uniqueIndex('audit_events_chain').on(t.deviceId, t.chainSeq),
  index('audit_events_entity').on(t.entityTable, t.entityId),
]);

/** Work for the front desk raised by server jobs (e.g. an appointment still unconfirmed a
 *  day ahead); staff close it from their devices. */
export const staffTasks = sqliteTable('staff_tasks', {
  ...replicated(),
  locationId: text('location_id').notNull(),
  appointmentId: text('appointment_id'),
  kind: text('kind').$type<StaffTaskKind>().notNull(),
  title: text('title').notNull(),
  dueAt: instant('due_at').notNull(),
  status: text('status').$type<'open' | 'done'>().notNull().default('open'),
  createdAt: instant('created_at').notNull(),
}, (t) => [index('staff_tasks_open').on(t.status, t.dueAt)]);

// ---- device-only bookkeeping (not replicated) ----

/** Local changes not yet acknowledged by the server, in the order they were made. */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  changeId: text('change_id').notNull().unique(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  values: json<Record<string, unknown>>('values').notNull(),
  hlc: json<HlcMap>('hlc').notNull(),
  /** What the change overwrote ({values, hlc} of those columns; null for a new row), so a
   *  rejected change can be undone back to the server's state. */
  previous: json<{ values: Record<string, unknown>; hlc: HlcMap } | null>('previous'),
  staffUserId: text('staff_user_id'),
  createdAt: instant('created_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
}, (t) => [index('outbox_row').on(t.tableName, t.rowId)]);

/** Changes the server refused, kept until a person has dealt with them. */
export const syncRejections = sqliteTable('sync_rejections', {
  changeId: text('change_id').primaryKey(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  reason: text('reason').notNull(),
  message: text('message').notNull(),
  conflictsWith: text('conflicts_with'),
  values: json<Record<string, unknown>>('values').notNull(),
  createdAt: instant('created_at').notNull(),
  resolvedAt: instant('resolved_at'),
});

/** Electric shape position per table, so a restart resumes instead of re-downloading. */
export const syncShapes = sqliteTable('sync_shapes', {
  tableName: text('table_name').primaryKey(),
  handle: text('handle'),
  offset: text('offset').notNull().default('-1'),
  updatedAt: instant('updated_at').notNull(),
});

export const deviceMeta = sqliteTable('device_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

