import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChain } from '../store/testing/audit';
import { ANCHOR_DATE, countRows, Fixtures, hour, NOON, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
let fixtures: Fixtures;
let receptionist: string;
let service: string;

beforeEach(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  receptionist = await desk.signIn('receptionist');
  service = fixtures.service();
});
afterEach(() => desk.cleanup());

function entry(overrides: Record<string, unknown> = {}) {
  return { patientId: fixtures.patient(), serviceId: service, locationId: desk.locationId, earliestDate: ANCHOR_DATE, latestDate: '2026-03-31', ...overrides };
}

describe('waitlist', () => {
  it('adds a patient with preferences, audited and queued to sync, and lists them', async () => {
    const outbox = countRows(desk.store, 'outbox');
    const input = entry({ urgency: 2, notes: 'Mornings, not Fridays' });
    const added = await desk.router.invoke('waitlist.add', input, receptionist);
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.value.entry).toMatchObject({
      patientId: input.patientId, patientName: 'Zzpatient, Fixture1', serviceName: 'Fixture visit', providerId: null,
      urgency: 2, status: 'waiting', notes: 'Mornings, not Fridays', earliestDate: ANCHOR_DATE, createdAt: desk.clock.now,
    });
    expect(countRows(desk.store, 'outbox')).toBeGreaterThan(outbox);
    expect(readChain(desk.store).at(-1)).toMatchObject({ action: 'waitlist.add', entityId: added.value.entry.id, staffUserId: desk.staffId('receptionist') });
    expect(desk.writes.at(-1)).toEqual(['waitlist_entries']);

    const list = await desk.router.invoke('waitlist.list', { locationId: desk.locationId }, receptionist);
    expect(list.ok && list.value.find((e) => e.id === added.value.entry.id)).toEqual(added.value.entry);
  });

  it('lists the most urgent first, then the longest waiting', async () => {
    const routine = await desk.router.invoke('waitlist.add', entry(), receptionist);
    desk.clock.now += 60_000;
    const urgent = await desk.router.invoke('waitlist.add', entry({ urgency: 2 }), receptionist);
    const laterRoutine = await desk.router.invoke('waitlist.add', entry(), receptionist);
    const list = await desk.router.invoke('waitlist.list', { locationId: desk.locationId }, receptionist);
    const id = (r: typeof routine) => (r.ok ? r.value.entry.id : null);
    const mine = new Set([id(urgent), id(routine), id(laterRoutine)]);
    // The demo clinic has its own waiting patients; these three keep their order among them.
    expect(list.ok && list.value.map((e) => e.id).filter((e) => mine.has(e))).toEqual([id(urgent), id(routine), id(laterRoutine)]);
    expect(list.ok && list.value.map((e) => e.urgency)).toEqual(list.ok ? [...list.value.map((e) => e.urgency)].sort((a, b) => b - a) : null);
  });

  it('removes an entry: it leaves the list, stays on record, and removing twice writes once', async () => {
    const added = await desk.router.invoke('waitlist.add', entry(), receptionist);
    if (!added.ok) throw new Error(JSON.stringify(added));
    const removed = await desk.router.invoke('waitlist.remove', { entryId: added.value.entry.id }, receptionist);
    expect(removed).toMatchObject({ ok: true, value: { entry: { status: 'removed' } } });
    expect(readChain(desk.store).at(-1)).toMatchObject({ action: 'waitlist.remove', entityId: added.value.entry.id });
    const outbox = countRows(desk.store, 'outbox');
    expect(await desk.router.invoke('waitlist.remove', { entryId: added.value.entry.id }, receptionist)).toMatchObject({ ok: true });
    expect(countRows(desk.store, 'outbox')).toBe(outbox);
    const list = await desk.router.invoke('waitlist.list', { locationId: desk.locationId }, receptionist);
    expect(list.ok && list.value.some((e) => e.id === added.value.entry.id)).toBe(false);
  });

  it('refuses the same patient twice for one service, bad dates, and unknown references', async () => {
    const first = entry();
    expect(await desk.router.invoke('waitlist.add', first, receptionist)).toMatchObject({ ok: true });
    expect(await desk.router.invoke('waitlist.add', first, receptionist)).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(await desk.router.invoke('waitlist.add', entry({ latestDate: '2026-03-01' }), receptionist))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The latest date is before the earliest date.' } });
    expect(await desk.router.invoke('waitlist.add', entry({ earliestDate: 'soon' }), receptionist))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'earliestDate' }] } } });
    expect(await desk.router.invoke('waitlist.add', entry({ urgency: 7 }), receptionist))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'urgency' }] } } });
    expect(await desk.router.invoke('waitlist.add', entry({ providerId: 'nobody' }), receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found', details: { providerId: 'nobody' }, sentences: [{ key: 'refusal.notFound.provider' }] } });
    expect(await desk.router.invoke('waitlist.remove', { entryId: 'nothing' }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found', sentences: [{ key: 'refusal.notFound.waitlistEntry' }] } });
  });

  it('lets a provider see the waitlist but not change it', async () => {
    const provider = await desk.signIn('provider');
    expect(await desk.router.invoke('waitlist.list', { locationId: desk.locationId }, provider)).toMatchObject({ ok: true });
    const input = entry();
    const outbox = countRows(desk.store, 'outbox');
    expect(await desk.router.invoke('waitlist.add', input, provider)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(countRows(desk.store, 'outbox')).toBe(outbox);
  });
});

describe('waitlist suggestions for a freed time', () => {
  const tomorrow = '2026-03-12';
  let provider: string;

  beforeEach(() => {
    provider = fixtures.provider();
  });

  /** A visit tomorrow at noon, cancelled by the desk. */
  async function cancelledVisit() {
    const patientId = fixtures.patient();
    const appointmentId = fixtures.appointment({ providerId: provider, serviceId: service, patientId, startAt: NOON + 24 * hour });
    const cancelled = await desk.router.invoke('appointments.cancel', { appointmentId, reason: 'Patient called' }, receptionist);
    if (!cancelled.ok) throw new Error(JSON.stringify(cancelled));
    return { appointmentId, patientId };
  }

  async function add(overrides: Record<string, unknown> = {}) {
    const added = await desk.router.invoke('waitlist.add', entry({ earliestDate: tomorrow, latestDate: tomorrow, ...overrides }), receptionist);
    if (!added.ok) throw new Error(JSON.stringify(added));
    return added.value.entry.id;
  }

  it('suggests who fits the service, provider and dates, most urgent first, never the patient who cancelled', async () => {
    const freed = await cancelledVisit();
    const routine = await add();
    desk.clock.now += 60_000;
    const urgent = await add({ urgency: 2, providerId: provider });
    await add({ serviceId: fixtures.service() });
    await add({ earliestDate: '2026-03-13', latestDate: '2026-03-20' });
    await add({ providerId: fixtures.provider('Dr. Someone Else') });
    await add({ patientId: freed.patientId });

    const matches = await desk.router.invoke('waitlist.matchesForSlot', { appointmentId: freed.appointmentId }, receptionist);
    if (!matches.ok) throw new Error(JSON.stringify(matches));
    expect(matches.value.entries.map((e) => e.id)).toEqual([urgent, routine]);
    expect(matches.value.slot).toMatchObject({ providerId: provider, serviceId: service, locationId: desk.locationId, startAt: NOON + 24 * hour });
  });

  it('suggests nothing for a visit that still holds its time', async () => {
    const appointmentId = fixtures.appointment({ providerId: provider, serviceId: service, patientId: fixtures.patient(), startAt: NOON + 24 * hour });
    expect(await desk.router.invoke('waitlist.matchesForSlot', { appointmentId }, receptionist)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('books the waitlisted patient into the freed time in one step: booked, off the list, audited', async () => {
    const freed = await cancelledVisit();
    const entryId = await add();
    const booked = await desk.router.invoke('waitlist.bookIntoSlot', { entryId, appointmentId: freed.appointmentId }, receptionist);
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    expect(booked.value.appointment).toMatchObject({ providerId: provider, serviceId: service, startAt: NOON + 24 * hour, status: 'booked' });
    expect(booked.value.entry.status).toBe('booked');
    expect(readChain(desk.store).slice(-2).map((e) => e.action)).toEqual(['appointment.book', 'waitlist.book']);
    const list = await desk.router.invoke('waitlist.list', { locationId: desk.locationId }, receptionist);
    expect(list.ok && list.value.some((e) => e.id === entryId)).toBe(false);
    const again = await desk.router.invoke('waitlist.matchesForSlot', { appointmentId: freed.appointmentId }, receptionist);
    expect(again.ok && again.value.entries.map((e) => e.id)).toEqual([]);
  });

  it('refuses an entry that does not fit the time, and writes nothing', async () => {
    const freed = await cancelledVisit();
    const entryId = await add({ earliestDate: '2026-03-20', latestDate: '2026-03-27' });
    const outbox = countRows(desk.store, 'outbox');
    const appointments = countRows(desk.store, 'appointments');
    const refused = await desk.router.invoke('waitlist.bookIntoSlot', { entryId, appointmentId: freed.appointmentId }, receptionist);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(countRows(desk.store, 'outbox')).toBe(outbox);
    expect(countRows(desk.store, 'appointments')).toBe(appointments);
  });

  it('leaves the patient on the waitlist when the time was taken meanwhile', async () => {
    const freed = await cancelledVisit();
    const entryId = await add();
    fixtures.appointment({ providerId: provider, serviceId: service, patientId: fixtures.patient(), startAt: NOON + 24 * hour });
    const refused = await desk.router.invoke('waitlist.bookIntoSlot', { entryId, appointmentId: freed.appointmentId }, receptionist);
    expect(refused).toMatchObject({ ok: false, error: { code: 'collision' } });
    const list = await desk.router.invoke('waitlist.list', { locationId: desk.locationId }, receptionist);
    expect(list.ok && list.value.find((e) => e.id === entryId)?.status).toBe('waiting');
  });
});
