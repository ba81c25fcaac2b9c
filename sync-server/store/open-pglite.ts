// The embedded server store: PGlite (PostgreSQL in wasm) on disk, with btree_gist for the
// claims exclusion constraint. The extension must be passed at every open, not just the
// first: reopening without it breaks inserts into the claims table (PROBES.md).
import { fileURLToPath } from 'node:url';
import { PGlite, types } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { PUBLISH_CHANNEL, type ServerDb } from './server-db';

export const pgMigrationsFolder = fileURLToPath(new URL('../../db/migrations/pg', import.meta.url));

/** Raw PGlite with migrations applied. dataDir undefined: in memory. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  const pg = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, {
    extensions: { btree_gist },
    parsers: { [types.INT8]: (v: string) => Number(v) },
  });
  await migrate(drizzle(pg), { migrationsFolder: pgMigrationsFolder });
  return pg;
}

/**
 * A backup of a PGlite instance that keeps serving. PGlite's own dumpDataDir() only takes
 * the query mutex, so on its own it could run between two statements of an open
 * transaction. Run inside transaction() instead: that holds the instance's transaction
 * mutex, which every query, exec and transaction waits for, so no other work is in flight
 * and every transaction is either committed or not yet begun. CHECKPOINT then writes every
 * committed page from shared buffers into the data files (it is allowed in a transaction
 * block and needs no transaction id, so this one leaves nothing on disk), and the tar is
 * built synchronously from those files: one instant, which a restore opens with nothing to
 * replay from the WAL. Pushes wait while the tar is built (in memory: seconds for one small
 * clinic's store, which is what the embedded store is for).
 */
export function dumpLivePglite(pg: PGlite): Promise<Blob> {
  return pg.transaction(async (tx) => {
    await tx.exec('CHECKPOINT');
    return pg.dumpDataDir('gzip');
  });
}

export async function openPgliteServerDb(dataDir?: string): Promise<ServerDb> {
  const pg = await openPglite(dataDir);
  return {
    kind: 'pglite',
    durability: dataDir ? 'process-crash-safe' : 'volatile',
    query: (text, params) => pg.query(text, params),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (text, params) => tx.query(text, params) })),
    // LISTEN/NOTIFY as on PostgreSQL: a NOTIFY sent inside a transaction reaches the
    // listener when it commits (merge-batch.ts sends it in the statement that writes).
    onPublished: (listener) => void pg.listen(PUBLISH_CHANNEL, listener).catch((e: unknown) => console.error('Could not listen for publications', e)),
    notifyPublished: async (orgId) => void await pg.query('select pg_notify($1, $2)', [PUBLISH_CHANNEL, orgId]),
    dumpDataDir: () => dumpLivePglite(pg),
    close: () => pg.close(),
  };
}
