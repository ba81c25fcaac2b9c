// Reading and writing replicated rows in PostgreSQL/PGlite. Table and column names come
// only from the registry (the allow-list), values only as parameters.
import type { ColumnValues } from '../../db/crdt/merge';
import { tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import type { Sql } from '../store/server-db';

export type PgRow = Record<string, unknown>;

const q = (name: string) => `"${name}"`;

function param(kind: string, index: number): string {
  return kind === 'json' ? `$${index}::jsonb` : `$${index}`;
}

function encode(kind: string, value: unknown): unknown {
  return kind === 'json' && value !== null && value !== undefined ? JSON.stringify(value) : value ?? null;
}

export async function lockRow(tx: Sql, table: ReplicatedTableName, id: string): Promise<PgRow | undefined> {
  const { rows } = await tx.query<PgRow>(`select * from ${q(table)} where id = $1 for update`, [id]);
  return rows[0];
}

export async function insertRow(tx: Sql, table: ReplicatedTableName, id: string, orgId: string, values: ColumnValues, hlc: HlcMap): Promise<void> {
  const spec = tableSpecs[table];
  const kinds = new Map(spec.columns.map((c) => [c.name, c.kind]));
  const columns = Object.keys(values).filter((c) => spec.writable.has(c));
  const names = ['id', 'org_id', 'hlc', ...columns];
  const placeholders = ['$1', '$2', '$3::jsonb', ...columns.map((c, i) => param(kinds.get(c)!, i + 4))];
  await tx.query(`insert into ${q(table)} (${names.map(q).join(', ')}) values (${placeholders.join(', ')})`,
    [id, orgId, JSON.stringify(hlc), ...columns.map((c) => encode(kinds.get(c)!, values[c]))]);
}

export async function updateRow(tx: Sql, table: ReplicatedTableName, id: string, values: ColumnValues, columns: string[], hlc: HlcMap): Promise<void> {
  const kinds = new Map(tableSpecs[table].columns.map((c) => [c.name, c.kind]));
  const sets = columns.map((c, i) => `${q(c)} = ${param(kinds.get(c)!, i + 3)}`);
  await tx.query(`update ${q(table)} set hlc = $2::jsonb${sets.length ? ', ' + sets.join(', ') : ''} where id = $1`,
    [id, JSON.stringify(hlc), ...columns.map((c) => encode(kinds.get(c)!, values[c]))]);
}

/** The replicated part of a stored row, as merge sees it. */
export function rowState(table: ReplicatedTableName, row: PgRow): { values: ColumnValues; hlc: HlcMap } {
  const spec = tableSpecs[table];
  const values: ColumnValues = {};
  for (const c of spec.columns) if (spec.writable.has(c.name)) values[c.name] = row[c.name];
  return { values, hlc: (row.hlc ?? {}) as HlcMap };
}
