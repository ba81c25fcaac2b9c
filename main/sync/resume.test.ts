// A desk that restarts resumes each table from its saved shape position: it downloads only
// what changed while it was away. A server whose history starts over (new epoch, e.g. a
// restored backup) answers 409 must-refetch, and the desk downloads everything again and
// converges.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemChanges } from '../../sync-server/bootstrap';
import { appointmentValues, startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { eventually, startDesk, type TestDesk } from './testing/device';
import { deskSchedule, serverSchedule } from './testing/schedule';

const MIN = 60_000;
const DAY = Date.UTC(2027, 2, 1, 14);
const SEEDED = 300;

interface ShapeResponse {
  table: string;
  status: number;
  offset: string;
  /** Ids of the rows in the response. */
  ids: string[];
}

let env: RunningServer;
let desk: TestDesk;
let responses: ShapeResponse[] = [];
let seededIds: string[] = [];

function appointmentRow(n: number): Record<string, unknown> & { id: string } {
  const start = DAY + Math.floor(n / 10) * 30 * MIN;
  return { id: uuidv7(), ...appointmentValues({ provider_id: `prov-${n % 10}`, patient_id: `pat-${n}`, start_at: start, end_at: start + 30 * MIN }) };
}

async function writeOnServer(rows: Record<string, unknown>[]): Promise<void> {
  const results = await env.server.writeAsSystem(env.orgId, systemChanges('appointments', rows, () => env.server.clock.now()));
  expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
}

function downloaded(table?: string): string[] {
  return responses.filter((r) => !table || r.table === table).flatMap((r) => r.ids);
}

beforeEach(async () => {
  responses = [];
  env = await startTestServer({
    // Counts what the server sends: every shape response, its table, offset and rows.
    beforeListen: (app) => app.addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions.url !== '/v1/shape' || typeof payload !== 'string') return payload;
      const query = request.query as { table: string; offset?: string };
      const messages = reply.statusCode === 200 ? (JSON.parse(payload) as { key?: string; value?: { id: string } }[]) : [];
      responses.push({ table: query.table, status: reply.statusCode, offset: query.offset ?? '-1', ids: messages.filter((m) => m.key).map((m) => m.value!.id) });
      return payload;
    }),
  });
  const seeded = Array.from({ length: SEEDED }, (_, n) => appointmentRow(n));
  seededIds = seeded.map((r) => r.id);
  await writeOnServer(seeded);
  desk = await startDesk(env);
  desk.goOnline();
  await eventually(() => {
    expect(desk.client.isCaughtUp()).toBe(true);
    expect(deskSchedule(desk.store)).toHaveLength(SEEDED);
  }, 30_000);
  expect(new Set(downloaded('appointments'))).toEqual(new Set(seededIds));
});
afterEach(async () => {
  await desk.close();
  await env.close();
});

describe('a desk that restarts', () => {
  it('resumes from its saved shape positions and downloads only what changed meanwhile', async () => {
    await desk.restart();
    // While it is down: five new bookings and notes on three existing ones.
    const added = Array.from({ length: 5 }, (_, n) => appointmentRow(SEEDED + n));
    await writeOnServer(added);
    const edited = seededIds.slice(0, 3);
    await writeOnServer(edited.map((id) => ({ id, notes: 'called to confirm' })));

    responses = [];
    const pulled = new Set<unknown>();
    desk.client.on('pulled', (table: unknown) => pulled.add(table));
    desk.goOnline();
    await eventually(async () => {
      expect(desk.client.isCaughtUp()).toBe(true);
      expect(deskSchedule(desk.store)).toEqual(await serverSchedule(env.server.db));
    }, 30_000);
    // The desk's screens are told which tables the pull brought: only appointments.
    expect([...pulled]).toEqual(['appointments']);
    // Every table's first request continued from where it stopped, and only changed rows came.
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.offset === '-1')).toEqual([]);
    expect(downloaded().sort()).toEqual([...added.map((r) => r.id), ...edited].sort());
  });
});

describe('a server whose history starts over (new epoch)', () => {
  it('makes the desk download everything again, and the desk converges', async () => {
    // Restored from a backup, say: the server's history has a new epoch.
    await env.server.db.query(`update server_meta set value = 'restored' where key = 'epoch'`);
    const added = Array.from({ length: 5 }, (_, n) => appointmentRow(SEEDED + n));
    await writeOnServer(added);
    // Meanwhile the desk books something of its own.
    const { id: booked, ...values } = appointmentRow(SEEDED + 10);
    desk.store.write({ table: 'appointments', rowId: booked, values, staffUserId: env.staff.receptionist, action: 'appointment.book' });
    responses = [];
    await env.restart();
    desk.client.notifyLocalWrite();

    // Told to start over, it asks again from the beginning, receives every appointment and
    // keeps the new position (so its next restart resumes again).
    await eventually(async () => {
      expect(desk.client.getState().pending).toBe(0);
      expect(deskSchedule(desk.store)).toEqual(await serverSchedule(env.server.db));
      expect(desk.store.sqlite.prepare(`select handle from sync_shapes where table_name = 'appointments'`).get()).toEqual({ handle: 'appointments-restored' });
    }, 30_000);
    expect(deskSchedule(desk.store)).toHaveLength(SEEDED + added.length + 1);
    expect(responses.some((r) => r.status === 409 && r.table === 'appointments')).toBe(true);
    expect(responses.some((r) => r.status === 200 && r.table === 'appointments' && r.offset === '-1')).toBe(true);
    // Everything the server held when it came back came down again (the desk's own booking
    // may have been accepted after that download, and then arrives live).
    const received = new Set(downloaded('appointments'));
    expect([...seededIds, ...added.map((r) => r.id)].filter((id) => !received.has(id))).toEqual([]);
  });
});
