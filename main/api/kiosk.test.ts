import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChain } from '../store/testing/audit';
import type { KioskLookupResult } from './kiosk';
import { kioskStateFor, type KioskCheckInEvent } from './kiosk-state';
import { loadPolicy } from './lookups';
import { operations } from './router';
import { Fixtures, minute, NOON, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
let fixtures: Fixtures;
let receptionist: string;
let providerId: string;
let serviceId: string;

beforeEach(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  receptionist = await desk.signIn('receptionist');
  providerId = fixtures.provider('Dr. Ana Kiosk');
  serviceId = fixtures.service();
});
afterEach(() => desk.cleanup());

async function pairKiosk(locationId = desk.locationId, name = 'Lobby tablet'): Promise<string> {
  const code = await desk.router.invoke('kiosk.createPairingCode', { locationId, name }, receptionist);
  if (!code.ok) throw new Error(JSON.stringify(code));
  const paired = await desk.router.invoke('kiosk.pair', { code: code.value.code });
  if (!paired.ok) throw new Error(JSON.stringify(paired));
  return paired.value.kioskToken;
}

function visit(startAt: number, patient: Record<string, unknown> = {}) {
  const patientId = fixtures.patient({ first_name: 'Rosa', last_name: 'Núñez-O\'Neil', date_of_birth: '1979-02-03', ...patient });
  const appointmentId = fixtures.appointment({ providerId, serviceId, patientId, startAt });
  const code = (desk.store.sqlite.prepare('select confirmation_code as c from appointments where id = ?').get(appointmentId) as { c: string }).c;
  return { patientId, appointmentId, code };
}

