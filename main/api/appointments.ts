// Booking, moving, cancelling and walking an appointment through its statuses. Each write
// is checked locally with the same rules the server applies (overlap claims, status machine,
// permissions), so the desk hears "no" at once instead of from a later sync rejection.
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { assignResources, checkProviderForService, checkReschedule } from '../../db/rules/booking';
import { findCollisions, type Collision } from '../../db/rules/overlap';
import { checkWrite } from '../../db/rules/permissions';
import { summarizeAttendance } from '../../db/rules/patient-flags';
import { englishOf, say } from '../../db/rules/refusals';
import { allowedTransitions, transitionAppointment } from '../../db/rules/status';
import { appointmentStatuses, type Appointment, type AppointmentStatus } from '../../db/rules/types';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { newConfirmationCode } from './confirmation-code';
import {
  describeTime,
  loadNeighbours,
  loadPolicy,
  requireAppointment,
  requireLocation,
  requirePatient,
  requireProvider,
  requireService,
  toAppointmentView,
  toRuleAppointment,
  toRuleService,
  type LocationRow,
  type ServiceRow,
} from './lookups';
import { ApiError, defineOperations, ensureMayWrite, refuse, staffOperation, staffRoles, type StaffCall, type StaffRole } from './operation';
import { entityId } from './schedule';

/** Staff roles the status machine lets move some appointment to `to` (db/rules/status.ts decides). */
export function rolesMovingTo(to: AppointmentStatus): StaffRole[] {
  return staffRoles.filter((role) => appointmentStatuses.some((from) => allowedTransitions(from, role).includes(to)));
}

const staff = staffRoles;

export interface CollisionDetail {
  appointmentId: string;
  on: Collision['on'];
  key: string;
  startAt: number;
  endAt: number;
  confirmationCode: string | null;
  providerName: string | null;
  patientName: string | null;
  serviceName: string | null;
  resourceName: string | null;
}

