// First contact with the sync server: trade a manager's pairing code for a device token.
// The token is kept in the encrypted database, whose key is in the OS keychain: one
// secret in the keychain protects both.
import { z } from 'zod';
import type { LocalStore } from '../store/local-store';

const enrolledSchema = z.object({ deviceId: z.string(), nodeId: z.string().regex(/^[0-9a-f]{16}$/), token: z.string().min(20) });

export interface Enrollment {
  url: string;
  token: string;
}

/** Enrolls and records the server's identity for this device; reopen the store afterwards so the clock uses the new node id. */
export async function enrollDevice(store: LocalStore, url: string, code: string, name: string): Promise<Enrollment> {
  const res = await fetch(`${url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new Error(body.message ?? `Enrollment failed (${res.status}).`);
  const enrolled = enrolledSchema.parse(body);
  const set = (k: string, v: string) => store.setMeta(k, v);
  store.sqlite.transaction(() => {
    set('device_id', enrolled.deviceId);
    set('node_id', enrolled.nodeId);
    set('server_url', url);
    set('device_token', enrolled.token);
  })();
  return { url, token: enrolled.token };
}

export function savedEnrollment(store: LocalStore): Enrollment | null {
  const url = store.meta('server_url');
  const token = store.meta('device_token');
  return url && token ? { url, token } : null;
}