async function find(token: string, query: Record<string, unknown>): Promise<KioskLookupResult> {
  const result = await desk.router.invoke('kiosk.find', { kioskToken: token, query });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

const statusOf = (id: string) => (desk.store.sqlite.prepare('select status from appointments where id = ?').get(id) as { status: string }).status;

describe('finding today\'s appointment', () => {
  it('finds by confirmation code and answers first name, local time and provider only', async () => {
    const token = await pairKiosk();
    const { code } = visit(NOON + 20 * minute);
    const result = await find(token, { by: 'code', code: code.toLowerCase() });
    expect(result.found).toBe(true);
    expect(result.appointment).toMatchObject({ firstName: 'Rosa', time: '12:20', providerName: 'Dr. Ana Kiosk', checkIn: 'open' });
    expect(Object.keys(result.appointment!).sort()).toEqual(['checkIn', 'checkInOpensAt', 'firstName', 'providerName', 'ticket', 'time']);
    expect(JSON.stringify(result)).not.toMatch(/Núñez|1979|Zzpatient|@/);
  });

  it('finds by last name and date of birth, whatever the accents, case and hyphens', async () => {
    const token = await pairKiosk();
    visit(NOON + 20 * minute);
    const result = await find(token, { by: 'name', lastName: 'nunez oneil', dateOfBirth: '1979-02-03' });
    expect(result.appointment?.firstName).toBe('Rosa');
  });

  it('answers a hit, a miss and a wrong entry with the same shape', async () => {
    const token = await pairKiosk();
    const { code } = visit(NOON + 20 * minute);
    visit(NOON + 24 * 60 * minute, { first_name: 'Tomorrow', last_name: 'Later', date_of_birth: '1990-01-01' });
    const hit = await find(token, { by: 'code', code });
    const misses = [
      await find(token, { by: 'code', code: 'ZZZZZZ' }),
      await find(token, { by: 'name', lastName: 'Núñez-O\'Neil', dateOfBirth: '1979-02-04' }),
      await find(token, { by: 'name', lastName: 'Later', dateOfBirth: '1990-01-01' }),
      await find(token, { by: 'name', lastName: 'x', dateOfBirth: 'not a date' }),
    ];
    for (const miss of misses) {
      expect(Object.keys(miss).sort()).toEqual(Object.keys(hit).sort());
      expect(miss).toEqual({ found: false, appointment: null, retryAfterMs: 0 });
    }
  });

  it('does not find appointments at another location, cancelled ones, or another day\'s', async () => {
    const otherLocation = desk.store.sqlite.prepare('select id from locations where id != ? limit 1').get(desk.locationId) as { id: string };
    const token = await pairKiosk(otherLocation.id, 'Other lobby');
    const { code } = visit(NOON + 20 * minute);
    expect((await find(token, { by: 'code', code })).found).toBe(false);

    const here = await pairKiosk();
    const cancelled = fixtures.appointment({ providerId, serviceId, patientId: fixtures.patient(), startAt: NOON + 40 * minute, status: 'cancelled' });
    const cancelledCode = (desk.store.sqlite.prepare('select confirmation_code as c from appointments where id = ?').get(cancelled) as { c: string }).c;
    expect((await find(here, { by: 'code', code: cancelledCode })).found).toBe(false);
  });

  it('cools down after repeated misses, then answers a correct code exactly like a miss', async () => {
    const token = await pairKiosk();
    const { code } = visit(NOON + 20 * minute);
    const { maxMisses, coolDownMs } = kioskStateFor(desk.store).missLimit;
    for (let i = 0; i < maxMisses; i++) await find(token, { by: 'code', code: `WRONG${i}` });

    const cooling = await find(token, { by: 'code', code });
    expect(cooling.found).toBe(false);
    expect(cooling.appointment).toBeNull();
    expect(cooling.retryAfterMs).toBeGreaterThan(0);

    // Another kiosk is not held back by this one.
    const other = await pairKiosk(desk.locationId, 'Second tablet');
    expect((await find(other, { by: 'code', code })).found).toBe(true);

    desk.clock.now += coolDownMs;
    expect((await find(token, { by: 'code', code })).found).toBe(true);
  });
});

describe('checking in', () => {
  it('checks in, records it as the kiosk in the audit trail, and tells the desk', async () => {
    const token = await pairKiosk();
    const { appointmentId, code } = visit(NOON + 20 * minute);
    const events: KioskCheckInEvent[] = [];
    kioskStateFor(desk.store).events.on('checkedIn', (e) => events.push(e));
    const { appointment } = await find(token, { by: 'code', code });

    const checkedIn = await desk.router.invoke('kiosk.checkIn', { kioskToken: token, ticket: appointment!.ticket });
    expect(checkedIn).toEqual({ ok: true, value: { outcome: 'checked_in', checkInOpensAt: null } });
    expect(statusOf(appointmentId)).toBe('checked_in');
    const audit = readChain(desk.store).at(-1)!;
    expect(audit).toMatchObject({ action: 'appointment.kiosk_check_in', entityId: appointmentId, staffUserId: null });
    expect(desk.writes.at(-1)).toEqual(['appointments']);
    expect(events).toEqual([expect.objectContaining({ appointmentId })]);

    const again = await desk.router.invoke('kiosk.checkIn', { kioskToken: token, ticket: appointment!.ticket });
    expect(again).toEqual({ ok: true, value: { outcome: 'already_checked_in', checkInOpensAt: null } });
  });

  it('sends a patient late past the policy\'s window to the front desk', async () => {
    const token = await pairKiosk();
    const { lateArrivalMinutes } = loadPolicy(desk.store, desk.locationId);
    const { appointmentId, code } = visit(NOON - (lateArrivalMinutes + 1) * minute);
    const { appointment } = await find(token, { by: 'code', code });
    expect(appointment?.checkIn).toBe('see_desk');
    const result = await desk.router.invoke('kiosk.checkIn', { kioskToken: token, ticket: appointment!.ticket });
    expect(result).toEqual({ ok: true, value: { outcome: 'see_desk', checkInOpensAt: null } });
    expect(statusOf(appointmentId)).toBe('booked');
  });

  it('says when check-in opens to a patient who is early', async () => {
    const token = await pairKiosk();
    const { checkInEarlyMinutes } = loadPolicy(desk.store, desk.locationId);
    const { appointmentId, code } = visit(NOON + (checkInEarlyMinutes + 30) * minute);
    const { appointment } = await find(token, { by: 'code', code });
    const result = await desk.router.invoke('kiosk.checkIn', { kioskToken: token, ticket: appointment!.ticket });
    expect(result).toEqual({ ok: true, value: { outcome: 'too_early', checkInOpensAt: '12:30' } });
    expect(statusOf(appointmentId)).toBe('booked');
  });

  it('accepts a ticket only from the kiosk that looked it up', async () => {
    const token = await pairKiosk();
    const other = await pairKiosk(desk.locationId, 'Second tablet');
    const { appointmentId, code } = visit(NOON + 20 * minute);
    const { appointment } = await find(token, { by: 'code', code });
    const result = await desk.router.invoke('kiosk.checkIn', { kioskToken: other, ticket: appointment!.ticket });
    expect(result).toEqual({ ok: true, value: { outcome: 'start_over', checkInOpensAt: null } });
    expect(statusOf(appointmentId)).toBe('booked');
  });

  it('passes changed phone or address on to the desk', async () => {
    const token = await pairKiosk();
    const { appointmentId, code } = visit(NOON + 20 * minute);
    const { appointment } = await find(token, { by: 'code', code });
    const flagged = await desk.router.invoke('kiosk.flagDetails', { kioskToken: token, ticket: appointment!.ticket, phoneChanged: true, addressChanged: false });
    expect(flagged).toEqual({ ok: true, value: { recorded: true } });
    expect(desk.writes.at(-1)).toEqual(['kiosk_notices']);

    const notices = await desk.router.invoke('kiosk.notices', {}, receptionist);
    if (!notices.ok) throw new Error(JSON.stringify(notices));
    expect(notices.value.notices).toEqual([expect.objectContaining({ appointmentId, phoneChanged: true, addressChanged: false, patientName: 'Rosa Núñez-O\'Neil' })]);
    const dismissed = await desk.router.invoke('kiosk.dismissNotice', { noticeId: notices.value.notices[0]!.id }, receptionist);
    expect(dismissed.ok).toBe(true);
    expect(await desk.router.invoke('kiosk.dismissNotice', { noticeId: notices.value.notices[0]!.id }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'That notice was already dismissed.', sentences: [{ key: 'refusal.noticeDismissed' }] } });
  });
});

