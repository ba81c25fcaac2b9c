// Server schema (PostgreSQL and PGlite). Replicated tables mirror db/schema/sqlite.ts
// column for column (schema-parity.test.ts proves it); server-only tables are at the bottom.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AppointmentStatus, Role } from '../rules/types';
import type { HlcMap, ReminderRule, SourceChannel, StaffTaskKind, WallBreak } from './shared';

const json = <T>(name: string) => jsonb(name).$type<T>();
const instant = (name: string) => bigint(name, { mode: 'number' });

const replicated = () => ({
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  deleted: boolean('deleted').notNull().default(false),
  hlc: json<HlcMap>('hlc').notNull().default({}),
  serverSeq: bigint('server_seq', { mode: 'number' }),
});

// Shapes are served by (org, server_seq): every replicated table gets that index.
const bySeq = (name: string) => (t: { orgId: never; serverSeq: never }) => index(`${name}_seq`).on(t.orgId, t.serverSeq);

export const organizations = pgTable('organizations', {
  ...replicated(),
  name: text('name').notNull(),
}, (t) => [bySeq('organizations')(t as never)]);

export const locations = pgTable('locations', {
  ...replicated(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  address: text('address'),
  phone: text('phone'),
}, (t) => [bySeq('locations')(t as never)]);

export const providers = pgTable('providers', {
  ...replicated(),
  name: text('name').notNull(),
  specialty: text('specialty').notNull(),
  credentials: text('credentials'),
  locationIds: json<string[]>('location_ids').notNull().default([]),
  color: text('color'),
}, (t) => [bySeq('providers')(t as never)]);

export const resources = pgTable('resources', {
  ...replicated(),
  locationId: text('location_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'room' | 'equipment'>().notNull(),
}, (t) => [bySeq('resources')(t as never)]);

export const services = pgTable('services', {
  ...replicated(),
  name: text('name').notNull(),
  durationMin: integer('duration_min').notNull(),
  bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
  bufferAfterMin: integer('buffer_after_min').notNull().default(0),
  eligibleProviderIds: json<string[]>('eligible_provider_ids').notNull().default([]),
  requiredResources: json<string[][]>('required_resources').notNull().default([]),
  preparation: text('preparation'),
  color: text('color'),
  bookableOnline: boolean('bookable_online').notNull().default(false),
}, (t) => [bySeq('services')(t as never)]);

export const scheduleTemplates = pgTable('schedule_templates', {
  ...replicated(),
  providerId: text('provider_id').notNull(),
  locationId: text('location_id').notNull(),
  weekday: integer('weekday').notNull(),
  start: text('start').notNull(),
  end: text('end').notNull(),
  breaks: json<WallBreak[]>('breaks').notNull().default([]),
  validFrom: text('valid_from'),
  validTo: text('valid_to'),
}, (t) => [bySeq('schedule_templates')(t as never)]);

export const scheduleExceptions = pgTable('schedule_exceptions', {
  ...replicated(),
  providerId: text('provider_id').notNull(),
  locationId: text('location_id'),
  kind: text('kind').$type<'time_off' | 'extra_hours'>().notNull(),
  startAt: instant('start_at').notNull(),
  endAt: instant('end_at').notNull(),
  reason: text('reason'),
}, (t) => [bySeq('schedule_exceptions')(t as never)]);

export const patients = pgTable('patients', {
  ...replicated(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  dateOfBirth: text('date_of_birth').notNull(),
  phone: text('phone'),
  email: text('email'),
  preferredChannel: text('preferred_channel').$type<'sms' | 'email' | 'none'>().notNull().default('sms'),
  preferredLanguage: text('preferred_language').$type<'en' | 'es'>().notNull().default('en'),
}, (t) => [bySeq('patients')(t as never)]);

export const appointments = pgTable('appointments', {
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
  overbook: boolean('overbook').notNull().default(false),
  confirmationCode: text('confirmation_code').notNull(),
  cancelReason: text('cancel_reason'),
  lateCancelFee: boolean('late_cancel_fee').notNull().default(false),
  bookedAt: instant('booked_at').notNull(),
}, (t) => [
  bySeq('appointments')(t as never),
  index('appointments_location_start').on(t.locationId, t.startAt),
  uniqueIndex('appointments_confirmation_code').on(t.confirmationCode),
]);

export const waitlistEntries = pgTable('waitlist_entries', {
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
}, (t) => [bySeq('waitlist_entries')(t as never)]);

export const staffUsers = pgTable('staff_users', {
  ...replicated(),
  name: text('name').notNull(),
  role: text('role').$type<Exclude<Role, 'kiosk' | 'system'>>().notNull(),
  secretHash: text('secret_hash').notNull(),
  providerId: text('provider_id'),
  active: boolean('active').notNull().default(true),
}, (t) => [bySeq('staff_users')(t as never)]);

export const policies = pgTable('policies', {
  ...replicated(),
  locationId: text('location_id'),
  cancellationNoticeHours: integer('cancellation_notice_hours').notNull().default(24),
  lateCancelFeeCents: integer('late_cancel_fee_cents').notNull().default(0),
  noShowGraceMinutes: integer('no_show_grace_minutes').notNull().default(15),
  noShowThreshold: integer('no_show_threshold').notNull().default(3),
  checkInEarlyMinutes: integer('check_in_early_minutes').notNull().default(60),
  lateArrivalMinutes: integer('late_arrival_minutes').notNull().default(15),
}, (t) => [bySeq('policies')(t as never)]);

export const reminderRules = pgTable('reminder_rules', {
  ...replicated(),
  locationId: text('location_id'),
  serviceId: text('service_id'),
  rule: json<ReminderRule>('rule').notNull(),
}, (t) => [bySeq('reminder_rules')(t as never)]);

export const auditEvents = pgTable('audit_events', {
  ...replicated(),
  deviceId: text('device_id').notNull(),
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
  bySeq('audit_events')(t as never),
  uniqueIndex('audit_events_chain').on(t.deviceId, t.chainSeq),
]);

/** Work for the front desk raised by server jobs (e.g. an appointment still unconfirmed a
 *  day ahead); staff close it from their devices. */
export const staffTasks = pgTable('staff_tasks', {
  ...replicated(),
  locationId: text('location_id').notNull(),
  appointmentId: text('appointment_id'),
  kind: text('kind').$type<StaffTaskKind>().notNull(),
  title: text('title').notNull(),
  dueAt: instant('due_at').notNull(),
  status: text('status').$type<'open' | 'done'>().notNull().default('open'),
  createdAt: instant('created_at').notNull(),
}, (t) => [bySeq('staff_tasks')(t as never)]);

// ---- server-only tables (not replicated to devices) ----

export const devices = pgTable('devices', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  name: text('name').notNull(),
  role: text('role').$type<'front_desk' | 'manager' | 'kiosk'>().notNull(),
  nodeId: text('node_id').notNull().unique(),
  /** sha256 of the bearer token: a leaked database does not leak working tokens. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: instant('created_at').notNull(),
  revokedAt: instant('revoked_at'),
  lastSeenAt: instant('last_seen_at'),
});

export const pairingCodes = pgTable('pairing_codes', {
  codeHash: text('code_hash').primaryKey(),
  orgId: text('org_id').notNull(),
  role: text('role').$type<'front_desk' | 'manager' | 'kiosk'>().notNull(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
});

/** Every change id the server has answered, with its answer: pushes are idempotent.
 *  seq is set when the change is published (sync-server/merge/publish.ts); a device's
 *  rejections are served to it from here as a shape, so a device that crashed after
 *  pushing still learns. */
export const changeLog = pgTable('change_log', {
  changeId: text('change_id').primaryKey(),
  orgId: text('org_id').notNull(),
  deviceId: text('device_id').notNull(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  status: text('status').$type<'accepted' | 'rejected'>().notNull(),
  seq: bigint('seq', { mode: 'number' }),
  reason: text('reason'),
  message: text('message'),
  conflictsWith: text('conflicts_with'),
  receivedAt: instant('received_at').notNull(),
}, (t) => [
  index('change_log_unpublished').on(t.orgId).where(sql`seq is null`),
  index('change_log_device_rejections').on(t.deviceId, t.seq).where(sql`status = 'rejected'`),
]);

/** One row per organization: its server-side sequence counter. */
export const orgSequences = pgTable('org_sequences', {
  orgId: text('org_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
});

export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Server work (reminders, no-show marking, escalation, waitlist offers), shared by every
 *  instance on this database: claimed with FOR UPDATE SKIP LOCKED (sync-server/jobs/queue.ts).
 *  dedupe_key makes enqueueing idempotent: planning the same reminder twice is one job. */
export const jobs = pgTable('jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: text('org_id').notNull(),
  kind: text('kind').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  payload: json<Record<string, unknown>>('payload').notNull(),
  status: text('status').$type<'pending' | 'done' | 'failed'>().notNull().default('pending'),
  runAt: instant('run_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(8),
  /** The instance holding the lease: only it may finish the job while the lease lasts. */
  lockedBy: text('locked_by'),
  lockedUntil: instant('locked_until'),
  createdAt: instant('created_at').notNull(),
  doneAt: instant('done_at'),
  lastError: text('last_error'),
}, (t) => [index('jobs_due').on(t.runAt).where(sql`status = 'pending'`)]);

/** One row per message the server means to send, written before it is sent (the outbox
 *  pattern, docs/jobs.md): a retry that finds 'sending' knows an earlier attempt may have
 *  reached the provider. */
export const deliveries = pgTable('deliveries', {
  dedupeKey: text('dedupe_key').primaryKey(),
  orgId: text('org_id').notNull(),
  appointmentId: text('appointment_id'),
  channel: text('channel').$type<'sms' | 'email'>().notNull(),
  recipient: text('recipient').notNull(),
  status: text('status').$type<'sending' | 'sent' | 'failed' | 'unknown' | 'not_sent'>().notNull(),
  /** SMTP Message-ID (fixed before sending) or the SMS provider's message id. */
  messageRef: text('message_ref'),
  providerStatus: text('provider_status'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: instant('created_at').notNull(),
  sentAt: instant('sent_at'),
  lastError: text('last_error'),
}, (t) => [index('deliveries_appointment').on(t.appointmentId)]);

/** Patients' answers (signed links, SMS replies), keyed by link nonce or provider message id:
 *  a re-used link or a re-delivered webhook gets the first answer back instead of acting twice. */
export const patientAnswers = pgTable('patient_answers', {
  answerKey: text('answer_key').primaryKey(),
  orgId: text('org_id').notNull(),
  appointmentId: text('appointment_id').notNull(),
  answer: text('answer').$type<'confirm' | 'cancel' | 'reschedule' | 'accept_offer'>().notNull(),
  outcome: text('outcome').notNull(),
  at: instant('at').notNull(),
});

/** A freed slot offered to waitlisted patients at once; the first to accept books it. */
export const waitlistOffers = pgTable('waitlist_offers', {
  id: text('id').primaryKey(),
  orgId: text('org_id').notNull(),
  /** The cancelled or moved appointment whose time is offered. */
  freedAppointmentId: text('freed_appointment_id').notNull(),
  waitlistEntryId: text('waitlist_entry_id').notNull(),
  patientId: text('patient_id').notNull(),
  slot: json<{ locationId: string; providerId: string; serviceId: string; resourceIds: string[]; startAt: number; endAt: number; bufferBeforeMin: number; bufferAfterMin: number }>('slot').notNull(),
  status: text('status').$type<'offered' | 'accepted' | 'gone' | 'expired'>().notNull().default('offered'),
  expiresAt: instant('expires_at').notNull(),
  bookedAppointmentId: text('booked_appointment_id'),
  createdAt: instant('created_at').notNull(),
}, (t) => [uniqueIndex('waitlist_offers_once').on(t.freedAppointmentId, t.waitlistEntryId)]);

/** The slot each upcoming active appointment held when the waitlist watcher last saw it
 *  (sync-server/waitlist/watch-freed-slots.ts): rows keep only their latest values, so a
 *  move is recognised by comparing with what was seen before. */
export const watchedSlots = pgTable('watched_slots', {
  appointmentId: text('appointment_id').primaryKey(),
  orgId: text('org_id').notNull(),
  slot: json<{ locationId: string; providerId: string; serviceId: string; patientId: string; resourceIds: string[]; startAt: number; endAt: number; bufferBeforeMin: number; bufferAfterMin: number }>('slot').notNull(),
});
