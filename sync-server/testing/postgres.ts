// Throwaway PostgreSQL databases for tests and benchmarks, on the local server
// (127.0.0.1:5432, trust auth). Each caller gets its own freshly created database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createSyncServer, type SyncServer } from '../app';
import { openPostgresServerDb } from '../store/open-postgres';
import type { ServerDb } from '../store/server-db';
import { deviceFor, type TestDevice } from './harness';

export const ADMIN_URL = process.env.FRONTDESK_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  /** Ends every connection still open to it, then drops it. */
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>, connectTimeoutMs = 5_000): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when a connection to the local PostgreSQL succeeds and answers within 2 seconds. */
export async function postgresAvailable(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
  const attempt = withAdmin(async (c) => (await c.query('select 1')).rows.length === 1, timeoutMs).catch(() => false);
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function createTestDatabase(prefix = 'frontdesk_test'): Promise<TestDatabase> {
  // Lower-case letters, digits and underscores only: safe to splice into DDL unquoted.
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(async (c) => {
        // A closed pool's connections take a moment to go; end only those that linger.
        const deadline = Date.now() + 2_000;
        const open = async () => (await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0]!.n;
        while ((await open()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
        await c.query(`drop database if exists ${name}`);
      });
    },
  };
}

/** One sync-server instance on its own connection pool to `url`, listening on 127.0.0.1. */
export interface PostgresInstance {
  db: ServerDb;
  server: SyncServer;
  url: string;
  close(): Promise<void>;
}

export async function startPostgresInstance(databaseUrl: string, { poolSize = 10, liveTimeoutMs = 2_000 } = {}): Promise<PostgresInstance> {
  const db = await openPostgresServerDb(databaseUrl, { poolSize });
  const server = await createSyncServer({ db, liveTimeoutMs });
  const url = await server.listen(0, '127.0.0.1');
  return {
    db, server, url,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/** Enroll a front-desk device at `url` with a pairing code from `server`; it acts as `staffId`. */
export async function enrollTestDevice(server: SyncServer, orgId: string, url: string, staffId: string, name = `client-${randomBytes(3).toString('hex')}`): Promise<TestDevice> {
  const { code } = await server.createPairingCode(orgId, 'front_desk');
  const res = await fetch(`${url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
  if (!res.ok) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  return deviceFor(url, (await res.json()) as { deviceId: string; nodeId: string; token: string }, staffId);
}
