// Two receptionists offline book overlapping slots; on reconnect the server keeps one.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentValues, startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { eventually, scheduleOf, startDesk, type TestDesk } from './testing/device';

let env: RunningServer;
let a: TestDesk;
let b: TestDesk;
beforeEach(async () => {
  env = await startTestServer();
  a = await startDesk(env);
  b = await startDesk(env);
  // First contact: both learn their organization, then go offline.
  for (const desk of [a, b]) {
    desk.goOnline();
    await eventually(() => expect(desk.store.identity.orgId).toBe(env.orgId));
    await desk.goOffline();
  }
});
afterEach(async () => {
  await a.close();
  await b.close();
  await env.close();
});

const contested = {
  provider: { a: { provider_id: 'prov-1', patient_id: 'pat-a' }, b: { provider_id: 'prov-1', patient_id: 'pat-b' } },
  room: { a: { provider_id: 'prov-1', patient_id: 'pat-a', resource_ids: ['room-1'] }, b: { provider_id: 'prov-2', patient_id: 'pat-b', resource_ids: ['room-1'] } },
  patient: { a: { provider_id: 'prov-1', patient_id: 'pat-same' }, b: { provider_id: 'prov-2', patient_id: 'pat-same' } },
};

describe('two desks offline booking the same slot', () => {
  it.each(Object.keys(contested) as (keyof typeof contested)[])('keeps exactly one booking for the same %s; the other desk learns why', async (kind) => {
    const idA = uuidv7();
    const idB = uuidv7();
    a.store.write({ table: 'appointments', rowId: idA, values: appointmentValues(contested[kind].a), staffUserId: env.staff.receptionist, action: 'appointment.book' });
    b.store.write({ table: 'appointments', rowId: idB, values: appointmentValues(contested[kind].b), staffUserId: env.staff.receptionist, action: 'appointment.book' });

    a.goOnline();
    await eventually(() => expect(a.client.getState().pending).toBe(0));
    b.goOnline();
    await eventually(() => expect(b.client.getState()).toMatchObject({ pending: 0, unresolvedRejections: 1 }));

    const rejection = b.store.sqlite.prepare('select * from sync_rejections').get() as Record<string, unknown>;
    expect(rejection).toMatchObject({ row_id: idB, reason: 'slot_taken', conflicts_with: idA });
    expect(rejection.message).toMatch(/already (booked|in use)|already has an appointment/);
    // Both desks end with the same schedule: A's booking, and no trace of B's.
    await eventually(() => {
      expect(scheduleOf(b.store)).toEqual(scheduleOf(a.store));
      expect(scheduleOf(a.store)).toHaveLength(1);
      expect((scheduleOf(a.store)[0] as { id: string }).id).toBe(idA);
    });
    const { rows } = await env.server.db.query<{ n: number }>(`select count(*)::int as n from appointments where status not in ('cancelled', 'late_cancelled', 'no_show')`);
    expect(rows[0]!.n).toBe(1);
  });

  it('returns a rejected move to the server\'s time and keeps the desk\'s other edits', async () => {
    const idA = uuidv7();
    const idB = uuidv7();
    const start = Date.UTC(2026, 11, 2, 15);
    a.store.write({ table: 'appointments', rowId: idA, values: appointmentValues({ provider_id: 'prov-1', start_at: start, end_at: start + 1_800_000 }), staffUserId: env.staff.receptionist });
    b.store.write({ table: 'appointments', rowId: idB, values: appointmentValues({ provider_id: 'prov-1', start_at: start + 7_200_000, end_at: start + 9_000_000 }), staffUserId: env.staff.receptionist });
    for (const desk of [a, b]) {
      desk.goOnline();
      await eventually(() => expect(desk.client.getState().pending).toBe(0));
      await desk.goOffline();
    }
    // Offline again: B moves its booking onto A's slot and, separately, adds a note.
    b.store.write({ table: 'appointments', rowId: idB, values: { start_at: start + 600_000, end_at: start + 2_400_000 }, staffUserId: env.staff.receptionist, action: 'appointment.move' });
    b.store.write({ table: 'appointments', rowId: idB, values: { notes: 'prefers mornings' }, staffUserId: env.staff.receptionist });
    b.goOnline();
    await eventually(() => expect(b.client.getState()).toMatchObject({ pending: 0, unresolvedRejections: 1 }), 5000);
    const row = b.store.sqlite.prepare('select start_at, end_at, notes from appointments where id = ?').get(idB);
    expect(row).toEqual({ start_at: start + 7_200_000, end_at: start + 9_000_000, notes: 'prefers mornings' });
    a.goOnline();
    await eventually(() => expect(scheduleOf(a.store)).toEqual(scheduleOf(b.store)));
  });
});
