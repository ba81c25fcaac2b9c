// The wire protocol of docs/sync-protocol.md, against a real server on loopback.
import { ShapeStream, type Message, type Row } from '@electric-sql/client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../db/crdt/hlc';
import { appointmentValues, startTestServer, type RunningServer, type TestDevice } from './testing/harness';

let env: RunningServer;
let desk: TestDevice;
beforeAll(async () => {
  env = await startTestServer();
  desk = await env.enroll('front_desk');
});
afterAll(() => env.close());

const post = (path: string, body: string, token?: string) => fetch(`${env.url}${path}`, {
  method: 'POST', body, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
});

describe('enrollment', () => {
  it('turns a pairing code into a device token once only', async () => {
    const { code } = await env.server.createPairingCode(env.orgId, 'front_desk');
    const first = await post('/v1/devices/enroll', JSON.stringify({ code: code.toLowerCase(), name: 'Desk 2' }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ deviceId: expect.any(String), nodeId: expect.stringMatching(/^[0-9a-f]{16}$/), token: expect.any(String) });
    const again = await post('/v1/devices/enroll', JSON.stringify({ code, name: 'Desk 3' }));
    expect(again.status).toBe(403);
    expect(((await again.json()) as { message: string }).message).toMatch(/already used|not valid/);
  });

  it('refuses requests without a valid token with 401', async () => {
    const res = await post('/v1/changes', JSON.stringify({ changes: [] }), 'not-a-token');
    expect(res.status).toBe(401);
    expect((await fetch(`${env.url}/v1/shape?table=appointments&offset=-1`)).status).toBe(401);
  });

  it('stops a revoked device', async () => {
    const device = await env.enroll('front_desk');
    expect((await post('/v1/changes', JSON.stringify({ changes: [] }), device.token)).status).toBe(200);
    await env.server.db.query('update devices set revoked_at = $1 where id = $2', [Date.now(), device.deviceId]);
    expect((await post('/v1/changes', JSON.stringify({ changes: [] }), device.token)).status).toBe(401);
  });

  it('stores only hashes of tokens', async () => {
    const { rows } = await env.server.db.query<{ token_hash: string }>('select token_hash from devices where id = $1', [desk.deviceId]);
    expect(rows[0]!.token_hash).not.toContain(desk.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('push', () => {
  it('accepts a booking with a sequence number, and answers a re-sent change id the same without re-applying it', async () => {
    const booking = desk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-push' }));
    const [first] = await desk.push([booking]);
    expect(first).toEqual({ id: booking.id, status: 'accepted', seq: expect.any(Number) });
    const [again] = await desk.push([booking]);
    expect(again).toEqual(first);
    const { rows } = await env.server.db.query<{ n: number }>('select count(*)::int as n from change_log where change_id = $1', [booking.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('rejects an overlapping booking on the same provider, room or patient with slot_taken and the holder', async () => {
    const other = await env.enroll('front_desk');
    const winner = uuidv7();
    const values = appointmentValues({ provider_id: 'prov-x', resource_ids: ['room-x'], patient_id: 'pat-x', buffer_after_min: 10 });
    expect((await desk.push([desk.change('appointments', winner, values)]))[0]!.status).toBe('accepted');
    const start = values.start_at as number;
    const cases = [
      { provider_id: 'prov-x', resource_ids: [], patient_id: 'pat-a', start_at: start + 35 * 60_000, end_at: start + 60 * 60_000 }, // in the buffer
      { provider_id: 'prov-y', resource_ids: ['room-x'], patient_id: 'pat-b' },
      { provider_id: 'prov-z', resource_ids: [], patient_id: 'pat-x' },
    ];
    for (const overrides of cases) {
      const [result] = await other.push([other.change('appointments', uuidv7(), appointmentValues(overrides))]);
      expect(result).toMatchObject({ status: 'rejected', reason: 'slot_taken', conflictsWith: winner });
      expect((result as { message: string }).message).toMatch(/already (booked|in use)|already has an appointment/);
    }
    // Back to back with the buffer respected is fine; the patient claim has no buffer.
    const [ok] = await other.push([other.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-x', patient_id: 'pat-c', start_at: start + 40 * 60_000, end_at: start + 70 * 60_000 }))]);
    expect(ok!.status).toBe('accepted');
  });

  it('checks a move and a re-activation like a new booking, and frees the slot on cancel', async () => {
    const a = uuidv7();
    const b = uuidv7();
    const base = appointmentValues({ provider_id: 'prov-move' });
    const start = base.start_at as number;
    await desk.push([desk.change('appointments', a, base)]);
    await desk.push([desk.change('appointments', b, appointmentValues({ provider_id: 'prov-move', start_at: start + 3_600_000, end_at: start + 5_400_000 }))]);
    const [move] = await desk.push([desk.change('appointments', b, { start_at: start + 600_000, end_at: start + 2_400_000 })]);
    expect(move).toMatchObject({ status: 'rejected', reason: 'slot_taken', conflictsWith: a });
    expect((await desk.push([desk.change('appointments', a, { status: 'cancelled' })]))[0]!.status).toBe('accepted');
    expect((await desk.push([desk.change('appointments', b, { start_at: start + 600_000, end_at: start + 2_400_000 })]))[0]!.status).toBe('accepted');
    const [reactivate] = await desk.push([desk.change('appointments', a, { status: 'booked' })]);
    expect(reactivate).toMatchObject({ status: 'rejected', reason: 'slot_taken', conflictsWith: b });
  });

  it('lets only a manager overbook', async () => {
    const first = appointmentValues({ provider_id: 'prov-ob' });
    await desk.push([desk.change('appointments', uuidv7(), first)]);
    const [byReceptionist] = await desk.push([desk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-ob', overbook: true }))]);
    expect(byReceptionist).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const [byManager] = await desk.push([desk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-ob', overbook: true }), env.staff.manager)]);
    expect(byManager!.status).toBe('accepted');
  });

  it('holds an overbooked slot against a later ordinary booking', async () => {
    // Overbooked claims exclude nothing in the claims table's constraint; the check must still find them.
    const overbooked = uuidv7();
    const [first] = await desk.push([desk.change('appointments', overbooked, appointmentValues({ provider_id: 'prov-ob-only', overbook: true }), env.staff.manager)]);
    expect(first!.status).toBe('accepted');
    const [later] = await desk.push([desk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-ob-only' }))]);
    expect(later).toMatchObject({ status: 'rejected', reason: 'slot_taken', conflictsWith: overbooked });
  });

  it('refuses a clock more than 5 minutes ahead with clock_drift, and accepts it once fixed', async () => {
    const ahead = formatHlc({ millis: Date.now() + 10 * 60_000, counter: 0, node: desk.nodeId });
    const row = uuidv7();
    const values = appointmentValues({ provider_id: 'prov-drift' });
    const [drifted] = await desk.push([{ id: uuidv7(), table: 'appointments', row, values, hlc: Object.fromEntries(Object.keys(values).map((k) => [k, ahead])), staffUserId: env.staff.receptionist }]);
    expect(drifted).toMatchObject({ status: 'rejected', reason: 'clock_drift' });
    expect((drifted as { message: string }).message).toMatch(/minutes ahead/);
    expect((await desk.push([desk.change('appointments', row, values)]))[0]!.status).toBe('accepted');
  });

  it('enforces roles on the server: a receptionist cannot change templates, a kiosk can only check in', async () => {
    const [template] = await desk.push([desk.change('schedule_templates', uuidv7(), { provider_id: 'p', location_id: 'l', weekday: 1, start: '09:00', end: '17:00' })]);
    expect(template).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const [byManager] = await desk.push([desk.change('schedule_templates', uuidv7(), { provider_id: 'p', location_id: 'l', weekday: 1, start: '09:00', end: '17:00' }, env.staff.manager)]);
    expect(byManager!.status).toBe('accepted');

    const kiosk = await env.enroll('kiosk');
    const appt = uuidv7();
    await desk.push([desk.change('appointments', appt, appointmentValues({ provider_id: 'prov-kiosk' }))]);
    expect((await kiosk.push([kiosk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-k2' }), null)]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect((await kiosk.push([kiosk.change('appointments', appt, { status: 'cancelled' }, null)]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect((await kiosk.push([kiosk.change('patients', uuidv7(), { first_name: 'A', last_name: 'B', date_of_birth: '2000-01-01' }, null)]))[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect((await kiosk.push([kiosk.change('appointments', appt, { status: 'checked_in' }, null)]))[0]!.status).toBe('accepted');
  });

  it('answers bad changes with invalid or unknown_table, in request order, without partial writes', async () => {
    const good = desk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-order' }));
    const results = await desk.push([
      desk.change('no_such_table', uuidv7(), { a: 1 }),
      desk.change('appointments', uuidv7(), { ...appointmentValues(), secret_column: 1 }),
      desk.change('appointments', uuidv7(), appointmentValues({ start_at: 'nine o\'clock' })),
      desk.change('appointments', uuidv7(), { notes: 'missing required columns' }),
      { id: 'not-a-uuid', table: 'appointments' } as never,
      good,
    ]);
    expect(results.map((r) => [r.status, r.status === 'rejected' ? r.reason : ''])).toEqual([
      ['rejected', 'unknown_table'], ['rejected', 'invalid'], ['rejected', 'invalid'], ['rejected', 'invalid'], ['rejected', 'invalid'], ['accepted', ''],
    ]);
    expect(results[5]!.id).toBe(good.id);
  });

  it('answers malformed and oversized requests with a clear 4xx', async () => {
    const bad = await post('/v1/changes', '{"changes": [', desk.token);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/not valid JSON/);
    expect((await post('/v1/changes', JSON.stringify({ changes: 'x' }), desk.token)).status).toBe(400);
    const tooMany = await post('/v1/changes', JSON.stringify({ changes: Array.from({ length: 1001 }, () => ({})) }), desk.token);
    expect(tooMany.status).toBe(413);
    const huge = await post('/v1/changes', JSON.stringify({ changes: [{ notes: 'x'.repeat(6 * 1024 * 1024) }] }), desk.token);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { message: string }).message).toMatch(/larger than 5 MB/);
    expect((await fetch(`${env.url}/health`)).status).toBe(200);
  });
});

describe('pull over Electric shapes', () => {
  it('serves rows with their per-column HLC map to ShapeStream, then live updates', async () => {
    const id = uuidv7();
    await desk.push([desk.change('appointments', id, appointmentValues({ provider_id: 'prov-shape', notes: 'first' }))]);
    const controller = new AbortController();
    const stream = new ShapeStream<Row>({
      url: `${env.url}/v1/shape`, params: { table: 'appointments' }, headers: { authorization: `Bearer ${desk.token}` },
      signal: controller.signal, parser: { int8: (v: string) => Number(v) },
    });
    const seen = new Map<string, Row>();
    let upToDate = 0;
    const gotLiveUpdate = new Promise<void>((resolve) => {
      stream.subscribe((messages: Message<Row>[]) => {
        for (const m of messages) {
          if ('key' in m) seen.set(String(m.value.id), { ...seen.get(String(m.value.id)), ...m.value });
          else if (m.headers.control === 'up-to-date') upToDate++;
        }
        if (seen.get(id)?.notes === 'second') resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(upToDate).toBeGreaterThan(0);
    expect(seen.get(id)).toMatchObject({ notes: 'first', provider_id: 'prov-shape', overbook: false, start_at: expect.any(Number) });
    expect(Object.keys(seen.get(id)!.hlc as object)).toContain('notes');
    await desk.push([desk.change('appointments', id, { notes: 'second' })]);
    await gotLiveUpdate;
    controller.abort();
  });

  it('answers a stale handle with 409 must-refetch and the current handle', async () => {
    const res = await fetch(`${env.url}/v1/shape?table=appointments&offset=3_0&handle=appointments-stale`, { headers: { authorization: `Bearer ${desk.token}` } });
    expect(res.status).toBe(409);
    expect(res.headers.get('electric-handle')).toBe(`appointments-${env.server.identity.epoch}`);
    expect(await res.json()).toEqual([{ headers: { control: 'must-refetch' } }]);
  });

  it('serves each device its own rejections, and keeps patients away from kiosks', async () => {
    const taken = appointmentValues({ provider_id: 'prov-rej' });
    await desk.push([desk.change('appointments', uuidv7(), taken)]);
    const loser = await env.enroll('front_desk');
    const [rejected] = await loser.push([loser.change('appointments', uuidv7(), appointmentValues({ provider_id: 'prov-rej' }))]);
    const get = (device: TestDevice, table: string) => fetch(`${env.url}/v1/shape?table=${table}&offset=-1`, { headers: { authorization: `Bearer ${device.token}` } });
    const mine = (await (await get(loser, 'rejections')).json()) as { value?: { id: string; reason: string } }[];
    expect(mine.filter((m) => m.value).map((m) => [m.value!.id, m.value!.reason])).toEqual([[rejected!.id, 'slot_taken']]);
    const theirs = (await (await get(desk, 'rejections')).json()) as { value?: { id: string } }[];
    expect(theirs.some((m) => m.value?.id === rejected!.id)).toBe(false);
    const kiosk = await env.enroll('kiosk');
    expect((await get(kiosk, 'patients')).status).toBe(403);
    expect((await get(kiosk, 'appointments')).status).toBe(403);
  });
});

describe('health and metrics', () => {
  it('reports the store and its durability, and counts requests and answers', async () => {
    expect(await (await fetch(`${env.url}/health`)).json()).toMatchObject({ status: 'ok', store: 'pglite', durability: 'volatile' });
    const text = await (await fetch(`${env.url}/metrics`)).text();
    expect(text).toMatch(/frontdesk_changes_accepted_total \d+/);
    expect(text).toMatch(/frontdesk_changes_rejected_total\{reason="slot_taken"\} \d+/);
    expect(text).toMatch(/frontdesk_http_request_duration_seconds_bucket/);
    expect(text).toMatch(/frontdesk_http_requests_total\{route="\/v1\/changes",status="200"\}/);
  });
});
