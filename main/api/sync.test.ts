import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from './router';
import { Fixtures, NOON, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
afterEach(() => desk.cleanup());

function recordRejection(changeId: string, rowId: string, values: Record<string, unknown>, conflictsWith: string | null) {
  desk.store.sqlite.prepare(`insert into sync_rejections (change_id, table_name, row_id, reason, message, conflicts_with, "values", created_at)
    values (?, 'appointments', ?, 'slot_taken', 'Another desk booked this time first.', ?, ?, ?)`).run(changeId, rowId, conflictsWith, JSON.stringify(values), NOON);
}

describe('sync operations', () => {
  it('report the device as offline, with its pending count, when no sync client runs', async () => {
    desk = await openTestDesk();
    const session = await desk.signIn('receptionist');
    await desk.router.invoke('patients.create', { firstName: 'Ines', lastName: 'Varga', dateOfBirth: '1970-05-05', phone: '212 555 0111' }, session);
    expect(await desk.router.invoke('sync.state', {}, session)).toMatchObject({ ok: true, value: { online: false, pending: 1, unresolvedRejections: 0, problem: expect.any(String) } });
  });

  it('pass the sync client\'s own state through', async () => {
    desk = await openTestDesk();
    const state = { online: true, pending: 0, lastSyncAt: NOON, unresolvedRejections: 0, problem: null, revoked: false };
    const router = createRouter({ store: desk.store, sync: { getState: () => state }, now: () => NOON });
    const signIn = await router.invoke('session.signIn', { staffUserId: desk.staffId('nurse'), secret: desk.pinOf('nurse') });
    expect(await router.invoke('sync.state', {}, signIn.ok ? signIn.value.sessionId : null)).toEqual({ ok: true, value: state });
  });

  it('list refused bookings with what they were and what they clashed with, until resolved', async () => {
    desk = await openTestDesk();
    const session = await desk.signIn('receptionist');
    const fixtures = new Fixtures(desk.store, desk.locationId);
    const providerId = fixtures.provider('Dr. Conflict');
    const serviceId = fixtures.service();
    const winner = fixtures.appointment({ providerId, serviceId, patientId: fixtures.patient(), startAt: NOON + 3_600_000 });
    recordRejection('change-1', 'lost-booking', { provider_id: providerId, service_id: serviceId, start_at: NOON + 3_600_000, end_at: NOON + 5_400_000 }, winner);

    const listed = await desk.router.invoke('sync.rejections', {}, session);
    expect(listed).toMatchObject({
      ok: true,
      value: [{
        changeId: 'change-1', reason: 'slot_taken', message: 'Another desk booked this time first.',
        rejected: { appointmentId: 'lost-booking', providerName: 'Dr. Conflict', serviceName: 'Fixture visit', startAt: NOON + 3_600_000 },
        conflictsWith: { appointmentId: winner, providerName: 'Dr. Conflict', patientName: expect.stringMatching(/^Zzpatient, /), startAt: NOON + 3_600_000 },
      }],
    });

    expect(await desk.router.invoke('sync.resolveRejection', { changeId: 'change-1' }, session)).toEqual({ ok: true, value: { changeId: 'change-1', resolvedAt: NOON } });
    expect(desk.writes.at(-1)).toEqual(['sync_rejections']);
    expect(await desk.router.invoke('sync.rejections', {}, session)).toEqual({ ok: true, value: [] });
    expect(await desk.router.invoke('sync.resolveRejection', { changeId: 'change-404' }, session))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'That refused change is not on this device.', sentences: [{ key: 'refusal.notFound.refusedChange' }] } });
  });
});
