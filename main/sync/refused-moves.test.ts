// A desk moves one appointment twice while offline and both moves are refused: the row must
// return to the server's time, not to the first refused move (rejections.ts, forgetInLaterEdits).
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentValues, startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { eventually, scheduleOf, startDesk, type TestDesk } from './testing/device';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 11, 2, 15);

let env: RunningServer;
let a: TestDesk;
let b: TestDesk;
beforeEach(async () => {
  env = await startTestServer();
  a = await startDesk(env);
  b = await startDesk(env);
  for (const desk of [a, b]) {
    desk.goOnline();
    await eventually(() => expect(desk.store.identity.orgId).toBe(env.orgId));
  }
});
afterEach(async () => {
  await a.close();
  await b.close();
  await env.close();
});

function at(hours: number) {
  return { start_at: START + hours * HOUR, end_at: START + hours * HOUR + HOUR / 2 };
}

describe('an appointment moved twice offline, both moves refused', () => {
  it('returns to the server\'s time on the desk that moved it, matching the other desk', async () => {
    const moved = uuidv7();
    b.store.write({ table: 'appointments', rowId: moved, values: appointmentValues({ provider_id: 'prov-1', ...at(0) }), staffUserId: env.staff.receptionist });
    b.client.notifyLocalWrite();
    await eventually(() => expect(scheduleOf(a.store)).toHaveLength(1));
    await a.goOffline();
    await b.goOffline();

    // Offline, A books 16:00 and 17:00 for the provider; B moves its appointment to 16:00, then to 17:00.
    for (const hours of [1, 2]) {
      a.store.write({ table: 'appointments', rowId: uuidv7(), values: appointmentValues({ provider_id: 'prov-1', ...at(hours) }), staffUserId: env.staff.receptionist });
    }
    for (const hours of [1, 2]) {
      b.store.write({ table: 'appointments', rowId: moved, values: at(hours), staffUserId: env.staff.receptionist, action: 'appointment.move' });
    }

    a.goOnline();
    await eventually(() => expect(a.client.getState().pending).toBe(0));
    const pulled: unknown[] = [];
    b.client.on('pulled', (table: unknown) => pulled.push(table));
    b.goOnline();
    await eventually(() => expect(b.client.getState()).toMatchObject({ pending: 0, unresolvedRejections: 2 }));
    // Its rejections arrive by pull too, naming no table: a rejection may restore rows of any table.
    await eventually(() => expect(pulled).toContain(null));
    expect(b.store.sqlite.prepare('select start_at, end_at from appointments where id = ?').get(moved)).toEqual(at(0));
    await eventually(() => expect(scheduleOf(b.store)).toEqual(scheduleOf(a.store)));
  });
});