function describeCollisions(store: LocalStore, collisions: Collision[]): CollisionDetail[] {
  const ids = [...new Set(collisions.map((c) => c.appointment.id))];
  const a = schema.appointments;
  const rows = store.db.select({
    id: a.id, code: a.confirmationCode,
    provider: schema.providers.name, first: schema.patients.firstName, last: schema.patients.lastName, service: schema.services.name,
  }).from(a)
    .leftJoin(schema.providers, eq(schema.providers.id, a.providerId))
    .leftJoin(schema.patients, eq(schema.patients.id, a.patientId))
    .leftJoin(schema.services, eq(schema.services.id, a.serviceId))
    .where(inArray(a.id, ids)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const resourceKeys = collisions.filter((c) => c.on === 'resource').map((c) => c.key);
  const resourceNames = new Map(resourceKeys.length === 0 ? [] : store.db.select({ id: schema.resources.id, name: schema.resources.name })
    .from(schema.resources).where(inArray(schema.resources.id, resourceKeys)).all().map((r) => [r.id, r.name]));
  return collisions.map((c) => {
    const row = byId.get(c.appointment.id);
    return {
      appointmentId: c.appointment.id,
      on: c.on,
      key: c.key,
      startAt: c.appointment.startAt,
      endAt: c.appointment.endAt,
      confirmationCode: row?.code ?? null,
      providerName: row?.provider ?? null,
      patientName: row?.last ? `${row.last}, ${row.first ?? ''}`.trim() : null,
      serviceName: row?.service ?? null,
      resourceName: c.on === 'resource' ? (resourceNames.get(c.key) ?? null) : null,
    };
  });
}

function collisionError(store: LocalStore, collisions: Collision[], timeZone: string, mayOverbook: boolean): ApiError {
  const details = describeCollisions(store, collisions);
  const sentences = details.slice(0, 3).map((d) => {
    // The joins find every name of a live appointment; a dash stands in should one be gone.
    const values = {
      when: `${describeTime(d.startAt, timeZone)}-${describeTime(d.endAt, timeZone).slice(11)}`,
      service: d.serviceName ?? '-', patient: d.patientName ?? '-', provider: d.providerName ?? '-', code: d.confirmationCode ?? '-',
    };
    if (d.on === 'provider') return say('refusal.collision.provider', values);
    if (d.on === 'resource') return say('refusal.collision.resource', { ...values, resource: d.resourceName ?? '-' });
    return say('refusal.collision.patient', values);
  });
  const more = details.length > 3 ? [say('refusal.collision.more', { count: details.length - 3 })] : [];
  const next = say(mayOverbook ? 'refusal.collision.mayOverbook' : 'refusal.collision.managerOverbooks');
  return refuse('collision', [say('refusal.slotTaken'), ...sentences, ...more, next], { collisions: details });
}

/** The rooms and equipment the service needs at this location: the caller's choice, checked, or the first free ones. */
function chooseResources(
  store: LocalStore,
  service: ServiceRow,
  location: LocationRow,
  proposed: Appointment,
  neighbours: Appointment[],
  requested: string[] | undefined,
  preferred: string[],
): string[] {
  const here = new Set(store.db.select({ id: schema.resources.id }).from(schema.resources)
    .where(and(eq(schema.resources.locationId, location.id), eq(schema.resources.deleted, false))).all().map((r) => r.id));
  if (requested) {
    const elsewhere = requested.filter((id) => !here.has(id));
    if (elsewhere.length > 0) throw refuse('invalid_input', say('refusal.resourcesElsewhere', { location: location.name }), { resourceIds: elsewhere });
    return [...new Set(requested)];
  }
  const sets = service.requiredResources.map((set) => set.filter((id) => here.has(id)));
  const assignment = assignResources(sets, proposed, neighbours, preferred);
  if (!assignment) throw refuse('not_allowed', say('refusal.resourcesMissing', { location: location.name, service: service.name }));
  return assignment.resourceIds;
}

interface Placement {
  call: StaffCall;
  proposed: Appointment;
  service: ServiceRow;
  requestedResources: string[] | undefined;
  preferredResources: string[];
  overbook: boolean;
}

/**
 * Where book and move meet: the provider may deliver the service there, resources are
 * chosen, and the overlap rules find every clash. Returns the appointment to write and
 * whether it is a deliberate double booking.
 */
function place({ call, proposed, service, requestedResources, preferredResources, overbook }: Placement): { appointment: Appointment; isOverbook: boolean } {
  const { store, session } = call;
  // The permission matrix decides who may overbook; asking is refused before anything is read.
  if (overbook) ensureMayWrite(session.role, { table: 'appointments', rowId: proposed.id, values: { overbook: true }, action: 'appointment.overbook', isNew: false });
  const location = requireLocation(store, proposed.locationId);
  const provider = requireProvider(store, proposed.providerId);
  requirePatient(store, proposed.patientId);
  const fit = checkProviderForService(toRuleService(service), provider, location);
  if (!fit.ok) throw refuse('not_allowed', fit.sentence);
  const neighbours = loadNeighbours(store, {
    start: proposed.startAt, end: proposed.endAt, providerIds: [proposed.providerId], patientId: proposed.patientId, locationId: location.id,
  });
  const appointment = { ...proposed, resourceIds: chooseResources(store, service, location, proposed, neighbours, requestedResources, preferredResources) };
  const collisions = findCollisions(appointment, neighbours);
  if (collisions.length > 0 && !overbook) {
    throw collisionError(store, collisions, location.timeZone, mayOverbook(session.role));
  }
  // The flag records a deliberate double booking; with nothing to clash with it would only mislead.
  return { appointment: { ...appointment, overbook: collisions.length > 0 }, isOverbook: collisions.length > 0 };
}

function mayOverbook(role: StaffRole): boolean {
  return checkWrite({ role, table: 'appointments', values: { overbook: true }, isNew: false }).ok;
}

function attendanceOf(store: LocalStore, patientId: string, locationId: string) {
  const history = store.db.select({ status: schema.appointments.status }).from(schema.appointments)
    .where(and(eq(schema.appointments.patientId, patientId), eq(schema.appointments.deleted, false))).all();
  return summarizeAttendance(history, loadPolicy(store, locationId));
}

const appointmentRef = z.object({ appointmentId: entityId });

/** One status step: the status machine decides, with the caller's role and the location's clock and policy. */
function transitionTo(to: AppointmentStatus, action: string, description: string) {
  return staffOperation({
    description,
    roles: rolesMovingTo(to),
    input: appointmentRef,
    handler: (call, { appointmentId }) => {
      const row = requireAppointment(call.store, appointmentId);
      const location = requireLocation(call.store, row.locationId);
      const result = transitionAppointment({
        appointment: toRuleAppointment(row), to, role: call.session.role, now: call.now, policy: loadPolicy(call.store, row.locationId), timeZone: location.timeZone,
      });
      if (!result.ok) throw new ApiError(result.code, result.message, undefined, result.sentences);
      call.write({ table: 'appointments', rowId: row.id, isNew: false, action, values: { status: result.status } });
      return { appointment: toAppointmentView(requireAppointment(call.store, row.id)) };
    },
  });
}

const startAt = z.int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1));

