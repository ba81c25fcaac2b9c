// Push the outbox (and the audit trail, which is append-only and pushed from its own
// pointer) to POST /v1/changes, and settle each answer locally.
import { z } from 'zod';
import { formatHlc, maxHlc } from '../../db/crdt/hlc';
import type { Change, ChangeResult } from '../../db/crdt/change';
import { latestTimestamp } from '../../db/crdt/merge';
import { tableSpecs } from '../../db/schema/registry';
import { decodeRow, type Row } from '../store/codec';
import type { LocalStore } from '../store/local-store';
import { applyRejection } from './rejections';

const resultSchema = z.object({
  results: z.array(z.union([
    z.object({ id: z.string(), status: z.literal('accepted'), seq: z.number() }),
    z.object({ id: z.string(), status: z.literal('rejected'), reason: z.enum(['slot_taken', 'clock_drift', 'forbidden', 'invalid', 'unknown_table']), message: z.string(), conflictsWith: z.string().optional() }),
  ])),
});

export class PushError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

export interface PushOutcome {
  sent: number;
  accepted: number;
  rejected: number;
}

export interface PushTarget {
  url: string;
  token: string;
  fetch?: typeof fetch;
}

interface OutboxRow {
  change_id: string;
  table_name: string;
  row_id: string;
  values: string;
  hlc: string;
  staff_user_id: string | null;
}

function outboxChanges(store: LocalStore, limit: number): Change[] {
  const rows = store.sqlite.prepare('select change_id, table_name, row_id, "values", hlc, staff_user_id from outbox order by seq limit ?').all(limit) as OutboxRow[];
  return rows.map((r) => ({ id: r.change_id, table: r.table_name, row: r.row_id, values: JSON.parse(r.values), hlc: JSON.parse(r.hlc), staffUserId: r.staff_user_id }));
}

/** Audit events are written once and never merged; each is pushed as a plain insert. */
function auditChanges(store: LocalStore, limit: number): { changes: Change[]; lastSeq: number } {
  const after = Number(store.meta('audit_pushed_seq') ?? 0);
  const spec = tableSpecs.audit_events;
  const rows = store.sqlite.prepare('select * from audit_events where device_id = ? and chain_seq > ? order by chain_seq limit ?')
    .all(store.identity.deviceId, after, limit) as Row[];
  const changes = rows.map((raw) => {
    const row = decodeRow(spec, raw);
    const ts = formatHlc({ millis: row.at as number, counter: 0, node: store.identity.nodeId });
    const values: Row = {};
    for (const c of spec.writable) values[c] = row[c];
    return { id: row.id as string, table: 'audit_events', row: row.id as string, values, hlc: Object.fromEntries(Object.keys(values).map((k) => [k, ts])), staffUserId: row.staff_user_id as string | null };
  });
  return { changes, lastSeq: rows.length ? (rows[rows.length - 1]!.chain_seq as number) : after };
}

export async function pushOnce(store: LocalStore, target: PushTarget, { batchSize = 250, now = Date.now } = {}): Promise<PushOutcome> {
  const changes = outboxChanges(store, batchSize);
  const audit = auditChanges(store, Math.max(0, batchSize - changes.length));
  const all = [...changes, ...audit.changes];
  if (all.length === 0) return { sent: 0, accepted: 0, rejected: 0 };

  let response: Response;
  try {
    response = await (target.fetch ?? fetch)(`${target.url}/v1/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ changes: all }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new PushError(`The sync server cannot be reached (${(e as Error).message}). Changes are kept and will be sent when it is back.`, null);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new PushError(body.message ?? `The sync server answered ${response.status}.`, response.status);
  }
  const { results } = resultSchema.parse(await response.json());
  const byId = new Map<string, ChangeResult>(results.map((r) => [r.id, r]));

  let accepted = 0;
  let rejected = 0;
  let highWater: string | undefined;
  const ack = store.sqlite.prepare('delete from outbox where change_id = ?');
  store.sqlite.transaction(() => {
    for (const change of changes) {
      const result = byId.get(change.id);
      if (!result) continue; // not answered: stays in the outbox and goes again
      if (result.status === 'accepted') {
        ack.run(change.id);
        highWater = maxHlc(highWater, latestTimestamp(change.hlc));
        accepted++;
      } else {
        applyRejection(store, result, now());
        rejected++;
      }
    }
    // Audit events move the pointer only over a run of answered events.
    let pushedSeq = Number(store.meta('audit_pushed_seq') ?? 0);
    for (const change of audit.changes) {
      const result = byId.get(change.id);
      if (!result) break;
      if (result.status === 'rejected') applyRejection(store, { ...result, tableName: 'audit_events', rowId: change.row }, now());
      pushedSeq = change.values.chain_seq as number;
    }
    store.setMeta('audit_pushed_seq', String(pushedSeq));
    // Acknowledged changes leave the outbox, which is where the clock recovers its
    // high-water mark at start-up: keep it here instead.
    if (highWater) store.setMeta('hlc_high_water', maxHlc(highWater, store.meta('hlc_high_water') ?? undefined)!);
  })();
  return { sent: all.length, accepted, rejected };
}

export function pendingCount(store: LocalStore): number {
  return (store.sqlite.prepare('select count(*) as n from outbox').get() as { n: number }).n;
}
