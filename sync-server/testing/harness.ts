// Real sync servers for tests: PGlite in memory (or PostgreSQL), real HTTP on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Change, ChangeResult } from '../../db/crdt/change';
import { HybridClock } from '../../db/crdt/hlc';
import { stampChange } from '../../db/crdt/merge';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../app';
import { systemChanges } from '../bootstrap';
import type { DeviceRole } from '../auth/devices';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';

export interface RunningServer {
  server: SyncServer;
  url: string;
  orgId: string;
  staff: Record<'receptionist' | 'manager' | 'nurse', string>;
  enroll(role?: DeviceRole, name?: string): Promise<TestDevice>;
  close(): Promise<void>;
}

export interface TestDevice {
  deviceId: string;
  nodeId: string;
  token: string;
  clock: HybridClock;
  change(table: string, row: string, values: Record<string, unknown>, staffUserId?: string | null): Change;
  push(changes: Change[]): Promise<ChangeResult[]>;
}

export async function startTestServer(options: Partial<SyncServerOptions> & { db?: ServerDb } = {}): Promise<RunningServer> {
  const db = options.db ?? (await openPgliteServerDb());
  const server = await createSyncServer({ liveTimeoutMs: 2_000, ...options, db });
  const url = await server.listen(0);
  const orgId = await server.ensureOrganization('Test Clinic');
  const staff = { receptionist: uuidv7(), manager: uuidv7(), nurse: uuidv7() };
  const results = await server.writeAsSystem(orgId, systemChanges('staff_users', Object.entries(staff).map(([role, id]) => ({
    id, name: `Test ${role}`, role, secret_hash: 'not-used-here', active: true, deleted: false,
  })), () => server.clock.now()));
  if (results.some((r) => r.status !== 'accepted')) throw new Error(`staff seeding failed: ${JSON.stringify(results)}`);

  return {
    server, url, orgId, staff,
    async enroll(role = 'front_desk', name = `desk-${randomBytes(2).toString('hex')}`) {
      const { code } = await server.createPairingCode(orgId, role);
      const res = await fetch(`${url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
      if (!res.ok) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { deviceId: string; nodeId: string; token: string };
      return deviceFor(url, body, staff.receptionist);
    },
    async close() {
      await server.close();
      if (!options.db) await db.close();
    },
  };
}

export function deviceFor(url: string, enrolled: { deviceId: string; nodeId: string; token: string }, defaultStaff: string | null, now: () => number = Date.now): TestDevice {
  const clock = new HybridClock(enrolled.nodeId, now);
  return {
    ...enrolled,
    clock,
    change(table, row, values, staffUserId = defaultStaff) {
      const stamped = stampChange(values, clock.now());
      return { id: uuidv7(), table, row, values: stamped.values, hlc: stamped.hlc, staffUserId };
    },
    async push(changes) {
      const res = await fetch(`${url}/v1/changes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` }, body: JSON.stringify({ changes }) });
      if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { results: ChangeResult[] }).results;
    },
  };
}

const MIN = 60_000;
let codeCounter = 0;

/** A valid new appointment's columns; override what the test is about. */
export function appointmentValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const start = Date.UTC(2026, 11, 2, 15, 0);
  return {
    location_id: 'loc-1', provider_id: 'prov-1', service_id: 'svc-1', patient_id: `pat-${uuidv7()}`,
    resource_ids: [], start_at: start, end_at: start + 30 * MIN, buffer_before_min: 0, buffer_after_min: 0,
    status: 'booked', source_channel: 'desk', overbook: false, confirmation_code: `T${Date.now().toString(36)}${codeCounter++}`.toUpperCase(),
    booked_at: start - 86_400_000, deleted: false, ...overrides,
  };
}
