// DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite in the data folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgliteServerDb } from './open-pglite';
import { openPostgresServerDb } from './open-postgres';
import type { ServerDb } from './server-db';

export function serverDataDir(flag?: string): string {
  return flag ?? process.env.FRONTDESK_SERVER_DATA ?? join(process.cwd(), '.data', 'server');
}

export async function openServerStore(dataDir: string, databaseUrl = process.env.DATABASE_URL): Promise<ServerDb> {
  if (databaseUrl) return openPostgresServerDb(databaseUrl);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return openPgliteServerDb(join(dataDir, 'pglite'));
}
