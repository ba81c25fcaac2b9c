import { describe, expect, it } from 'vitest';
import {
  checkKioskCheckInFrom,
  kioskCheckInOpensAt,
  kioskCheckInState,
  lookupCoolDownMs,
  normalizeConfirmationCode,
  normalizeLastName,
  parseDateOfBirth,
  pickKioskAppointment,
} from './kiosk';
import type { Appointment, AppointmentStatus, Policy } from './types';
import { resolveWallTime } from './wallclock';

const zone = 'America/Chicago';
const minute = 60_000;
const at = (time: string, date = '2026-03-09') => resolveWallTime(date, time, zone);
const policy: Policy = { cancellationNoticeHours: 24, noShowGraceMinutes: 15, noShowThreshold: 3, checkInEarlyMinutes: 30, lateArrivalMinutes: 10 };

function appointment(id: string, time: string, status: AppointmentStatus = 'booked'): Appointment {
  const startAt = at(time);
  return { id, locationId: 'L', providerId: 'p', serviceId: 's', patientId: 'pt', resourceIds: [], startAt, endAt: startAt + 30 * minute, status, bufferBeforeMin: 0, bufferAfterMin: 0, overbook: false };
}

describe('kioskCheckInState', () => {
  const visit = appointment('a', '10:00');

  it('opens checkInEarlyMinutes before the start and closes lateArrivalMinutes after it', () => {
    expect(kioskCheckInState(visit, at('09:29'), policy, zone)).toBe('too_early');
    expect(kioskCheckInState(visit, at('09:30'), policy, zone)).toBe('open');
    expect(kioskCheckInState(visit, at('10:10'), policy, zone)).toBe('open');
    expect(kioskCheckInState(visit, at('10:11'), policy, zone)).toBe('see_desk');
    expect(kioskCheckInOpensAt(visit, policy)).toBe(at('09:30'));
  });

  it('follows the policy it is given', () => {
    const lenient = { ...policy, lateArrivalMinutes: 45 };
    expect(kioskCheckInState(visit, at('10:40'), lenient, zone)).toBe('open');
    expect(kioskCheckInState(visit, at('10:40'), policy, zone)).toBe('see_desk');
  });

  it('sends cancelled, finished and no-show visits to the desk and knows a done check-in', () => {
    for (const status of ['cancelled', 'late_cancelled', 'no_show', 'in_progress', 'completed'] as const) {
      expect(kioskCheckInState({ ...visit, status }, at('10:00'), policy, zone)).toBe('see_desk');
    }
    expect(kioskCheckInState({ ...visit, status: 'checked_in' }, at('10:00'), policy, zone)).toBe('checked_in');
  });

  it('refuses another day even inside the minute window', () => {
    const lateEvening = appointment('b', '00:05');
    expect(kioskCheckInState(lateEvening, at('23:50', '2026-03-08'), { ...policy, checkInEarlyMinutes: 60 }, zone)).toBe('too_early');
  });
});

describe('pickKioskAppointment', () => {
  it('picks the first visit whose check-in is not over', () => {
    const morning = appointment('m', '09:00');
    const afternoon = appointment('n', '14:00');
    expect(pickKioskAppointment([afternoon, morning], at('08:45'), policy, zone)?.id).toBe('m');
    expect(pickKioskAppointment([afternoon, morning], at('11:00'), policy, zone)?.id).toBe('n');
  });

  it('skips cancelled visits and answers null when nothing is left', () => {
    expect(pickKioskAppointment([appointment('c', '09:00', 'cancelled')], at('09:00'), policy, zone)).toBeNull();
    expect(pickKioskAppointment([appointment('c', '09:00', 'cancelled'), appointment('d', '09:30')], at('09:00'), policy, zone)?.id).toBe('d');
  });

  it('falls back to the latest visit so a late patient hears "see the front desk"', () => {
    const only = appointment('late', '09:00');
    expect(pickKioskAppointment([only], at('12:00'), policy, zone)?.id).toBe('late');
  });
});

describe('matching what patients type', () => {
  it('ignores case, accents, spaces, hyphens and apostrophes in last names', () => {
    expect(normalizeLastName("O'Brien-García")).toBe(normalizeLastName('obrien garcia'));
    expect(normalizeLastName('  NGUYỄN ')).toBe('nguyen');
    expect(normalizeLastName('Smith')).not.toBe(normalizeLastName('Smyth'));
  });

  it('reads confirmation codes with any case and separators', () => {
    expect(normalizeConfirmationCode(' ab3-k9x ')).toBe('AB3K9X');
  });

  it('accepts only real YYYY-MM-DD dates of birth', () => {
    expect(parseDateOfBirth('1985-06-15')).toBe('1985-06-15');
    expect(parseDateOfBirth('1985-02-30')).toBeNull();
    expect(parseDateOfBirth('06/15/1985')).toBeNull();
    expect(parseDateOfBirth('1850-01-01')).toBeNull();
  });
});

describe('lookupCoolDownMs', () => {
  const limit = { maxMisses: 3, windowMs: 10 * minute, coolDownMs: 2 * minute };

  it('starts a cool-down at the limit and ends it after coolDownMs', () => {
    expect(lookupCoolDownMs([0, minute], minute, limit)).toBe(0);
    expect(lookupCoolDownMs([0, minute, 2 * minute], 2 * minute, limit)).toBe(2 * minute);
    expect(lookupCoolDownMs([0, minute, 2 * minute], 3 * minute, limit)).toBe(minute);
    expect(lookupCoolDownMs([0, minute, 2 * minute], 4 * minute, limit)).toBe(0);
  });

  it('forgets misses older than the window', () => {
    expect(lookupCoolDownMs([0, minute, 2 * minute], 2 * minute + 10 * minute, limit)).toBe(0);
    expect(lookupCoolDownMs([0, 11 * minute, 12 * minute], 12 * minute, limit)).toBe(0);
  });
});

describe('checkKioskCheckInFrom', () => {
  it('lets a kiosk check in only a visit that has not started or ended', () => {
    for (const status of ['booked', 'confirmed', 'checked_in'] as const) expect(checkKioskCheckInFrom(status).ok).toBe(true);
    for (const status of ['cancelled', 'late_cancelled', 'no_show', 'in_progress', 'completed'] as const) {
      expect(checkKioskCheckInFrom(status)).toMatchObject({ ok: false, message: expect.stringContaining('front desk') });
    }
    expect(checkKioskCheckInFrom(null).ok).toBe(false);
  });
});
