// Reading and writing replicated rows in PostgreSQL/PGlite, a whole batch per statement:
// on loopback every statement costs a socket write that runs PostgreSQL's receive path in
// this process, so statements, not rows, are what a push pays for. Table and column names
// come only from the registry (the allow-list), values only as parameters.
import type { ColumnValues } from '../../db/crdt/merge';
import { tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import type { Sql } from '../store/server-db';

export type PgRow = Record<string, unknown>;

const q = (name: string) => `"${name}"`;

/**
 * Lock the rows a batch touches, in id order: two batches locking the same rows in the same
 * order wait for each other instead of deadlocking (the publisher stamps rows in that order too).
 */
export async function lockRows(tx: Sql, table: ReplicatedTableName, ids: string[]): Promise<Map<string, PgRow>> {
  const { rows } = await tx.query<PgRow>(`select * from ${q(table)} where id = any($1::text[]) order by id for update`, [ids]);
  return new Map(rows.map((r) => [r.id as string, r]));
}

export interface RowWrite {
  id: string;
  orgId: string;
  values: ColumnValues;
  hlc: HlcMap;
  /** Columns to write: every column the row was created with, or the ones changes won. */
  columns: string[];
  /** The number of the newest change to the row, when the batch is numbered before it writes (publish.ts). */
  seq?: number;
}

/**
 * New rows in one insert per column set (columns a change leaves out keep their defaults),
 * changed rows in one update per set of won columns. jsonb_populate_recordset turns each
 * JSON record into the table's own row type, so every value is cast by its column.
 */
export async function writeRows(tx: Sql, table: ReplicatedTableName, inserts: RowWrite[], updates: RowWrite[]): Promise<void> {
  const writable = tableSpecs[table].writable;
  for (const group of groupByColumns(inserts)) {
    const names = ['id', 'org_id', 'hlc', ...bookkeeping(group), ...group.columns.filter((c) => writable.has(c))];
    await tx.query(
      `insert into ${q(table)} (${names.map(q).join(', ')})
       select ${names.map((n) => `x.${q(n)}`).join(', ')} from jsonb_populate_recordset(null::${q(table)}, $1::jsonb) as x`,
      [JSON.stringify(group.rows.map((r) => record(r, names)))]);
  }
  for (const group of groupByColumns(updates)) {
    const names = ['hlc', ...bookkeeping(group), ...group.columns.filter((c) => writable.has(c))];
    await tx.query(
      `update ${q(table)} t set ${names.map((n) => `${q(n)} = x.${q(n)}`).join(', ')}
         from jsonb_populate_recordset(null::${q(table)}, $1::jsonb) as x where t.id = x.id`,
      [JSON.stringify(group.rows.map((r) => record(r, ['id', ...names])))]);
  }
}

const bookkeeping = (group: { numbered: boolean }) => (group.numbered ? ['server_seq'] : []);

function record(row: RowWrite, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = n === 'id' ? row.id : n === 'org_id' ? row.orgId : n === 'hlc' ? row.hlc : n === 'server_seq' ? row.seq : row.values[n] ?? null;
  return out;
}

function groupByColumns(rows: RowWrite[]): { columns: string[]; numbered: boolean; rows: RowWrite[] }[] {
  const groups = new Map<string, { columns: string[]; numbered: boolean; rows: RowWrite[] }>();
  for (const row of rows) {
    const columns = [...row.columns].sort();
    const numbered = row.seq !== undefined;
    const key = `${numbered}:${columns.join(',')}`;
    const group = groups.get(key) ?? { columns, numbered, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The replicated part of a stored row, as merge sees it. */
export function rowState(table: ReplicatedTableName, row: PgRow): { values: ColumnValues; hlc: HlcMap } {
  const spec = tableSpecs[table];
  const values: ColumnValues = {};
  for (const c of spec.columns) if (spec.writable.has(c.name)) values[c.name] = row[c.name];
  return { values, hlc: (row.hlc ?? {}) as HlcMap };
}