describe('kiosk tokens', () => {
  it('spends a pairing code once and pauses pairing after repeated wrong codes', async () => {
    const code = await desk.router.invoke('kiosk.createPairingCode', { locationId: desk.locationId, name: 'Tablet' }, receptionist);
    if (!code.ok) throw new Error(JSON.stringify(code));
    expect((await desk.router.invoke('kiosk.pair', { code: code.value.code })).ok).toBe(true);
    expect(await desk.router.invoke('kiosk.pair', { code: code.value.code })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    for (let i = 0; i < 9; i++) await desk.router.invoke('kiosk.pair', { code: `WRONG-${i}` });
    const fresh = await desk.router.invoke('kiosk.createPairingCode', { locationId: desk.locationId, name: 'Tablet 2' }, receptionist);
    if (!fresh.ok) throw new Error(JSON.stringify(fresh));
    expect(await desk.router.invoke('kiosk.pair', { code: fresh.value.code })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('stops working once the desk unpairs the kiosk', async () => {
    const token = await pairKiosk();
    const list = await desk.router.invoke('kiosk.list', {}, receptionist);
    if (!list.ok) throw new Error(JSON.stringify(list));
    expect(JSON.stringify(list.value)).not.toContain(token);
    await desk.router.invoke('kiosk.revoke', { kioskId: list.value.kiosks[0]!.id }, receptionist);
    expect(await desk.router.invoke('kiosk.session', { kioskToken: token })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await desk.router.invoke('kiosk.revoke', { kioskId: list.value.kiosks[0]!.id }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found', sentences: [{ key: 'refusal.notFound.kiosk' }] } });
  });

  it('cannot book, cancel, list or read anything as a staff session', async () => {
    const token = await pairKiosk();
    const { appointmentId, patientId } = visit(NOON + 20 * minute);
    const inputs: Record<string, unknown> = {
      'appointments.book': { locationId: desk.locationId, providerId, serviceId, patientId, startAt: NOON + 3 * 60 * minute },
      'appointments.cancel': { appointmentId, reason: 'kiosk' },
      'appointments.checkIn': { appointmentId },
      'appointments.get': { appointmentId },
      'schedule.dayView': { locationId: desk.locationId, date: '2026-03-11' },
      'patients.search': { query: 'Rosa' },
      'print.pdf': { document: { type: 'appointment_slip', appointmentId } },
    };
    // Every operation that is not open to anyone, so one added later is covered too.
    const staffOnly = Object.entries(operations).filter(([, op]) => op.roles !== 'public').map(([name]) => name);
    expect(staffOnly).toEqual(expect.arrayContaining(Object.keys(inputs)));
    for (const name of staffOnly) {
      const result = await desk.router.invoke(name, inputs[name] ?? {}, token);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(statusOf(appointmentId)).toBe('booked');
  });

  it('is refused by the kiosk operations when it is a staff session id instead', async () => {
    const result = await desk.router.invoke('kiosk.find', { kioskToken: receptionist, query: { by: 'code', code: 'ABCDEF' } }, receptionist);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
