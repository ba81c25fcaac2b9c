// A desk whose clock runs ten minutes ahead: its changes would win every merge, so the
// server refuses them (ARCHITECTURE.md 5). What happens to a refused change: it leaves the
// outbox and the schedule (the server never had it), and a sync_rejections record keeps
// its values and the reason, so the receptionist can fix the clock and enter it again. It
// is not re-sent by itself: the server answers a re-sent change id with its first answer,
// and its timestamps would still be ahead.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentValues, startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { eventually, scheduleOf, startDesk, type TestDesk } from './testing/device';

const TEN_MINUTES = 10 * 60_000;

let env: RunningServer;
let desk: TestDesk;
let clockError = TEN_MINUTES;
beforeEach(async () => {
  env = await startTestServer();
  clockError = TEN_MINUTES;
  desk = await startDesk(env, 'front_desk', env.url, { now: () => Date.now() + clockError });
  desk.goOnline();
  await eventually(() => expect(desk.client.isCaughtUp()).toBe(true));
});
afterEach(async () => {
  await desk.close();
  await env.close();
});

function book(id: string, hour = 15): string {
  const start = Date.UTC(2026, 11, 2, hour);
  return desk.store.write({ table: 'appointments', rowId: id, values: appointmentValues({ start_at: start, end_at: start + 1_800_000 }), staffUserId: env.staff.receptionist, action: 'appointment.book' }).changeId;
}

async function serverAppointments(): Promise<string[]> {
  const { rows } = await env.server.db.query<{ id: string }>('select id from appointments order by id');
  return rows.map((r) => r.id);
}

describe('a desk whose clock is ten minutes ahead', () => {
  it('has its booking refused with clock_drift, reported with its values, and books again once the clock is right', async () => {
    const refusedId = uuidv7();
    const refusedChange = book(refusedId);
    desk.client.notifyLocalWrite();
    await eventually(() => expect(desk.client.getState().pending).toBe(0));

    const rejection = desk.store.sqlite.prepare('select * from sync_rejections where change_id = ?').get(refusedChange) as Record<string, unknown> | undefined;
    expect(rejection).toMatchObject({ table_name: 'appointments', row_id: refusedId, reason: 'clock_drift' });
    expect(rejection!.message).toMatch(/clock is (9|10) minutes ahead/);
    // Reported with what was typed, so it can be entered again; gone from the schedule and the server.
    expect(JSON.parse(rejection!.values as string)).toMatchObject({ start_at: Date.UTC(2026, 11, 2, 15), status: 'booked' });
    expect(scheduleOf(desk.store)).toEqual([]);
    expect(await serverAppointments()).toEqual([]);
    const { rows: logged } = await env.server.db.query<{ status: string; reason: string }>('select status, reason from change_log where change_id = $1', [refusedChange]);
    expect(logged).toEqual([{ status: 'rejected', reason: 'clock_drift' }]);

    // The clock is corrected and Frontdesk restarted.
    clockError = 0;
    await desk.restart();
    desk.goOnline();
    const acceptedId = uuidv7();
    const acceptedChange = book(acceptedId, 16);
    desk.client.notifyLocalWrite();
    await eventually(async () => {
      expect(desk.client.getState().pending).toBe(0);
      expect(await serverAppointments()).toEqual([acceptedId]);
    });
    const { rows: [accepted] } = await env.server.db.query<{ status: string }>('select status from change_log where change_id = $1', [acceptedChange]);
    expect(accepted).toEqual({ status: 'accepted' });
    // Only the booking is reported: its audit event (appended, never merged) reached the
    // server, so the device's audit trail there has no hole.
    expect(desk.store.sqlite.prepare('select change_id from sync_rejections').all()).toEqual([{ change_id: refusedChange }]);
    const { rows: trail } = await env.server.db.query<{ chain_seq: number; action: string }>('select chain_seq, action from audit_events where device_id = $1 order by chain_seq', [desk.store.identity.deviceId]);
    expect(trail).toEqual([{ chain_seq: 1, action: 'appointment.book' }, { chain_seq: 2, action: 'appointment.book' }]);
    await eventually(() => expect((scheduleOf(desk.store) as { id: string }[]).map((r) => r.id)).toEqual([acceptedId]));
  });

  it('reports a booking queued offline with the fast clock once it is fixed, and sends new ones', async () => {
    await desk.goOffline();
    const queuedId = uuidv7();
    const queued = book(queuedId);
    // Fixed and restarted while still offline: the outbox holds a timestamp ten minutes ahead.
    clockError = 0;
    await desk.restart();
    const laterId = uuidv7();
    const later = book(laterId, 16);
    desk.goOnline();
    await eventually(async () => {
      expect(desk.client.getState().pending).toBe(0);
      expect(await serverAppointments()).toEqual([laterId]);
    });
    expect(desk.store.sqlite.prepare('select change_id, reason from sync_rejections where table_name = ?').all('appointments')).toEqual([{ change_id: queued, reason: 'clock_drift' }]);
    const { rows } = await env.server.db.query<{ change_id: string; status: string }>('select change_id, status from change_log where change_id = any($1::text[]) order by status', [[queued, later]]);
    expect(rows).toEqual([{ change_id: later, status: 'accepted' }, { change_id: queued, status: 'rejected' }]);
  });
});
