// The appointment status machine: which status may follow which, who may move it, and when.
//
//   booked -> confirmed -> checked_in -> in_progress -> completed
//   booked | confirmed -> cancelled | late_cancelled | no_show
//
// checked_in -> cancelled is deliberately absent: a checked-in patient has arrived, and
// cancelling would erase that arrival from the no-show / late-cancellation history the
// booking desk relies on. A patient who leaves unseen needs a manager's correction.
import { inEnglish, say, type Sentence } from './refusals';
import type { Appointment, AppointmentStatus, Instant, Policy, Role } from './types';
import { readWallClock } from './wallclock';

export type TransitionRefusal = 'not_allowed' | 'forbidden' | 'too_early' | 'too_late';

export type TransitionResult =
  | { ok: true; status: AppointmentStatus; lateCancellation: boolean }
  /** `message` is the English for logs; `sentences` what the desk says in its language (a role refusal's are shorter). */
  | { ok: false; code: TransitionRefusal; message: string; sentences: Sentence[] };

export interface TransitionRequest {
  appointment: Appointment;
  to: AppointmentStatus;
  role: Role;
  now: Instant;
  policy: Policy;
  /** The location's IANA zone: check-in is allowed on the appointment's local calendar day. */
  timeZone: string;
}

interface Transition {
  from: readonly AppointmentStatus[];
  to: AppointmentStatus;
  roles: readonly Role[];
}

const staff: readonly Role[] = ['receptionist', 'nurse', 'provider', 'manager', 'admin'];
const clinical: readonly Role[] = ['nurse', 'provider', 'manager', 'admin'];
const notStarted: readonly AppointmentStatus[] = ['booked', 'confirmed'];

const transitions: readonly Transition[] = [
  // system: the reminder job records confirmations patients send back.
  { from: ['booked'], to: 'confirmed', roles: [...staff, 'system'] },
  // kiosk: the only thing a patient-facing device may do.
  { from: notStarted, to: 'checked_in', roles: [...staff, 'kiosk'] },
  // Rooming and finishing a visit are clinical steps, not the front desk's.
  { from: ['checked_in'], to: 'in_progress', roles: clinical },
  { from: ['in_progress'], to: 'completed', roles: clinical },
  // A request for 'cancelled' may come out late_cancelled (see below). Asking for
  // late_cancelled outright, whatever the notice, is a manager's judgement (e.g. a late
  // call entered after the fact).
  { from: notStarted, to: 'cancelled', roles: [...staff, 'system'] },
  { from: notStarted, to: 'late_cancelled', roles: ['manager', 'admin'] },
  { from: notStarted, to: 'no_show', roles: [...staff, 'system'] },
];

const actions: Record<AppointmentStatus, string> = {
  booked: 'book appointments',
  confirmed: 'confirm appointments',
  checked_in: 'check patients in',
  in_progress: 'start visits',
  completed: 'complete visits',
  cancelled: 'cancel appointments',
  late_cancelled: 'record late cancellations',
  no_show: 'mark no-shows',
};

const minute = 60_000;
const hour = 60 * minute;

function findTransition(from: AppointmentStatus, to: AppointmentStatus): Transition | undefined {
  return transitions.find((t) => t.to === to && t.from.includes(from));
}

/** Statuses `role` may move an appointment to from `status`, before any time rule. */
export function allowedTransitions(status: AppointmentStatus, role: Role): AppointmentStatus[] {
  return transitions.filter((t) => t.from.includes(status) && t.roles.includes(role)).map((t) => t.to);
}

/** A refusal the desk can translate (db/rules/refusals.ts). */
function refuseWith(code: TransitionRefusal, ...sentences: Sentence[]): TransitionResult {
  return { ok: false, code, message: inEnglish(sentences), sentences };
}

function accept(status: AppointmentStatus, lateCancellation = false): TransitionResult {
  return { ok: true, status, lateCancellation };
}

function checkIn({ appointment, role, now, policy, timeZone }: TransitionRequest): TransitionResult {
  const start = readWallClock(appointment.startAt, timeZone);
  const today = readWallClock(now, timeZone).date;
  if (today < start.date) return refuseWith('too_early', say('refusal.checkInBeforeDay', { date: start.date }));
  if (today > start.date) return refuseWith('too_late', say('refusal.checkInAfterDay', { date: start.date }));
  // Staff may check in anyone on the day; the kiosk keeps to the window so that very late
  // arrivals are seen at the desk.
  if (role !== 'kiosk') return accept('checked_in');
  const opens = appointment.startAt - policy.checkInEarlyMinutes * minute;
  const closes = appointment.startAt + policy.lateArrivalMinutes * minute;
  if (now < opens) {
    return refuseWith('too_early', say('refusal.kioskCheckInOpens', { time: readWallClock(opens, timeZone).time, minutes: policy.checkInEarlyMinutes, start: start.time }));
  }
  if (now > closes) {
    return refuseWith('too_late', say('refusal.kioskCheckInClosed', { time: readWallClock(closes, timeZone).time }));
  }
  return accept('checked_in');
}

function cancel({ appointment, now, policy }: TransitionRequest): TransitionResult {
  const isLate = appointment.startAt - now < policy.cancellationNoticeHours * hour;
  return isLate ? accept('late_cancelled', true) : accept('cancelled');
}

function markNoShow({ appointment, now, policy, timeZone }: TransitionRequest): TransitionResult {
  const allowedFrom = appointment.startAt + policy.noShowGraceMinutes * minute;
  if (now < allowedFrom) {
    return refuseWith('too_early', say('refusal.noShowFrom', { time: readWallClock(allowedFrom, timeZone).time, minutes: policy.noShowGraceMinutes }));
  }
  return accept('no_show');
}

/**
 * Applies one status change, or says why not in words a receptionist can act on.
 * Time rules: check-in only on the appointment's local day (the kiosk also within
 * [start - checkInEarlyMinutes, start + lateArrivalMinutes]); a cancellation with less than
 * cancellationNoticeHours notice becomes late_cancelled; a no-show from start +
 * noShowGraceMinutes on. Starting and completing a visit have no clock rule: a visit may
 * start early once the patient is checked in.
 */
export function transitionAppointment(request: TransitionRequest): TransitionResult {
  const { appointment, to, role } = request;
  const from = appointment.status;
  const transition = findTransition(from, to);
  if (!transition) {
    const reason = from === 'checked_in' && to === 'cancelled' ? [say('refusal.patientArrived')] : [];
    return refuseWith('not_allowed', say(`refusal.statusIs.${from}`), say(`refusal.cannotBecome.${to}`), ...reason);
  }
  if (!transition.roles.includes(role)) {
    return { ok: false, code: 'forbidden', message: `The ${role} role can't ${actions[to]}.`, sentences: [say(`refusal.roleMayNot.${role}`)] };
  }
  switch (to) {
    case 'checked_in':
      return checkIn(request);
    case 'cancelled':
      return cancel(request);
    case 'late_cancelled':
      return accept('late_cancelled', true);
    case 'no_show':
      return markNoShow(request);
    default:
      return accept(to);
  }
}
