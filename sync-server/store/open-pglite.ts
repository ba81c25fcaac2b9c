// The embedded server store: PGlite (PostgreSQL in wasm) on disk, with btree_gist for the
// claims exclusion constraint. The extension must be passed at every open, not just the
// first: reopening without it breaks inserts into the claims table (PROBES.md).
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

export const pgMigrationsFolder = fileURLToPath(new URL('../../db/migrations/pg', import.meta.url));

/** dataDir undefined: in memory (tests). */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  const pg = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, { extensions: { btree_gist } });
  await migrate(drizzle(pg), { migrationsFolder: pgMigrationsFolder });
  return pg;
}
