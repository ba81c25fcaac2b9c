// Pull every table with @electric-sql/client's ShapeStream. Each batch is merged into the
// local rows and its shape position saved in the same transaction, so a restart resumes
// exactly where it stopped. Merge is per-column LWW, so the device's pending (outbox)
// edits, which carry newer timestamps, stay on top of server rows by construction.
import { setMaxListeners } from 'node:events';
import { FetchError, ShapeStream, type Message, type Row as ShapeRow } from '@electric-sql/client';
import { isReplicatedTable, tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import { latestTimestamp } from '../../db/crdt/merge';
import { maxHlc } from '../../db/crdt/hlc';
import { applyRemoteRows, type RemoteRow } from '../store/apply-remote';
import type { LocalStore } from '../store/local-store';
import { RowWriter } from '../store/row-writer';
import { applyRejection } from './rejections';

export const REJECTIONS_SHAPE = 'rejections';

export interface PullTarget {
  url: string;
  token: string;
}

export interface PullEvents {
  onBatch(table: string, rows: number): void;
  onUpToDate(table: string): void;
  onError(table: string, error: Error, fatal: boolean): void;
}

export function startPulling(store: LocalStore, target: PullTarget, tables: string[], events: PullEvents): { stop(): void; streams: Map<string, ShapeStream<ShapeRow>> } {
  const controller = new AbortController();
  // One signal stops every table's stream; Node warns past 10 listeners by default.
  setMaxListeners(0, controller.signal);
  const streams = new Map<string, ShapeStream<ShapeRow>>();
  const writer = new RowWriter(store.sqlite);
  const saved = store.sqlite.prepare('select handle, "offset" from sync_shapes where table_name = ?');
  const save = store.sqlite.prepare(
    `insert into sync_shapes (table_name, handle, "offset", updated_at) values (?, ?, ?, ?)
     on conflict(table_name) do update set handle = excluded.handle, "offset" = excluded."offset", updated_at = excluded.updated_at`);

  for (const table of tables) {
    const position = saved.get(table) as { handle: string | null; offset: string } | undefined;
    const stream = new ShapeStream<ShapeRow>({
      url: `${target.url}/v1/shape`,
      params: { table },
      headers: { authorization: `Bearer ${target.token}` },
      ...(position && position.offset !== '-1' && position.handle ? { offset: position.offset as `${number}_${number}`, handle: position.handle } : {}),
      parser: { int8: (v: string) => Number(v) },
      signal: controller.signal,
      backoffOptions: { initialDelay: 500, maxDelay: 15_000, multiplier: 2 },
      onError: (error) => {
        // 401/403: this device was revoked or may not read the table; retrying cannot help.
        const fatal = error instanceof FetchError && (error.status === 401 || error.status === 403);
        events.onError(table, error, fatal);
        return fatal ? undefined : {};
      },
    });
    // What sync_shapes holds for this table, so that a batch with nothing new (a live poll
    // woken by another table's change) costs no write: each commit is an fsync.
    let persisted = position ? `${position.handle}|${position.offset}` : null;
    stream.subscribe((messages: Message<ShapeRow>[]) => {
      const changes = messages.filter((m): m is Message<ShapeRow> & { key: string; value: ShapeRow } => 'key' in m);
      const refetch = messages.some((m) => 'headers' in m && (m.headers as { control?: string }).control === 'must-refetch');
      const reached = `${stream.shapeHandle ?? null}|${stream.lastOffset}`;
      if (refetch || changes.length > 0 || reached !== persisted) {
        store.sqlite.transaction(() => {
          if (refetch) {
            save.run(table, null, '-1', Date.now());
            return;
          }
          if (table === REJECTIONS_SHAPE) applyRejectionRows(store, changes.map((m) => m.value));
          else if (isReplicatedTable(table)) applyServerRows(store, writer, table, changes.map((m) => m.value));
          save.run(table, stream.shapeHandle ?? null, stream.lastOffset, Date.now());
        })();
        persisted = refetch ? 'null|-1' : reached;
      }
      if (changes.length > 0) events.onBatch(table, changes.length);
      if (messages.some((m) => 'headers' in m && (m.headers as { control?: string }).control === 'up-to-date')) events.onUpToDate(table);
    });
    streams.set(table, stream);
  }
  return { stop: () => controller.abort(), streams };
}

function applyServerRows(store: LocalStore, writer: RowWriter, table: ReplicatedTableName, values: ShapeRow[]): void {
  const spec = tableSpecs[table];
  let newest: string | undefined;
  const rows: RemoteRow[] = values.map((v) => {
    const cols: Record<string, unknown> = {};
    for (const c of spec.writable) if (c in v) cols[c] = v[c];
    const hlc = (v.hlc ?? {}) as HlcMap;
    newest = maxHlc(newest, latestTimestamp(hlc));
    return { id: v.id as string, orgId: v.org_id as string, values: cols, hlc, serverSeq: (v.server_seq as number | null) ?? null };
  });
  applyRemoteRows(store.sqlite, table, rows, writer);
  // An enrolled device learns which organization it belongs to from the first row it pulls.
  if (table === 'organizations' && !store.identity.orgId && rows[0]) store.setOrganization(rows[0].orgId);
  // Audit events are appended, never merged, and stamped from the writing device's wall
  // clock, which the server does not check for them: the clock must not follow them.
  if (newest && table !== 'audit_events') {
    try {
      store.clock.receive(newest);
      store.setMeta('hlc_high_water', maxHlc(newest, store.meta('hlc_high_water') ?? undefined)!);
    } catch {
      // Another device's timestamp far ahead of this clock: the row is kept (the server
      // accepted it); this clock just does not jump forward with it.
    }
  }
}

function applyRejectionRows(store: LocalStore, rows: ShapeRow[]): void {
  for (const r of rows) {
    applyRejection(store, {
      id: r.id as string, status: 'rejected', reason: r.reason as never, message: r.message as string,
      ...(r.conflicts_with ? { conflictsWith: r.conflicts_with as string } : {}), tableName: r.table_name as string, rowId: r.row_id as string,
    }, Date.now());
  }
}
