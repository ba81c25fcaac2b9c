// A device's part of a server restore. The restored server has forgotten every change it
// accepted after its backup, but the devices still hold them: each device re-sends the
// column values it wrote itself (its HLC node id is in their timestamps), and its audit
// trail from the start. The server merges per column with last-writer-wins and answers
// already-known change ids from its log, so anything it still has is a no-op: nothing is
// applied twice, and values other devices wrote later still win. Values that came from
// another device are that device's to re-send.
//
// The server announces a restore by a new epoch in its shape handles ("<table>-<epoch>",
// sync-server/bootstrap.ts startNewEpoch). Call recoverFromServerRestore at start-up before
// the sync client starts, and again whenever a shape answers must-refetch.
import { v7 as uuidv7 } from 'uuid';
import { parseHlc } from '../../db/crdt/hlc';
import { loadOrder, tableSpecs } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import { decodeRow, type Row } from '../store/codec';
import type { LocalStore } from '../store/local-store';

export interface ServerTarget {
  url: string;
  token: string;
}

export interface RestoreRecovery {
  /** The server's history was reset since this device last synced. */
  restored: boolean;
  /** Rows put back into the outbox. */
  requeued: number;
}

const EPOCH_META = 'server_epoch';

export function epochOfHandle(handle: string | null | undefined): string | null {
  const m = /-([0-9a-f]+)$/.exec(handle ?? '');
  return m ? m[1]! : null;
}

/** The server's current epoch, from the handle of the smallest shape every role may read. */
export async function fetchServerEpoch(target: ServerTarget): Promise<string> {
  const res = await fetch(`${target.url}/v1/shape?table=organizations&offset=-1`, { headers: { authorization: `Bearer ${target.token}` }, signal: AbortSignal.timeout(30_000) });
  await res.body?.cancel();
  const epoch = epochOfHandle(res.headers.get('electric-handle'));
  if (!res.ok || !epoch) throw new Error(`The sync server did not say which history it serves (${res.status}).`);
  return epoch;
}

/** The epoch this device last synced with: recorded here, else read from its saved shape handles. */
export function knownEpoch(store: LocalStore): string | null {
  const recorded = store.meta(EPOCH_META);
  if (recorded) return recorded;
  const row = store.sqlite.prepare('select handle from sync_shapes where handle is not null limit 1').get() as { handle: string } | undefined;
  return epochOfHandle(row?.handle);
}

interface Authored {
  values: Row;
  hlc: HlcMap;
}

function ownColumns(raw: Row, writable: ReadonlySet<string>, decoded: Row, nodeId: string): Authored | null {
  const hlc = JSON.parse((raw.hlc as string | null) ?? '{}') as HlcMap;
  const mine: Authored = { values: {}, hlc: {} };
  for (const [column, ts] of Object.entries(hlc)) {
    if (!writable.has(column) || parseHlc(ts)?.node !== nodeId) continue;
    mine.values[column] = decoded[column] ?? null;
    mine.hlc[column] = ts;
  }
  return Object.keys(mine.hlc).length > 0 ? mine : null;
}

/** Put every value this device wrote back into the outbox, with its original timestamp. */
export function requeueOwnWrites(store: LocalStore, now = Date.now()): number {
  const { sqlite } = store;
  const nodeId = store.identity.nodeId;
  // The server checks each change against the role of the staff member who made it: the
  // latest person on this device to touch the row is the one who made its newest values.
  const author = sqlite.prepare('select staff_user_id from audit_events where device_id = ? and entity_table = ? and entity_id = ? order by chain_seq desc limit 1');
  // A rejection "undoes" to `previous`: here that is the value itself, so a refused re-send
  // leaves the row as the desk knew it and the rejection is shown for a person to settle.
  const enqueue = sqlite.prepare('insert into outbox (change_id, table_name, row_id, "values", hlc, previous, staff_user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  let requeued = 0;
  sqlite.transaction(() => {
    for (const table of loadOrder) {
      const spec = tableSpecs[table];
      // In pages: better-sqlite3 cannot write while an iterator is open on the connection.
      const page = sqlite.prepare(`select * from "${spec.name}" where id > ? order by id limit 1000`);
      for (let rows = page.all('') as Row[]; rows.length > 0; rows = page.all(rows[rows.length - 1]!.id) as Row[]) {
        for (const raw of rows) {
          const mine = ownColumns(raw, spec.writable, decodeRow(spec, raw), nodeId);
          if (!mine) continue;
          const staff = (author.get(store.identity.deviceId, spec.name, raw.id) as { staff_user_id: string | null } | undefined)?.staff_user_id ?? null;
          enqueue.run(uuidv7(), spec.name, raw.id, JSON.stringify(mine.values), JSON.stringify(mine.hlc), JSON.stringify(mine), staff, now);
          requeued++;
        }
      }
    }
    // Audit events are pushed from a pointer; from the start, the server skips those it has.
    store.setMeta('audit_pushed_seq', '0');
    store.sqlite.prepare(`update sync_shapes set handle = null, "offset" = '-1'`).run();
  })();
  return requeued;
}

export async function recoverFromServerRestore(store: LocalStore, target: ServerTarget): Promise<RestoreRecovery> {
  const current = await fetchServerEpoch(target);
  const known = knownEpoch(store);
  const restored = known !== null && known !== current;
  const requeued = restored ? requeueOwnWrites(store) : 0;
  store.setMeta(EPOCH_META, current);
  return { restored, requeued };
}
