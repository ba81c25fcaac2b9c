// Device administration on a real sync server over HTTP: only a manager or admin signed in
// at an enrolled, non-kiosk device may list devices, create pairing codes and revoke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer, type TestDevice } from '../testing/harness';

let env: RunningServer;
let managerDevice: TestDevice;

beforeAll(async () => {
  env = await startTestServer();
  managerDevice = await env.enroll('manager', 'Office laptop');
}, 60_000);
afterAll(() => env.close());

function manage(device: TestDevice, path: string, staffUserId: string | null, body?: unknown) {
  return fetch(`${env.url}/v1/manage/devices${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${device.token}`,
      ...(staffUserId ? { 'x-staff-user-id': staffUserId } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Listed { id: string; name: string; role: string; lastSeenAt: number | null; revokedAt: number | null; isThisDevice: boolean }

describe('device administration on the sync server', () => {
  it('lists the clinic’s devices with when each last synced', async () => {
    const desk = await env.enroll('front_desk', 'Front desk 1');
    const before = Date.now();
    await desk.push([]);
    const res = await manage(managerDevice, '', env.staff.manager);
    expect(res.status).toBe(200);
    const { devices } = (await res.json()) as { devices: Listed[] };
    const listedDesk = devices.find((d) => d.id === desk.deviceId);
    expect(listedDesk).toMatchObject({ name: 'Front desk 1', role: 'front_desk', revokedAt: null, isThisDevice: false });
    expect(listedDesk!.lastSeenAt).toBeGreaterThanOrEqual(before);
    expect(devices.find((d) => d.id === managerDevice.deviceId)).toMatchObject({ isThisDevice: true, lastSeenAt: expect.any(Number) });
  });

  it('creates a pairing code that enrolls a new device with the chosen role', async () => {
    const res = await manage(managerDevice, '/pairing-codes', env.staff.manager, { role: 'kiosk' });
    expect(res.status).toBe(200);
    const { code, expiresAt } = (await res.json()) as { code: string; expiresAt: number };
    expect(expiresAt).toBeGreaterThan(Date.now());
    const enrolled = await fetch(`${env.url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Lobby tablet' }) });
    expect(enrolled.status).toBe(200);
    const { rows } = await env.server.db.query<{ role: string }>('select role from devices where name = $1', ['Lobby tablet']);
    expect(rows).toEqual([{ role: 'kiosk' }]);
  });

  it('refuses a pairing code for an unknown device role', async () => {
    const res = await manage(managerDevice, '/pairing-codes', env.staff.manager, { role: 'superuser' });
    expect(res.status).toBe(400);
  });

  it('revokes a device, whose token is refused from then on', async () => {
    const desk = await env.enroll('front_desk', 'Stolen desk');
    const res = await manage(managerDevice, `/${desk.deviceId}/revoke`, env.staff.manager, {});
    expect(res.status).toBe(200);
    await expect(desk.push([])).rejects.toThrow(/401/);
    expect((await manage(managerDevice, `/${desk.deviceId}/revoke`, env.staff.manager, {})).status).toBe(404);
  });

  it('will not revoke the device the manager is using', async () => {
    const res = await manage(managerDevice, `/${managerDevice.deviceId}/revoke`, env.staff.manager, {});
    expect(res.status).toBe(409);
  });

  it('refuses a receptionist signed in at a front desk, on every route', async () => {
    const desk = await env.enroll('front_desk', 'Reception');
    const victim = await env.enroll('front_desk', 'Victim desk');
    const responses = [
      await manage(desk, '', env.staff.receptionist),
      await manage(desk, '/pairing-codes', env.staff.receptionist, { role: 'manager' }),
      await manage(desk, `/${victim.deviceId}/revoke`, env.staff.receptionist, {}),
    ];
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(((await responses[0]!.json()) as { message: string }).message).toMatch(/receptionist role can't manage devices/);
    await expect(victim.push([])).resolves.toEqual([]);
  });

  it('refuses a nurse, a request naming nobody, an unknown staff id, a kiosk and a missing token', async () => {
    const kiosk = await env.enroll('kiosk', 'Kiosk');
    expect((await manage(managerDevice, '', env.staff.nurse)).status).toBe(403);
    expect((await manage(managerDevice, '', null)).status).toBe(403);
    expect((await manage(managerDevice, '', 'made-up-staff')).status).toBe(403);
    expect((await manage(kiosk, '', env.staff.manager)).status).toBe(403);
    expect((await fetch(`${env.url}/v1/manage/devices`, { headers: { 'x-staff-user-id': env.staff.manager } })).status).toBe(401);
  });

  it("refuses a manager of another clinic, who cannot see or revoke this clinic's devices", async () => {
    const { code } = await env.server.createPairingCode('another-clinic', 'manager');
    const enrolled = (await (await fetch(`${env.url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Other office' }) })).json()) as TestDevice;
    // The staff id is this clinic's manager: the server checks it against the device's own organization.
    expect((await manage(enrolled, '', env.staff.manager)).status).toBe(403);
  });
});
