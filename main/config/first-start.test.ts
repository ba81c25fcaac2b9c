// A pre-configured machine enrolls itself against a real sync server on first start.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { openTempStore, type TempStore } from '../store/testing/temp-store';
import { savedEnrollment } from '../sync/enroll';
import { enrollFromMachineConfig } from './first-start';
import { parseMachineConfig } from './machine-config';

let env: RunningServer;
let temps: TempStore[] = [];
beforeAll(async () => {
  env = await startTestServer();
});
afterAll(async () => env?.close());
afterEach(() => {
  for (const t of temps) t.cleanup();
  temps = [];
});

async function freshDevice(): Promise<TempStore> {
  const temp = await openTempStore();
  temps.push(temp);
  return temp;
}

describe('first start with a machine configuration', () => {
  it('enrolls with the configured pairing code once, then recognises itself', async () => {
    const { code } = await env.server.createPairingCode(env.orgId, 'kiosk');
    const config = parseMachineConfig({ serverUrl: env.url, location: 'Main Street', deviceRole: 'kiosk', pairingCode: code }, 'config.json');
    const temp = await freshDevice();

    expect(await enrollFromMachineConfig(temp.store, config, { hostname: () => 'KIOSK-01' })).toEqual({ status: 'enrolled', url: env.url });
    expect(savedEnrollment(temp.store)?.url).toBe(env.url);
    const { rows } = await env.server.db.query<{ name: string; role: string }>('select name, role from devices where org_id = $1 and name like $2', [env.orgId, 'Main Street%']);
    expect(rows).toEqual([{ name: 'Main Street kiosk (KIOSK-01)', role: 'kiosk' }]);
    expect(temp.store.meta('device_role')).toBe('kiosk');

    // The code is spent; a restart must not try it again.
    expect(await enrollFromMachineConfig(temp.store, config)).toEqual({ status: 'already_enrolled', url: env.url });
  });

  it('explains a spent or wrong code instead of failing silently', async () => {
    const config = parseMachineConfig({ serverUrl: env.url, deviceRole: 'front_desk', pairingCode: 'WRONG-CODE' }, 'config.json');
    const outcome = await enrollFromMachineConfig((await freshDevice()).store, config);
    expect(outcome).toMatchObject({ status: 'enrollment_failed', message: expect.stringMatching(/pairing code.*Ask a manager for a new code/s) });
  });

  it('asks for pairing when no code is configured', async () => {
    const config = parseMachineConfig({ serverUrl: env.url, deviceRole: 'manager' }, 'config.json');
    expect(await enrollFromMachineConfig((await freshDevice()).store, config)).toMatchObject({ status: 'needs_pairing' });
  });

  it('never moves a paired device to another server on its own', async () => {
    const { code } = await env.server.createPairingCode(env.orgId, 'front_desk');
    const temp = await freshDevice();
    await enrollFromMachineConfig(temp.store, parseMachineConfig({ serverUrl: env.url, deviceRole: 'front_desk', pairingCode: code }, 'c'));
    const elsewhere = parseMachineConfig({ serverUrl: 'https://other.clinic.example', deviceRole: 'front_desk', pairingCode: 'ABCD-EFGH' }, 'c');
    expect(await enrollFromMachineConfig(temp.store, elsewhere)).toMatchObject({ status: 'server_mismatch', url: env.url });
    expect(savedEnrollment(temp.store)?.url).toBe(env.url);
  });
});
