import { describe, expect, it } from 'vitest';
import { allowedTransitions, transitionAppointment, type TransitionRequest } from './status';
import type { Appointment, AppointmentStatus, Policy, Role } from './types';
import { resolveWallTime } from './wallclock';

const zone = 'America/New_York';
const minute = 60_000;
const hour = 60 * minute;
const start = resolveWallTime('2026-03-09', '10:00', zone);

const policy: Policy = {
  cancellationNoticeHours: 24,
  noShowGraceMinutes: 15,
  noShowThreshold: 3,
  checkInEarlyMinutes: 30,
  lateArrivalMinutes: 10,
};

function appointment(status: AppointmentStatus): Appointment {
  return {
    id: 'a1',
    locationId: 'L1',
    providerId: 'p1',
    serviceId: 's1',
    patientId: 'pt1',
    resourceIds: [],
    startAt: start,
    endAt: start + 30 * minute,
    status,
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    overbook: false,
  };
}

function request(from: AppointmentStatus, to: AppointmentStatus, role: Role, now = start): TransitionRequest {
  return { appointment: appointment(from), to, role, now, policy, timeZone: zone };
}

describe('transitionAppointment: the machine', () => {
  it.each<[AppointmentStatus, AppointmentStatus, Role]>([
    ['booked', 'confirmed', 'receptionist'],
    ['booked', 'checked_in', 'receptionist'],
    ['confirmed', 'checked_in', 'nurse'],
    ['checked_in', 'in_progress', 'provider'],
    ['in_progress', 'completed', 'provider'],
  ])('moves %s to %s for a %s', (from, to, role) => {
    expect(transitionAppointment(request(from, to, role))).toEqual({ ok: true, status: to, lateCancellation: false });
  });

  it.each<[AppointmentStatus, AppointmentStatus]>([
    ['completed', 'booked'],
    ['booked', 'in_progress'],
    ['booked', 'completed'],
    ['confirmed', 'confirmed'],
    ['cancelled', 'confirmed'],
    ['no_show', 'checked_in'],
    ['in_progress', 'cancelled'],
  ])('refuses %s -> %s as not allowed', (from, to) => {
    expect(transitionAppointment(request(from, to, 'admin'))).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('refuses to cancel a checked-in appointment, saying the patient has arrived', () => {
    const result = transitionAppointment(request('checked_in', 'cancelled', 'manager', start - 48 * hour));
    expect(result).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(result.ok ? '' : result.message).toContain('already arrived');
  });

  it('says a refused change in keyed sentences: where the appointment is, where it can\'t go, and why', () => {
    expect(transitionAppointment(request('checked_in', 'cancelled', 'manager', start - 48 * hour))).toEqual({
      ok: false,
      code: 'not_allowed',
      message: 'This appointment is checked in. It can\'t be cancelled. The patient has already arrived.',
      sentences: [{ key: 'refusal.statusIs.checked_in' }, { key: 'refusal.cannotBecome.cancelled' }, { key: 'refusal.patientArrived' }],
    });
    expect(transitionAppointment(request('completed', 'no_show', 'admin'))).toMatchObject({
      message: 'This appointment is completed. It can\'t be marked as a no-show.',
      sentences: [{ key: 'refusal.statusIs.completed' }, { key: 'refusal.cannotBecome.no_show' }],
    });
  });

  it('lets a visit start before its booked time once the patient is checked in', () => {
    expect(transitionAppointment(request('checked_in', 'in_progress', 'nurse', start - 20 * minute))).toMatchObject({ ok: true });
  });
});

describe('transitionAppointment: roles', () => {
  it.each<[AppointmentStatus, AppointmentStatus]>([
    ['booked', 'confirmed'],
    ['booked', 'cancelled'],
    ['confirmed', 'no_show'],
    ['checked_in', 'in_progress'],
  ])('forbids the kiosk to move %s to %s', (from, to) => {
    expect(transitionAppointment(request(from, to, 'kiosk', start + hour))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('lets the kiosk check in a booked or confirmed appointment', () => {
    expect(transitionAppointment(request('booked', 'checked_in', 'kiosk'))).toMatchObject({ ok: true, status: 'checked_in' });
    expect(transitionAppointment(request('confirmed', 'checked_in', 'kiosk'))).toMatchObject({ ok: true, status: 'checked_in' });
  });

  it('lets server jobs confirm, cancel and mark no-shows, and nothing else', () => {
    expect(transitionAppointment(request('booked', 'confirmed', 'system'))).toMatchObject({ ok: true });
    expect(transitionAppointment(request('booked', 'cancelled', 'system', start - 48 * hour))).toMatchObject({ ok: true, status: 'cancelled' });
    expect(transitionAppointment(request('confirmed', 'no_show', 'system', start + hour))).toMatchObject({ ok: true, status: 'no_show' });
    expect(transitionAppointment(request('booked', 'checked_in', 'system'))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(transitionAppointment(request('booked', 'late_cancelled', 'system'))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps starting and completing visits for clinical staff', () => {
    expect(transitionAppointment(request('checked_in', 'in_progress', 'receptionist'))).toMatchObject({
      ok: false,
      code: 'forbidden',
      message: 'The receptionist role can\'t start visits.',
      sentences: [{ key: 'refusal.roleMayNot.receptionist' }],
    });
    expect(transitionAppointment(request('in_progress', 'completed', 'receptionist'))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('lists the moves each role may offer in the UI', () => {
    expect(allowedTransitions('booked', 'kiosk')).toEqual(['checked_in']);
    expect(allowedTransitions('checked_in', 'kiosk')).toEqual([]);
    expect(allowedTransitions('booked', 'system')).toEqual(['confirmed', 'cancelled', 'no_show']);
    expect(allowedTransitions('confirmed', 'receptionist')).toEqual(['checked_in', 'cancelled', 'no_show']);
    expect(allowedTransitions('confirmed', 'manager')).toEqual(['checked_in', 'cancelled', 'late_cancelled', 'no_show']);
    expect(allowedTransitions('checked_in', 'manager')).toEqual(['in_progress']);
    expect(allowedTransitions('completed', 'admin')).toEqual([]);
  });
});

describe('transitionAppointment: check-in times', () => {
  it('opens the kiosk checkInEarlyMinutes before the start and closes it lateArrivalMinutes after', () => {
    const at = (offsetMin: number) => transitionAppointment(request('booked', 'checked_in', 'kiosk', start + offsetMin * minute));
    expect(at(-31)).toMatchObject({ ok: false, code: 'too_early' });
    expect(at(-30)).toMatchObject({ ok: true });
    expect(at(10)).toMatchObject({ ok: true });
    expect(at(11)).toMatchObject({ ok: false, code: 'too_late' });
  });

  it('tells the patient at the kiosk when check-in opens, in local time', () => {
    const result = transitionAppointment(request('booked', 'checked_in', 'kiosk', start - 2 * hour));
    expect(result.ok ? '' : result.message).toContain('09:30');
  });

  it('lets staff check a patient in any time on the day, but not the day before or after', () => {
    const morning = resolveWallTime('2026-03-09', '00:05', zone);
    const evening = resolveWallTime('2026-03-09', '23:55', zone);
    expect(transitionAppointment(request('booked', 'checked_in', 'receptionist', morning))).toMatchObject({ ok: true });
    expect(transitionAppointment(request('booked', 'checked_in', 'receptionist', evening))).toMatchObject({ ok: true });
    expect(transitionAppointment(request('booked', 'checked_in', 'receptionist', morning - 10 * minute))).toMatchObject({ ok: false, code: 'too_early' });
    expect(transitionAppointment(request('booked', 'checked_in', 'receptionist', evening + 10 * minute))).toMatchObject({ ok: false, code: 'too_late' });
  });

  it("judges the day in the location's zone, not in UTC", () => {
    // 21:00 in New York is already 01:00 the next day in London; 18:00 is still 22:00.
    const late = { ...appointment('booked'), startAt: resolveWallTime('2026-03-09', '21:00', zone) };
    const now = resolveWallTime('2026-03-09', '18:00', zone);
    expect(transitionAppointment({ appointment: late, to: 'checked_in', role: 'nurse', now, policy, timeZone: zone })).toMatchObject({ ok: true });
    expect(transitionAppointment({ appointment: late, to: 'checked_in', role: 'nurse', now, policy, timeZone: 'Europe/London' })).toMatchObject({
      ok: false,
      code: 'too_early',
    });
  });
});

describe('transitionAppointment: cancellations and no-shows', () => {
  it('turns a cancellation with less than the notice period into a late cancellation', () => {
    expect(transitionAppointment(request('booked', 'cancelled', 'receptionist', start - 24 * hour))).toEqual({ ok: true, status: 'cancelled', lateCancellation: false });
    expect(transitionAppointment(request('booked', 'cancelled', 'receptionist', start - 24 * hour + minute))).toEqual({
      ok: true,
      status: 'late_cancelled',
      lateCancellation: true,
    });
    expect(transitionAppointment(request('confirmed', 'cancelled', 'system', start + hour))).toMatchObject({ status: 'late_cancelled', lateCancellation: true });
  });

  it('lets a manager record a late cancellation whatever the notice', () => {
    expect(transitionAppointment(request('booked', 'late_cancelled', 'manager', start - 72 * hour))).toEqual({ ok: true, status: 'late_cancelled', lateCancellation: true });
    expect(transitionAppointment(request('booked', 'late_cancelled', 'receptionist'))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('marks a no-show only once the grace period after the start has passed', () => {
    expect(transitionAppointment(request('booked', 'no_show', 'receptionist', start + 14 * minute))).toMatchObject({ ok: false, code: 'too_early' });
    expect(transitionAppointment(request('booked', 'no_show', 'receptionist', start + 15 * minute))).toMatchObject({ ok: true, status: 'no_show' });
  });

  it('explains a refusal in words, naming the time it becomes possible', () => {
    const result = transitionAppointment(request('booked', 'no_show', 'receptionist', start));
    expect(result.ok ? '' : result.message).toMatch(/10:15/);
  });
});
