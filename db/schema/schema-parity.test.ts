// The device (SQLite) and the server (PostgreSQL) must agree on every replicated table and
// column, or a change would be accepted on one side and lost on the other. Checked on real
// databases built by the committed migrations, not on the TypeScript definitions.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { sqliteMigrationsFolder } from '../../main/store/migrate';
import { openPglite } from '../../sync-server/store/open-pglite';
import { replicatedTableNames, tableSpecs } from './registry';

const deviceOnly = ['outbox', 'sync_rejections', 'sync_shapes', 'device_meta'];
const serverOnly = ['devices', 'pairing_codes', 'change_log', 'org_sequences', 'server_meta', 'jobs', 'claims', 'deliveries', 'patient_answers', 'waitlist_offers', 'watched_slots'];

let sqlite: Database.Database;
let pg: PGlite;
beforeAll(async () => {
  sqlite = new Database(':memory:');
  migrate(drizzle(sqlite), { migrationsFolder: sqliteMigrationsFolder });
  pg = await openPglite();
});
afterAll(async () => {
  sqlite.close();
  await pg.close();
});

async function pgColumns(): Promise<Map<string, Map<string, boolean>>> {
  const { rows } = await pg.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'`);
  const tables = new Map<string, Map<string, boolean>>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
    tables.get(r.table_name)!.set(r.column_name, r.is_nullable === 'NO');
  }
  return tables;
}

function sqliteColumns(): Map<string, Map<string, boolean>> {
  const names = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[];
  return new Map(names.map(({ name }) => [name, new Map((sqlite.prepare(`select name, "notnull" from pragma_table_info(?)`).all(name) as { name: string; notnull: number }[]).map((c) => [c.name, c.notnull === 1 || c.name === 'id'] as const))]));
  // (SQLite reports a TEXT PRIMARY KEY as nullable, a historical quirk; PostgreSQL does not.)
}

describe('device and server schemas', () => {
  it('have the same replicated tables with the same columns and nullability', async () => {
    const server = await pgColumns();
    const device = sqliteColumns();
    for (const table of replicatedTableNames) {
      expect(Object.fromEntries(device.get(table) ?? []), table).toEqual(Object.fromEntries(server.get(table) ?? []));
      expect([...device.get(table)!.keys()].sort(), table).toEqual(tableSpecs[table].columns.map((c) => c.name).sort());
    }
  });

  it('differ only by the bookkeeping tables each side owns', async () => {
    const server = [...(await pgColumns()).keys()].sort();
    const device = [...sqliteColumns().keys()].sort();
    expect(server).toEqual([...replicatedTableNames, ...serverOnly].sort());
    expect(device).toEqual([...replicatedTableNames, ...deviceOnly].sort());
  });

  it('enforce the slot-claim exclusion constraint on the server', async () => {
    await pg.query(`insert into claims (appointment_id, org_id, kind, key, during) values ('a1', 'o', 'provider', 'p1', int8range(0, 100))`);
    await pg.query(`insert into claims (appointment_id, org_id, kind, key, during) values ('a2', 'o', 'provider', 'p1', int8range(100, 200))`);
    await expect(pg.query(`insert into claims (appointment_id, org_id, kind, key, during) values ('a3', 'o', 'provider', 'p1', int8range(50, 150))`))
      .rejects.toMatchObject({ code: '23P01' });
    // Non-exclusive (manager overbook) claims may overlap.
    await pg.query(`insert into claims (appointment_id, org_id, kind, key, during, exclusive) values ('a4', 'o', 'provider', 'p1', int8range(50, 150), false)`);
  });
});
