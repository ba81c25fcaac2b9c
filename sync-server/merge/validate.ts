// A pushed change is checked against the registry before anything touches the database:
// unknown tables and columns, and values of the wrong type, never reach SQL.
import { tableSpecs, isReplicatedTable, type ReplicatedTableName } from '../../db/schema/registry';
import type { Change } from '../../db/crdt/change';

export type Validation = { ok: true; table: ReplicatedTableName } | { ok: false; reason: 'unknown_table' | 'invalid'; message: string };

export function validateChange(change: Change): Validation {
  if (!isReplicatedTable(change.table)) return { ok: false, reason: 'unknown_table', message: `There is no table "${change.table}".` };
  const spec = tableSpecs[change.table];
  const kinds = new Map(spec.columns.map((c) => [c.name, c]));
  for (const [column, value] of Object.entries(change.values)) {
    if (!spec.writable.has(column)) return { ok: false, reason: 'invalid', message: `Table ${change.table} has no column "${column}" that a change may set.` };
    const c = kinds.get(column)!;
    if (value === null) {
      if (c.notNull) return { ok: false, reason: 'invalid', message: `${change.table}.${column} cannot be empty.` };
      continue;
    }
    const fits =
      c.kind === 'text' ? typeof value === 'string' && value.length <= 10_000
        : c.kind === 'integer' ? Number.isSafeInteger(value)
          : c.kind === 'boolean' ? typeof value === 'boolean'
            : typeof value === 'object';
    if (!fits) return { ok: false, reason: 'invalid', message: `${change.table}.${column} must be ${article(c.kind)}, not ${JSON.stringify(value)?.slice(0, 40)}.` };
  }
  return { ok: true, table: change.table };
}

function article(kind: string): string {
  return kind === 'integer' ? 'an integer' : kind === 'json' ? 'a list or an object' : `a ${kind}`;
}
