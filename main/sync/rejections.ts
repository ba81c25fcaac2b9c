// A change the server refused leaves the outbox; the row goes back to the server's state
// (the values the change overwrote, kept in the outbox entry), and a sync_rejections
// record tells the receptionist what happened. Nothing is dropped silently.
import type { ChangeResult } from '../../db/crdt/change';
import { tableSpecs, isReplicatedTable } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import type { LocalStore } from '../store/local-store';
import { RowWriter } from '../store/row-writer';

export type Rejected = Extract<ChangeResult, { status: 'rejected' }> & {
  /** Known when the notice came from the rejection shape rather than a push answer. */
  tableName?: string;
  rowId?: string;
};

interface OutboxEntry {
  seq: number;
  change_id: string;
  table_name: string;
  row_id: string;
  values: string;
  hlc: string;
  previous: string | null;
}

export function applyRejection(store: LocalStore, rejection: Rejected, now: number): void {
  const { sqlite } = store;
  sqlite.transaction(() => {
    const entry = sqlite.prepare('select seq, change_id, table_name, row_id, "values", hlc, previous from outbox where change_id = ?').get(rejection.id) as OutboxEntry | undefined;
    if (!entry) {
      // Already handled (the push answer and the rejection shape both report it).
      recordRejection(store, rejection, null, now);
      return;
    }
    sqlite.prepare('delete from outbox where change_id = ?').run(entry.change_id);
    recordRejection(store, rejection, entry, now);
    if (!isReplicatedTable(entry.table_name)) return;
    const spec = tableSpecs[entry.table_name];
    const writer = new RowWriter(sqlite);
    const current = writer.read(spec, entry.row_id);
    if (!current) return;
    const changeHlc = JSON.parse(entry.hlc) as HlcMap;
    const previous = entry.previous ? (JSON.parse(entry.previous) as { values: Record<string, unknown>; hlc: HlcMap }) : null;

    if (!previous && current.server_seq == null) {
      // A row this device created and the server never accepted: it never existed. Later
      // local edits of it cannot be accepted either; they go with it, each reported.
      const dependents = sqlite.prepare('select seq, change_id, table_name, row_id, "values", hlc, previous from outbox where table_name = ? and row_id = ?').all(entry.table_name, entry.row_id) as OutboxEntry[];
      for (const d of dependents) {
        recordRejection(store, { id: d.change_id, status: 'rejected', reason: rejection.reason, message: `Not sent: it changes a booking the server refused (${rejection.message})`, conflictsWith: rejection.conflictsWith }, d, now);
      }
      sqlite.prepare('delete from outbox where table_name = ? and row_id = ?').run(entry.table_name, entry.row_id);
      sqlite.prepare(`delete from "${spec.name}" where id = ?`).run(entry.row_id);
      return;
    }

    forgetInLaterEdits(store, entry, changeHlc, previous);
    // Undo only the columns that still hold this change's value: a newer write (local or
    // from the server) to a column has replaced it already and stays.
    const hlc = { ...(current.hlc as HlcMap) };
    const values: Record<string, unknown> = {};
    const columns: string[] = [];
    for (const [column, ts] of Object.entries(changeHlc)) {
      if (hlc[column] !== ts) continue;
      columns.push(column);
      values[column] = previous?.values[column] ?? null;
      if (previous?.hlc[column]) hlc[column] = previous.hlc[column]!;
      else delete hlc[column];
    }
    if (columns.length > 0) writer.update(spec, entry.row_id, values, columns, hlc);
  })();
}

/**
 * Later pending edits of the row recorded this change's values as what they overwrote, to
 * undo to if they are refused in turn. This change never reached the server, so what they
 * really overwrote is what it overwrote: without this, a row moved twice offline, both
 * moves refused, would be "undone" to the first refused move and never match the server.
 */
function forgetInLaterEdits(store: LocalStore, entry: OutboxEntry, changeHlc: HlcMap, previous: { values: Record<string, unknown>; hlc: HlcMap } | null): void {
  const later = store.sqlite.prepare('select change_id, previous from outbox where table_name = ? and row_id = ? and seq > ? and previous is not null')
    .all(entry.table_name, entry.row_id, entry.seq) as { change_id: string; previous: string }[];
  const update = store.sqlite.prepare('update outbox set previous = ? where change_id = ?');
  for (const edit of later) {
    const overwrote = JSON.parse(edit.previous) as { values: Record<string, unknown>; hlc: HlcMap };
    let changed = false;
    for (const [column, ts] of Object.entries(changeHlc)) {
      if (overwrote.hlc[column] !== ts) continue;
      changed = true;
      overwrote.values[column] = previous?.values[column] ?? null;
      if (previous?.hlc[column]) overwrote.hlc[column] = previous.hlc[column]!;
      else delete overwrote.hlc[column];
    }
    if (changed) update.run(JSON.stringify(overwrote), edit.change_id);
  }
}

function recordRejection(store: LocalStore, r: Rejected, entry: OutboxEntry | null, now: number): void {
  store.sqlite.prepare(
    `insert into sync_rejections (change_id, table_name, row_id, reason, message, conflicts_with, "values", created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?) on conflict(change_id) do nothing`,
  ).run(r.id, entry?.table_name ?? r.tableName ?? 'unknown', entry?.row_id ?? r.rowId ?? '', r.reason, r.message, r.conflictsWith ?? null, entry?.values ?? '{}', now);
}
