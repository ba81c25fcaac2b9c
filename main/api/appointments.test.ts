import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, resolveWallTime } from '../../db/rules/wallclock';
import { readChain } from '../store/testing/audit';
import { CONFIRMATION_CODE_ALPHABET } from './confirmation-code';
import type { CollisionDetail } from './appointments';
import { ANCHOR_DATE, countRows, Fixtures, hour, minute, NOON, openTestDesk, ZONE, type TestDesk } from './testing/desk';

let desk: TestDesk;
let fixtures: Fixtures;
let receptionist: string;

beforeEach(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  receptionist = await desk.signIn('receptionist');
});
afterEach(() => desk.cleanup());

interface DemoAppointment {
  id: string;
  provider_id: string;
  service_id: string;
  patient_id: string;
  start_at: number;
  end_at: number;
  confirmation_code: string;
}

/** An active demo booking at Manhattan after "now". */
function demoBooking(): DemoAppointment {
  return desk.store.sqlite.prepare(`select id, provider_id, service_id, patient_id, start_at, end_at, confirmation_code from appointments
    where location_id = ? and status = 'booked' and start_at > ? order by start_at limit 1`).get(desk.locationId, NOON + 24 * hour) as DemoAppointment;
}

function lastAudit() {
  return readChain(desk.store).at(-1)!;
}

describe('booking', () => {
  it('books a free slot from the availability rules with the rooms the service needs', async () => {
    const service = desk.store.sqlite.prepare(`select id, required_resources from services where name = 'Follow-up visit'`).get() as { id: string; required_resources: string };
    const found = await desk.router.invoke('schedule.firstAvailable', { serviceId: service.id, locationId: desk.locationId, from: ANCHOR_DATE }, receptionist);
    if (!found.ok || !found.value.slot) throw new Error(JSON.stringify(found));
    const slot = found.value.slot;
    const patientId = fixtures.patient();

    const booked = await desk.router.invoke('appointments.book', {
      locationId: desk.locationId, providerId: slot.providerId, serviceId: service.id, patientId, startAt: slot.startAt,
    }, receptionist);

    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const { appointment } = booked.value;
    expect(appointment).toMatchObject({ status: 'booked', startAt: slot.startAt, endAt: slot.endAt, overbook: false, sourceChannel: 'desk', bookedAt: NOON });
    expect(appointment.resourceIds).toHaveLength((JSON.parse(service.required_resources) as unknown[]).length);
    expect(appointment.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(appointment.confirmationCode).toMatch(new RegExp(`^[${CONFIRMATION_CODE_ALPHABET}]{6}$`));
    expect(lastAudit()).toMatchObject({ action: 'appointment.book', staffUserId: desk.staffId('receptionist'), entityId: appointment.id });
    expect(desk.writes.at(-1)).toEqual(['appointments']);

    // The slot is gone for that provider.
    const again = await desk.router.invoke('schedule.openSlots', { serviceId: service.id, locationId: desk.locationId, from: ANCHOR_DATE, to: ANCHOR_DATE, providerIds: [slot.providerId] }, receptionist);
    expect(again.ok && again.value.slots.some((s) => s.startAt === slot.startAt)).toBe(false);
  });

  it('refuses a time that collides with an active appointment, naming it, and writes nothing', async () => {
    const taken = demoBooking();
    const patientId = fixtures.patient();
    const outbox = countRows(desk.store, 'outbox');
    const writesBefore = desk.writes.length;
    const result = await desk.router.invoke('appointments.book', {
      locationId: desk.locationId, providerId: taken.provider_id, serviceId: taken.service_id, patientId, startAt: taken.start_at,
    }, receptionist);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('collision');
    const { collisions } = result.error.details as { collisions: CollisionDetail[] };
    expect(collisions).toContainEqual(expect.objectContaining({ appointmentId: taken.id, on: 'provider', key: taken.provider_id, startAt: taken.start_at, confirmationCode: taken.confirmation_code }));
    const providerName = (desk.store.sqlite.prepare('select name from providers where id = ?').get(taken.provider_id) as { name: string }).name;
    expect(result.error.message).toContain(providerName);
    expect(result.error.message).toContain(taken.confirmation_code);
    expect(result.error.message).toMatch(/only a manager can overbook/);
    expect(result.error.sentences).toEqual([
      { key: 'refusal.slotTaken' },
      { key: 'refusal.collision.provider', values: expect.objectContaining({ provider: providerName, code: taken.confirmation_code }) },
      { key: 'refusal.collision.managerOverbooks' },
    ]);
    expect(countRows(desk.store, 'outbox')).toBe(outbox);
    expect(desk.writes).toHaveLength(writesBefore);
  });

  it('refuses the same patient twice at once, even with another provider', async () => {
    const taken = demoBooking();
    const other = fixtures.provider();
    const result = await desk.router.invoke('appointments.book', {
      locationId: desk.locationId, providerId: other, serviceId: fixtures.service(), patientId: taken.patient_id, startAt: taken.start_at,
    }, receptionist);
    expect(result).toMatchObject({ ok: false, error: { code: 'collision', details: { collisions: [{ appointmentId: taken.id, on: 'patient' }] } } });
  });

  it('lets a manager overbook, flagged and audited as such; a receptionist may not', async () => {
    const taken = demoBooking();
    const request = { locationId: desk.locationId, providerId: taken.provider_id, serviceId: taken.service_id, patientId: fixtures.patient(), startAt: taken.start_at, overbook: true };

    const refused = await desk.router.invoke('appointments.book', request, receptionist);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only a manager can overbook a slot that is already taken.', sentences: [{ key: 'refusal.onlyManagerOverbooks' }] } });

    const manager = await desk.signIn('manager');
    const booked = await desk.router.invoke('appointments.book', request, manager);
    expect(booked).toMatchObject({ ok: true, value: { appointment: { overbook: true, startAt: taken.start_at } } });
    expect(lastAudit()).toMatchObject({ action: 'appointment.overbook', staffUserId: desk.staffId('manager') });
  });

  it('does not flag a manager\'s overbook request when nothing clashes', async () => {
    const manager = await desk.signIn('manager');
    const result = await desk.router.invoke('appointments.book', {
      locationId: desk.locationId, providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(),
      startAt: resolveWallTime(addDays(ANCHOR_DATE, 200), '10:00', ZONE), overbook: true,
    }, manager);
    expect(result).toMatchObject({ ok: true, value: { appointment: { overbook: false } } });
    expect(lastAudit().action).toBe('appointment.book');
  });

  it('refuses a provider who does not offer the service', async () => {
    const pediatrics = desk.store.sqlite.prepare(`select id from services where name = 'Well-child visit'`).get() as { id: string };
    const outsider = fixtures.provider('Dr. Not Pediatric');
    const result = await desk.router.invoke('appointments.book', {
      locationId: desk.locationId, providerId: outsider, serviceId: pediatrics.id, patientId: fixtures.patient(), startAt: NOON + 48 * hour,
    }, receptionist);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Dr. Not Pediatric does not offer Well-child visit.' } });
  });

  it('names missing references as not_found and malformed input as invalid_input', async () => {
    const base = { locationId: desk.locationId, providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: 'no-such-patient', startAt: NOON + 48 * hour };
    expect(await desk.router.invoke('appointments.book', base, receptionist)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That patient does not exist on this device.', details: { patientId: 'no-such-patient' }, sentences: [{ key: 'refusal.notFound.patient' }] },
    });
    expect(await desk.router.invoke('appointments.book', { ...base, startAt: 'tomorrow' }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'startAt' }] } } });
  });
});