export const appointmentOperations = defineOperations('appointments', {
  get: staffOperation({
    description: 'see appointments',
    roles: staff,
    input: appointmentRef,
    handler: ({ store, session }, { appointmentId }) => {
      const row = requireAppointment(store, appointmentId);
      return {
        appointment: toAppointmentView(row),
        // What this person may do next, so the UI shows only those actions.
        nextStatuses: allowedTransitions(row.status, session.role),
        canReschedule: checkReschedule(row.status).ok,
      };
    },
  }),

  book: staffOperation({
    description: 'book appointments',
    roles: staff,
    input: z.object({
      locationId: entityId,
      providerId: entityId,
      serviceId: entityId,
      patientId: entityId,
      startAt,
      /** Default: the first free rooms and equipment the service needs. */
      resourceIds: z.array(entityId).max(10).optional(),
      notes: z.string().trim().max(4_000).optional(),
      sourceChannel: z.enum(['desk', 'phone']).default('desk'),
      /** Managers only: book even though the time clashes with the listed appointments. */
      overbook: z.boolean().default(false),
    }),
    handler: (call, input) => {
      const service = requireService(call.store, input.serviceId);
      const proposed: Appointment = {
        id: uuidv7(),
        locationId: input.locationId,
        providerId: input.providerId,
        serviceId: service.id,
        patientId: input.patientId,
        resourceIds: [],
        startAt: input.startAt,
        endAt: input.startAt + service.durationMin * 60_000,
        status: 'booked',
        // Copied, so later edits of the service never move this appointment's claims.
        bufferBeforeMin: service.bufferBeforeMin,
        bufferAfterMin: service.bufferAfterMin,
        overbook: false,
      };
      const { appointment, isOverbook } = place({ call, proposed, service, requestedResources: input.resourceIds, preferredResources: [], overbook: input.overbook });
      call.write({
        table: 'appointments',
        rowId: appointment.id,
        isNew: true,
        action: isOverbook ? 'appointment.overbook' : 'appointment.book',
        values: {
          location_id: appointment.locationId,
          provider_id: appointment.providerId,
          service_id: appointment.serviceId,
          patient_id: appointment.patientId,
          resource_ids: appointment.resourceIds,
          start_at: appointment.startAt,
          end_at: appointment.endAt,
          buffer_before_min: appointment.bufferBeforeMin,
          buffer_after_min: appointment.bufferAfterMin,
          status: 'booked',
          notes: input.notes || null,
          source_channel: input.sourceChannel,
          overbook: appointment.overbook,
          confirmation_code: newConfirmationCode(call.store),
          late_cancel_fee: false,
          booked_at: call.now,
        },
      });
      return {
        appointment: toAppointmentView(requireAppointment(call.store, appointment.id)),
        attendance: attendanceOf(call.store, appointment.patientId, appointment.locationId),
      };
    },
  }),

  move: staffOperation({
    description: 'reschedule appointments',
    roles: staff,
    input: z.object({
      appointmentId: entityId,
      startAt,
      providerId: entityId.optional(),
      locationId: entityId.optional(),
      resourceIds: z.array(entityId).max(10).optional(),
      overbook: z.boolean().default(false),
    }),
    handler: (call, input) => {
      const row = requireAppointment(call.store, input.appointmentId);
      const movable = checkReschedule(row.status);
      if (!movable.ok) throw refuse('not_allowed', movable.sentence);
      const service = requireService(call.store, row.serviceId);
      const locationId = input.locationId ?? row.locationId;
      const proposed: Appointment = {
        ...toRuleAppointment(row),
        locationId,
        providerId: input.providerId ?? row.providerId,
        startAt: input.startAt,
        // The booked length, not the service's current one: the visit was agreed at that length.
        endAt: input.startAt + (row.endAt - row.startAt),
      };
      const preferred = locationId === row.locationId ? row.resourceIds : [];
      const { appointment, isOverbook } = place({ call, proposed, service, requestedResources: input.resourceIds, preferredResources: preferred, overbook: input.overbook });
      call.write({
        table: 'appointments',
        rowId: row.id,
        isNew: false,
        action: isOverbook ? 'appointment.overbook' : 'appointment.reschedule',
        values: {
          location_id: appointment.locationId,
          provider_id: appointment.providerId,
          resource_ids: appointment.resourceIds,
          start_at: appointment.startAt,
          end_at: appointment.endAt,
          overbook: appointment.overbook,
        },
      });
      return { appointment: toAppointmentView(requireAppointment(call.store, row.id)) };
    },
  }),

  cancel: staffOperation({
    description: 'cancel appointments',
    roles: rolesMovingTo('cancelled'),
    input: appointmentRef.extend({ reason: z.string().trim().min(1, englishOf('refusal.cancelReasonMissing')).max(500) }),
    handler: (call, { appointmentId, reason }) => {
      const row = requireAppointment(call.store, appointmentId);
      const location = requireLocation(call.store, row.locationId);
      const policy = loadPolicy(call.store, row.locationId);
      // Asked as 'cancelled'; inside the notice period the status machine makes it late_cancelled.
      const result = transitionAppointment({
        appointment: toRuleAppointment(row), to: 'cancelled', role: call.session.role, now: call.now, policy, timeZone: location.timeZone,
      });
      if (!result.ok) throw new ApiError(result.code, result.message, undefined, result.sentences);
      const lateCancelFee = result.lateCancellation && policy.lateCancelFeeCents > 0;
      call.write({
        table: 'appointments',
        rowId: row.id,
        isNew: false,
        action: result.lateCancellation ? 'appointment.late_cancel' : 'appointment.cancel',
        values: { status: result.status, cancel_reason: reason, late_cancel_fee: lateCancelFee },
      });
      return {
        appointment: toAppointmentView(requireAppointment(call.store, row.id)),
        isLateCancellation: result.lateCancellation,
        noticeHours: policy.cancellationNoticeHours,
        lateCancelFeeCents: lateCancelFee ? policy.lateCancelFeeCents : 0,
      };
    },
  }),

  confirm: transitionTo('confirmed', 'appointment.confirm', 'confirm appointments'),
  checkIn: transitionTo('checked_in', 'appointment.check_in', 'check patients in'),
  start: transitionTo('in_progress', 'appointment.start', 'start visits'),
  complete: transitionTo('completed', 'appointment.complete', 'complete visits'),
  noShow: transitionTo('no_show', 'appointment.no_show', 'mark no-shows'),

  setNotes: staffOperation({
    description: 'edit appointment notes',
    roles: staff,
    input: appointmentRef.extend({ notes: z.string().trim().max(4_000) }),
    handler: (call, { appointmentId, notes }) => {
      const row = requireAppointment(call.store, appointmentId);
      call.write({ table: 'appointments', rowId: row.id, isNew: false, action: 'appointment.notes', values: { notes: notes || null } });
      return { appointment: toAppointmentView(requireAppointment(call.store, row.id)) };
    },
  }),
});
