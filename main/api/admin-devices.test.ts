// The device side of device administration: a manager's desk asks a real sync server with
// its own enrollment, and says "offline" plainly when the server cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemChanges } from '../../sync-server/bootstrap';
import { startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { openTestDesk, type TestDesk } from './testing/desk';

let env: RunningServer;
let desk: TestDesk;
let manager: string;

beforeAll(async () => {
  [env, desk] = await Promise.all([startTestServer(), openTestDesk()]);
  // The server knows this desk's manager as the replicated staff row it would have synced.
  const staff = [{ id: desk.staffId('manager'), name: 'Desk manager', role: 'manager', secret_hash: 'unused', active: true, deleted: false }];
  const results = await env.server.writeAsSystem(env.orgId, systemChanges('staff_users', staff, () => env.server.clock.now()));
  expect(results[0]).toMatchObject({ status: 'accepted' });
  const enrolled = await env.enroll('manager', 'Manager laptop');
  desk.store.setMeta('server_url', env.url);
  desk.store.setMeta('device_token', enrolled.token);
  manager = await desk.signIn('manager');
}, 120_000);
afterAll(async () => {
  desk.cleanup();
  await env.close();
});

const call = (op: string, input: unknown) => desk.router.invoke(op, input, manager);

describe('device administration from a manager desk', () => {
  it('lists devices, creates a pairing code, and revokes the device it enrolled', async () => {
    const pairing = await call('admin.devices.pairingCode', { role: 'front_desk' });
    expect(pairing).toMatchObject({ ok: true, value: { status: 'online', code: expect.stringMatching(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/) } });
    const code = (pairing as { value: { code: string } }).value.code;
    const enrolled = (await (await fetch(`${env.url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'New front desk' }) })).json()) as { deviceId: string };

    const listed = await call('admin.devices.list', {});
    expect(listed).toMatchObject({ ok: true, value: { status: 'online' } });
    const devices = (listed as { value: { devices: { id: string; name: string; isThisDevice: boolean }[] } }).value.devices;
    expect(devices).toContainEqual(expect.objectContaining({ id: enrolled.deviceId, name: 'New front desk', role: 'front_desk', revokedAt: null }));
    expect(devices).toContainEqual(expect.objectContaining({ name: 'Manager laptop', isThisDevice: true }));

    expect(await call('admin.devices.revoke', { deviceId: enrolled.deviceId })).toMatchObject({ ok: true, value: { status: 'online', revoked: true } });
    expect(await call('admin.devices.revoke', { deviceId: enrolled.deviceId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('passes on the server’s refusal of a staff member it does not know as a manager', async () => {
    const admin = await desk.signIn('admin');
    const result = await desk.router.invoke('admin.devices.list', {}, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/unknown or inactive/) } });
  });

  it('refuses an unknown device role before asking the server', async () => {
    expect(await call('admin.devices.pairingCode', { role: 'root' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('front desk, manager or kiosk') } });
  });

  it('reports offline clearly when the server cannot be reached, and not enrolled before pairing', async () => {
    desk.store.setMeta('server_url', 'http://127.0.0.1:9');
    try {
      for (const [op, input] of [['admin.devices.list', {}], ['admin.devices.pairingCode', { role: 'kiosk' }], ['admin.devices.revoke', { deviceId: 'x' }]] as const) {
        expect(await call(op, input)).toMatchObject({ ok: true, value: { status: 'offline', message: expect.stringContaining('cannot be reached') } });
      }
      desk.store.sqlite.prepare(`delete from device_meta where key = 'device_token'`).run();
      expect(await call('admin.devices.list', {})).toMatchObject({ ok: true, value: { status: 'not_enrolled' } });
    } finally {
      desk.store.setMeta('server_url', env.url);
    }
  });
});
