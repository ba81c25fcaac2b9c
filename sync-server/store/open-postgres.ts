// PostgreSQL for production and for several server instances on one database: instances
// learn about each other's publications through LISTEN/NOTIFY.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { PUBLISH_CHANNEL, type ServerDb } from './server-db';

const migrationsFolder = fileURLToPath(new URL('../../db/migrations/pg', import.meta.url));

const INT8 = 20;
const typeParsers = {
  getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/**
 * Names for the server's statements, so each pooled connection parses a text once and then
 * only plans, binds and runs it: in the short statements of a merge batch, parsing cost
 * PostgreSQL about as much as running them. Texts come from this codebase, but a few are
 * built from column sets (pg-rows.ts), so past MAX_PREPARED distinct texts the rest go
 * unnamed rather than grow every connection's statement cache without bound.
 */
const MAX_PREPARED = 500;
const statementNames = new Map<string, string>();
function named(text: string, values: unknown[] | undefined): pg.QueryConfig {
  // Without values node-postgres sends the simple protocol, which also runs scripts of several statements.
  if (values === undefined) return { text };
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED) {
    name = `fd${statementNames.size}`;
    statementNames.set(text, name);
  }
  return { text, values, ...(name ? { name } : {}) };
}

export async function openPostgresServerDb(connectionString: string, { poolSize = 10 } = {}): Promise<ServerDb> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: typeParsers });
  // Prepared statements keep a plan per connection, and after five runs PostgreSQL may
  // settle on a generic one made without the values: for `id = any($1)` it then chose scans
  // that took ten times as long (measured on the merge batch's row locks). Planning each
  // run with its values is cheap next to that.
  pool.on('connect', (client) => void client.query('set plan_cache_mode = force_custom_plan').catch(() => undefined));
  // An idle pooled connection can die at any time (PostgreSQL restarted, an administrator or
  // a failover ended it); the pool drops it and opens another when needed. Without a
  // listener, node-postgres re-emits that as an unhandled 'error' and the process exits.
  pool.on('error', (e) => console.warn(`PostgreSQL closed an idle connection: ${e.message}`));
  // Two instances starting together must not both run the migrations.
  const migrator = await pool.connect();
  try {
    await migrator.query('select pg_advisory_lock(7204311)');
    await migrate(drizzle(migrator), { migrationsFolder });
  } finally {
    await migrator.query('select pg_advisory_unlock(7204311)').catch(() => undefined);
    migrator.release();
  }

  const listeners: ((orgId: string) => void)[] = [];
  let listener: pg.Client | null = null;
  const ensureListener = async () => {
    if (listener) return;
    listener = new pg.Client({ connectionString, types: typeParsers });
    await listener.connect();
    listener.on('notification', (n) => { if (n.payload) for (const l of listeners) l(n.payload); });
    listener.on('error', () => undefined);
    await listener.query(`listen ${PUBLISH_CHANNEL}`);
  };

  const begun = beganConnections(pool, poolSize);
  return {
    kind: 'postgres',
    durability: 'durable',
    query: async <T,>(text: string, params?: unknown[]) => {
      await begun.spare();
      return (await pool.query(named(text, params))) as unknown as { rows: T[] };
    },
    async transaction(fn) {
      const client = await begun.take();
      try {
        const result = await fn({ query: async <T,>(text: string, params?: unknown[]) => (await client.query(named(text, params))) as unknown as { rows: T[] } });
        await client.query('commit');
        begun.keep(client);
        return result;
      } catch (e) {
        // A connection that cannot even roll back is broken: the pool must not hand it out again.
        const rolledBack = await client.query('rollback').then(() => true, () => false);
        client.release(rolledBack ? undefined : (e as Error));
        throw e;
      }
    },
    onPublished(l) {
      listeners.push(l);
      void ensureListener();
    },
    async notifyPublished(orgId) {
      await pool.query('select pg_notify($1, $2)', [PUBLISH_CHANNEL, orgId]);
    },
    async close() {
      await begun.close();
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/** How long a connection may wait, begun, for the next transaction before it is given back. */
const BEGUN_IDLE_MS = 1_000;

/**
 * Connections inside BEGIN, ready for the next transaction: a merge batch would otherwise
 * spend a round trip on BEGIN before its first real statement, and on a busy server that
 * wait is a tenth of a batch. After a commit, the connection begins again at once (its
 * answer is not waited for) and is kept for the next transaction; unused for a second, it
 * rolls back and returns to the pool. A transaction that has only begun holds no snapshot
 * and no transaction id (READ COMMITTED takes them at its first statement), so the wait
 * costs PostgreSQL nothing; its now() is when it began, so the server's statements pass
 * the server's clock instead. One is kept at most (the merge lane is one), and given back
 * at once when the pool has no other connection to lend.
 */
function beganConnections(pool: pg.Pool, poolSize: number) {
  interface Kept { client: pg.PoolClient; ready: Promise<boolean>; timer: NodeJS.Timeout; lost: Error | null; onError(e: Error): void }
  let kept: Kept | null = null;
  let closed = false;
  /** The kept connection, begun and alive, out of the keeping; null if there is none. */
  const unkeep = async (): Promise<pg.PoolClient | null> => {
    const k = kept;
    kept = null;
    if (!k) return null;
    clearTimeout(k.timer);
    if (!(await k.ready)) return null;
    k.client.off('error', k.onError);
    if (!k.lost) return k.client;
    k.client.release(k.lost);
    return null;
  };
  const giveBack = async (c: pg.PoolClient | null) => {
    if (c) await c.query('rollback').then(() => c.release(), (e: Error) => c.release(e));
  };
  return {
    /** Gives the kept connection back when the pool has no other to lend. */
    async spare(): Promise<void> {
      if (kept && pool.idleCount === 0 && pool.totalCount >= poolSize) await giveBack(await unkeep());
    },
    async take(): Promise<pg.PoolClient> {
      const ready = await unkeep();
      if (ready) return ready;
      const client = await pool.connect();
      try {
        await client.query('begin');
      } catch (e) {
        client.release(e as Error);
        throw e;
      }
      return client;
    },
    keep(client: pg.PoolClient): void {
      if (kept || closed) {
        client.release();
        return;
      }
      const k: Kept = {
        client,
        lost: null,
        // Out of the pool, the connection has no listener but this one: PostgreSQL may end it meanwhile.
        onError: (e) => { k.lost = e; },
        ready: client.query('begin').then(() => true, (e: Error) => {
          client.off('error', k.onError);
          client.release(e);
          return false;
        }),
        timer: setTimeout(() => {
          if (kept === k) void unkeep().then(giveBack);
        }, BEGUN_IDLE_MS),
      };
      client.on('error', k.onError);
      k.timer.unref();
      kept = k;
    },
    async close(): Promise<void> {
      closed = true;
      await giveBack(await unkeep());
    },
  };
}