describe('rescheduling', () => {
  it('moves an appointment to a free time, keeping its length', async () => {
    const provider = fixtures.provider();
    const startAt = resolveWallTime(addDays(ANCHOR_DATE, 150), '09:00', ZONE);
    const id = fixtures.appointment({ providerId: provider, serviceId: fixtures.service(45), patientId: fixtures.patient(), startAt, durationMin: 45 });
    const result = await desk.router.invoke('appointments.move', { appointmentId: id, startAt: startAt + 2 * hour }, receptionist);
    expect(result).toMatchObject({ ok: true, value: { appointment: { startAt: startAt + 2 * hour, endAt: startAt + 2 * hour + 45 * minute } } });
    expect(lastAudit()).toMatchObject({ action: 'appointment.reschedule', entityId: id });
  });

  it('refuses a move onto another booking of the provider, naming it', async () => {
    const provider = fixtures.provider();
    const service = fixtures.service();
    const startAt = resolveWallTime(addDays(ANCHOR_DATE, 150), '09:00', ZONE);
    const blocker = fixtures.appointment({ providerId: provider, serviceId: service, patientId: fixtures.patient(), startAt });
    const moving = fixtures.appointment({ providerId: provider, serviceId: service, patientId: fixtures.patient(), startAt: startAt + 3 * hour });
    const result = await desk.router.invoke('appointments.move', { appointmentId: moving, startAt: startAt + 15 * minute }, receptionist);
    expect(result).toMatchObject({ ok: false, error: { code: 'collision', details: { collisions: [{ appointmentId: blocker, on: 'provider' }] } } });
  });

  it('will not move a patient who has checked in', async () => {
    const id = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + hour, status: 'checked_in' });
    const result = await desk.router.invoke('appointments.move', { appointmentId: id, startAt: NOON + 3 * hour }, receptionist);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringMatching(/already here/) } });
  });
});

