// Real sync servers for tests: PGlite in memory (or PostgreSQL), real HTTP on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
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
  /** The running server; replaced by restart(). */
  server: SyncServer;
  url: string;
  orgId: string;
  staff: TestStaff;
  enroll(role?: DeviceRole, name?: string): Promise<TestDevice>;
  /** Stop the server and start a new one on the same store and port (devices keep their URL). */
  restart(): Promise<void>;
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

export type TestStaff = Record<'receptionist' | 'manager' | 'nurse', string>;

export interface TestServerOptions extends Partial<SyncServerOptions> {
  db?: ServerDb;
  /** 0 (default): any free port. */
  port?: number;
  /** Called on each new server before it listens (Fastify takes hooks only then). */
  beforeListen?: (app: FastifyInstance) => void;
}

/**
 * The test clinic: one organization and a receptionist, a manager and a nurse. Idempotent,
 * so a server restarted on the same store finds the same ids.
 */
export async function ensureTestClinic(server: SyncServer): Promise<{ orgId: string; staff: TestStaff }> {
  const orgId = await server.ensureOrganization('Test Clinic');
  const roles = ['receptionist', 'manager', 'nurse'] as const;
  const { rows } = await server.db.query<{ id: string; role: string }>(
    `select id, role from staff_users where org_id = $1 and name = 'Test ' || role and not deleted`, [orgId]);
  const found = new Map(rows.map((r) => [r.role, r.id]));
  const missing = roles.filter((role) => !found.has(role)).map((role) => ({
    id: uuidv7(), name: `Test ${role}`, role, secret_hash: 'not-used-here', active: true, deleted: false,
  }));
  if (missing.length > 0) {
    const results = await server.writeAsSystem(orgId, systemChanges('staff_users', missing, () => server.clock.now()));
    if (results.some((r) => r.status !== 'accepted')) throw new Error(`staff seeding failed: ${JSON.stringify(results)}`);
    for (const row of missing) found.set(row.role, row.id);
  }
  return { orgId, staff: Object.fromEntries(roles.map((role) => [role, found.get(role)!])) as TestStaff };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer> {
  const { db: givenDb, port = 0, beforeListen, ...serverOptions } = options;
  const db = givenDb ?? (await openPgliteServerDb());
  const start = async (onPort: number) => {
    const server = await createSyncServer({ liveTimeoutMs: 2_000, ...serverOptions, db });
    beforeListen?.(server.app);
    return { server, url: await server.listen(onPort) };
  };
  const first = await start(port);
  const { orgId, staff } = await ensureTestClinic(first.server);

  const env: RunningServer = {
    server: first.server, url: first.url, orgId, staff,
    async enroll(role = 'front_desk', name = `desk-${randomBytes(2).toString('hex')}`) {
      const { code } = await env.server.createPairingCode(orgId, role);
      const res = await fetch(`${env.url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
      if (!res.ok) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { deviceId: string; nodeId: string; token: string };
      return deviceFor(env.url, body, staff.receptionist);
    },
    async restart() {
      await env.server.close();
      const next = await start(Number(new URL(env.url).port));
      env.server = next.server;
    },
    async close() {
      await env.server.close();
      if (!givenDb) await db.close();
    },
  };
  return env;
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
