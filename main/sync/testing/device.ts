// A real device for tests: encrypted SQLite store, enrolled with a real server, syncing over HTTP.
import type { DeviceRole } from '../../../sync-server/auth/devices';
import type { RunningServer } from '../../../sync-server/testing/harness';
import { openTempStore, type TempStore } from '../../store/testing/temp-store';
import type { LocalStore } from '../../store/local-store';
import { enrollDevice, savedEnrollment } from '../enroll';
import { SyncClient } from '../sync-client';

export interface TestDesk {
  temp: TempStore;
  store: LocalStore;
  client: SyncClient;
  /** Connect and sync (start the client); a desk starts offline. */
  goOnline(): void;
  goOffline(): Promise<void>;
  /** Simulate a crash and restart: drop the client, reopen the store from disk. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startDesk(env: RunningServer, role: DeviceRole = 'front_desk', url = env.url): Promise<TestDesk> {
  const temp = await openTempStore();
  const { code } = await env.server.createPairingCode(env.orgId, role);
  await enrollDevice(temp.store, url, code, `test ${role}`);
  await temp.reopen();
  const desk: TestDesk = {
    temp,
    store: temp.store,
    client: new SyncClient(temp.store, { ...savedEnrollment(temp.store)!, idlePushIntervalMs: 200 }),
    goOnline: () => desk.client.start(),
    goOffline: () => desk.client.stop(),
    async restart() {
      await desk.client.stop();
      desk.store = await temp.reopen();
      desk.client = new SyncClient(desk.store, { ...savedEnrollment(desk.store)!, idlePushIntervalMs: 200 });
    },
    async close() {
      await desk.client.stop();
      temp.cleanup();
    },
  };
  return desk;
}

/** Wait until `check` passes, polling; fails with the last error after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export function scheduleOf(store: LocalStore): unknown[] {
  return store.sqlite.prepare('select id, provider_id, patient_id, resource_ids, start_at, end_at, status, notes, deleted from appointments order by id').all();
}