describe('cancelling', () => {
  const book = (startAt: number) => fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt });

  it('inside the notice period becomes a late cancellation, with the policy fee', async () => {
    const id = book(NOON + 3 * hour);
    const result = await desk.router.invoke('appointments.cancel', { appointmentId: id, reason: 'Car trouble' }, receptionist);
    expect(result).toMatchObject({
      ok: true,
      value: { appointment: { status: 'late_cancelled', cancelReason: 'Car trouble', lateCancelFee: true }, isLateCancellation: true, noticeHours: 24, lateCancelFeeCents: 2500 },
    });
    expect(lastAudit()).toMatchObject({ action: 'appointment.late_cancel', entityId: id });
  });

  it('with enough notice is a plain cancellation', async () => {
    const id = book(NOON + 25 * hour);
    const result = await desk.router.invoke('appointments.cancel', { appointmentId: id, reason: 'Feeling better' }, receptionist);
    expect(result).toMatchObject({ ok: true, value: { appointment: { status: 'cancelled', lateCancelFee: false }, isLateCancellation: false, lateCancelFeeCents: 0 } });
    expect(lastAudit().action).toBe('appointment.cancel');
  });

  it('needs a reason', async () => {
    const result = await desk.router.invoke('appointments.cancel', { appointmentId: book(NOON + 48 * hour), reason: '  ' }, receptionist);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'reason', message: 'Say why the appointment is cancelled.' }] } } });
  });

  it('frees the time for a new booking', async () => {
    const provider = fixtures.provider();
    const service = fixtures.service();
    const startAt = NOON + 72 * hour;
    const id = fixtures.appointment({ providerId: provider, serviceId: service, patientId: fixtures.patient(), startAt });
    await desk.router.invoke('appointments.cancel', { appointmentId: id, reason: 'Moved away' }, receptionist);
    const result = await desk.router.invoke('appointments.book', { locationId: desk.locationId, providerId: provider, serviceId: service, patientId: fixtures.patient(), startAt }, receptionist);
    expect(result.ok).toBe(true);
  });
});

describe('the visit', () => {
  it('goes from check-in to start to completion with the roles the status machine names', async () => {
    const id = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + 30 * minute });
    const nurse = await desk.signIn('nurse');

    expect(await desk.router.invoke('appointments.checkIn', { appointmentId: id }, receptionist)).toMatchObject({ ok: true, value: { appointment: { status: 'checked_in' } } });
    expect(lastAudit()).toMatchObject({ action: 'appointment.check_in', staffUserId: desk.staffId('receptionist') });
    expect(await desk.router.invoke('appointments.start', { appointmentId: id }, receptionist)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'The receptionist role can\'t start visits.', sentences: [{ key: 'refusal.roleMayNot.receptionist' }] },
    });
    expect(await desk.router.invoke('appointments.start', { appointmentId: id }, nurse)).toMatchObject({ ok: true, value: { appointment: { status: 'in_progress' } } });
    expect(await desk.router.invoke('appointments.complete', { appointmentId: id }, nurse)).toMatchObject({ ok: true, value: { appointment: { status: 'completed' } } });
    expect(readChain(desk.store).slice(-3).map((e) => e.action)).toEqual(['appointment.check_in', 'appointment.start', 'appointment.complete']);
  });

  it('shows only the next steps the caller may take', async () => {
    const id = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + hour, status: 'checked_in' });
    const asReceptionist = await desk.router.invoke('appointments.get', { appointmentId: id }, receptionist);
    const asNurse = await desk.router.invoke('appointments.get', { appointmentId: id }, await desk.signIn('nurse'));
    expect(asReceptionist).toMatchObject({ ok: true, value: { nextStatuses: [], canReschedule: false } });
    expect(asNurse).toMatchObject({ ok: true, value: { nextStatuses: ['in_progress'] } });
  });

  it('refuses a no-show before the grace period and a check-in on another day, in the rules\' words', async () => {
    const soon = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON - 5 * minute });
    expect(await desk.router.invoke('appointments.noShow', { appointmentId: soon }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'too_early', message: expect.stringMatching(/no-show from 12:10/) } });
    const tomorrow = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + 24 * hour });
    expect(await desk.router.invoke('appointments.checkIn', { appointmentId: tomorrow }, receptionist)).toMatchObject({ ok: false, error: { code: 'too_early' } });
  });

  it('keeps notes, and clears them when emptied', async () => {
    const id = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + 48 * hour });
    expect(await desk.router.invoke('appointments.setNotes', { appointmentId: id, notes: ' Needs an interpreter ' }, receptionist))
      .toMatchObject({ ok: true, value: { appointment: { notes: 'Needs an interpreter' } } });
    expect(await desk.router.invoke('appointments.setNotes', { appointmentId: id, notes: '' }, receptionist))
      .toMatchObject({ ok: true, value: { appointment: { notes: null } } });
    expect(lastAudit().action).toBe('appointment.notes');
  });
});
