// Writes merged rows to SQLite. Shared by the local write path and the remote applier so
// there is one place that turns column names (always from the registry's allow-list,
// never from input) into SQL.
import type Database from 'better-sqlite3';
import type { ColumnValues } from '../../db/crdt/merge';
import type { TableSpec } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import { decodeRow, encodeValue, type Row } from './codec';

const quote = (name: string) => `"${name}"`;

export class RowWriter {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly sqlite: Database.Database) {}

  read(spec: TableSpec, id: string): Row | undefined {
    const raw = this.statement(`select * from ${quote(spec.name)} where id = ?`).get(id) as Row | undefined;
    return raw && decodeRow(spec, raw);
  }

  /** A new row: columns no change has set yet take the schema's defaults. */
  insert(spec: TableSpec, values: ColumnValues, hlc: HlcMap, serverSeq: number | null = null): void {
    const columns = Object.keys(values).filter((c) => spec.writable.has(c) || c === 'id' || c === 'org_id');
    const all = [...columns, 'hlc', 'server_seq'];
    const kinds = kindsOf(spec);
    this.statement(`insert into ${quote(spec.name)} (${all.map(quote).join(', ')}) values (${all.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => encodeValue(kinds.get(c)!, values[c])), JSON.stringify(hlc), serverSeq);
  }

  /** Only the columns a merge changed, plus the row's timestamps. */
  update(spec: TableSpec, id: string, values: ColumnValues, columns: string[], hlc: HlcMap, serverSeq?: number | null): void {
    const kinds = kindsOf(spec);
    const sets = columns.map((c) => `${quote(c)} = ?`);
    const params = columns.map((c) => encodeValue(kinds.get(c)!, values[c]));
    sets.push('hlc = ?');
    params.push(JSON.stringify(hlc));
    if (serverSeq !== undefined) {
      sets.push('server_seq = ?');
      params.push(serverSeq);
    }
    this.statement(`update ${quote(spec.name)} set ${sets.join(', ')} where id = ?`).run(...params, id);
  }

  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}

const kindCache = new WeakMap<TableSpec, Map<string, string>>();
function kindsOf(spec: TableSpec): Map<string, string> {
  let kinds = kindCache.get(spec);
  if (!kinds) {
    kinds = new Map(spec.columns.map((c) => [c.name, c.kind]));
    kindCache.set(spec, kinds);
  }
  return kinds;
}

/** The replicated part of a stored row, as merge sees it. */
export function rowState(spec: TableSpec, row: Row): { values: ColumnValues; hlc: HlcMap } {
  const values: ColumnValues = {};
  for (const c of spec.columns) if (spec.writable.has(c.name)) values[c.name] = row[c.name];
  return { values, hlc: (row.hlc ?? {}) as HlcMap };
}
