// Reading and writing replicated rows in PostgreSQL/PGlite, a whole batch per statement part:
// on loopback every statement costs a socket write that runs PostgreSQL's receive path in
// this process, so statements, not rows, are what a push pays for. Table and column names
// come only from the registry (the allow-list), values only as parameters.
import type { ColumnValues } from '../../db/crdt/merge';
import { tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import type { Statement } from '../store/statement';
import { baseOf } from './publish';

export type PgRow = Record<string, unknown>;

const q = (name: string) => `"${name}"`;

/** The columns a row is read with: named, not `*`, so a column added by a newer instance's migration does not break this one's prepared statements. */
const readColumns = new Map<ReplicatedTableName, string>();
function readColumnsOf(table: ReplicatedTableName): string {
  let columns = readColumns.get(table);
  if (!columns) {
    const spec = tableSpecs[table];
    columns = ['id', 'org_id', 'hlc', ...spec.columns.filter((c) => spec.writable.has(c.name)).map((c) => c.name)].map(q).join(', ');
    readColumns.set(table, columns);
  }
  return columns;
}

/**
 * A sub-select locking the rows of `table` whose ids are in `ids`, in id order (two batches
 * locking the same rows in the same order wait for each other instead of deadlocking; the
 * publisher stamps rows in that order too), as one JSON array.
 */
export function lockRowsSql(st: Statement, table: ReplicatedTableName, ids: string[]): string {
  return `(select coalesce(json_agg(r), '[]') from (select ${readColumnsOf(table)} from ${q(table)} where id = any(${st.param(ids, 'text[]')}) order by id for update) as r)`;
}

export interface RowWrite {
  id: string;
  orgId: string;
  values: ColumnValues;
  hlc: HlcMap;
  /** Columns to write: every column the row was created with, or the ones changes won. */
  columns: string[];
  /** In a numbered batch, the place of the newest change to the row: its number is the organization's base plus this (publish.ts setAsideSql). */
  place?: number;
}

/**
 * New rows in one insert per column set (columns a change leaves out keep their defaults),
 * changed rows in one update per set of won columns, as data-modifying CTEs of one statement.
 * jsonb_populate_recordset turns each JSON record into the table's own row type, so every
 * value is cast by its column.
 */
export function writeRowsSql(st: Statement, table: ReplicatedTableName, inserts: RowWrite[], updates: RowWrite[]): string[] {
  const writable = tableSpecs[table].writable;
  const parts: string[] = [];
  for (const group of groupByColumns(inserts)) {
    const names = ['id', 'org_id', 'hlc', ...bookkeeping(group), ...group.columns.filter((c) => writable.has(c))];
    parts.push(`insert into ${q(table)} (${names.map(q).join(', ')})
       select ${names.map(value).join(', ')} from jsonb_populate_recordset(null::${q(table)}, ${st.param(JSON.stringify(group.rows.map((r) => record(r, names))), 'jsonb')}) as x`);
  }
  for (const group of groupByColumns(updates)) {
    const names = ['hlc', ...bookkeeping(group), ...group.columns.filter((c) => writable.has(c))];
    parts.push(`update ${q(table)} t set ${names.map((n) => `${q(n)} = ${value(n)}`).join(', ')}
         from jsonb_populate_recordset(null::${q(table)}, ${st.param(JSON.stringify(group.rows.map((r) => record(r, ['id', 'org_id', ...names]))), 'jsonb')}) as x where t.id = x.id`);
  }
  return parts;
}

const bookkeeping = (group: { numbered: boolean }) => (group.numbered ? ['server_seq'] : []);

/** A column's value from record x; server_seq carries the row's place, so it becomes base + place. */
const value = (name: string) => (name === 'server_seq' ? `${baseOf('x.org_id')} + x.${q(name)}` : `x.${q(name)}`);

function record(row: RowWrite, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = n === 'id' ? row.id : n === 'org_id' ? row.orgId : n === 'hlc' ? row.hlc : n === 'server_seq' ? row.place : row.values[n] ?? null;
  return out;
}

function groupByColumns(rows: RowWrite[]): { columns: string[]; numbered: boolean; rows: RowWrite[] }[] {
  const groups = new Map<string, { columns: string[]; numbered: boolean; rows: RowWrite[] }>();
  for (const row of rows) {
    const columns = [...row.columns].sort();
    const numbered = row.place !== undefined;
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
