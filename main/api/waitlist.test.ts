import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChain } from '../store/testing/audit';
import { ANCHOR_DATE, countRows, Fixtures, openTestDesk, type TestDesk } from './testing/desk';

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
      .toMatchObject({ ok: false, error: { code: 'not_found', details: { providerId: 'nobody' } } });
    expect(await desk.router.invoke('waitlist.remove', { entryId: 'nothing' }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
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
