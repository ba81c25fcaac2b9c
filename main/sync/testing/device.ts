// A real device for tests: encrypted SQLite store, enrolled with a real server, syncing over HTTP.
import type { DeviceRole } from '../../../sync-server/auth/devices';
import type { RunningServer } from '../../../sync-server/testing/harness';
import { openTempStore, type TempStore } from '../../store/testing/temp-store';
import type { LocalStore } from '../../store/local-store';
import { enrollDevice, savedEnrollment } from '../enroll';
import { SyncClient } from '../sync-client';

/** A server that hands out pairing codes itself (a server in a child process, ChildServer). */
export interface PairingSource {
  url: string;
  createPairingCode(role: DeviceRole): Promise<{ code: string }>;
}

export interface DeskOptions {
  /** This computer's clock (default Date.now); read on every call, so a test can set it right before restart(). */
  now?: () => number;
}

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

function pairingCode(source: Pick<RunningServer, 'url' | 'server' | 'orgId'> | PairingSource, role: DeviceRole): Promise<{ code: string }> {
  return 'server' in source ? source.server.createPairingCode(source.orgId, role) : source.createPairingCode(role);
}

export async function startDesk(env: Pick<RunningServer, 'url' | 'server' | 'orgId'> | PairingSource, role: DeviceRole = 'front_desk', url = env.url, options: DeskOptions = {}): Promise<TestDesk> {
  const temp = await openTempStore({ now: options.now });
  const { code } = await pairingCode(env, role);
  await enrollDevice(temp.store, url, code, `test ${role}`);
  await temp.reopen();
  const clientFor = (store: LocalStore) => new SyncClient(store, { ...savedEnrollment(store)!, idlePushIntervalMs: 200, now: options.now });
  const desk: TestDesk = {
    temp,
    store: temp.store,
    client: clientFor(temp.store),
    goOnline: () => desk.client.start(),
    goOffline: () => desk.client.stop(),
    async restart() {
      await desk.client.stop();
      desk.store = await temp.reopen();
      desk.client = clientFor(desk.store);
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
