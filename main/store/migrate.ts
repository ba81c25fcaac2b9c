// Forward-only migrations, applied in one transaction at open (drizzle's migrator wraps
// them), after the key: drizzle-kit's own migrate command cannot set an encryption key.
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { schemaTooNew } from './errors';

export const sqliteMigrationsFolder = fileURLToPath(new URL('../../db/migrations/sqlite', import.meta.url));

export function knownSchemaVersion(folder = sqliteMigrationsFolder): number {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export function appliedSchemaVersion(sqlite: Database.Database): number {
  const table = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get();
  if (!table) return 0;
  return (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
}

/** Returns the schema version after migrating; refuses a database from a newer version. */
export function migrateStore(sqlite: Database.Database, file: string, folder = sqliteMigrationsFolder): number {
  const known = knownSchemaVersion(folder);
  const found = appliedSchemaVersion(sqlite);
  if (found > known) throw schemaTooNew(file, found, known);
  if (found < known) migrate(drizzle(sqlite), { migrationsFolder: folder });
  return known;
}
