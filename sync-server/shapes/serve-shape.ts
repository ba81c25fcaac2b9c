// GET /v1/shape: each replicated table (and each device's own rejections) served with
// Electric's HTTP shape protocol, so devices use @electric-sql/client's ShapeStream
// unchanged. Offsets are "<seq>_0" in the organization's publication sequence
// (merge/publish.ts): everything at or below a served offset is committed and final.
import { tableSpecs, isReplicatedTable, type ColumnKind, type ReplicatedTableName } from '../../db/schema/registry';
import type { AuthenticatedDevice } from '../auth/devices';
import type { Sql } from '../store/server-db';

export const REJECTIONS_SHAPE = 'rejections';
const PAGE_SIZE = 5_000;

/** What each device role may pull. A kiosk sees no patients, staff or audit trail. */
export function readableShapes(role: AuthenticatedDevice['role']): string[] {
  if (role === 'kiosk') return ['organizations', 'locations', 'providers', 'services', 'policies', REJECTIONS_SHAPE];
  return [...Object.keys(tableSpecs), REJECTIONS_SHAPE];
}

export interface ShapeRequest {
  table: string;
  offset: string;
  handle?: string;
  live: boolean;
}

export interface ShapeResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

type Message =
  | { key: string; value: Record<string, string | null>; headers: { operation: 'insert' | 'update'; relation: [string, string] } }
  | { headers: { control: 'up-to-date' | 'must-refetch' } };

const rejectionColumns: { name: string; kind: ColumnKind; notNull: boolean }[] = [
  { name: 'id', kind: 'text', notNull: true },
  { name: 'table_name', kind: 'text', notNull: true },
  { name: 'row_id', kind: 'text', notNull: true },
  { name: 'reason', kind: 'text', notNull: true },
  { name: 'message', kind: 'text', notNull: true },
  { name: 'conflicts_with', kind: 'text', notNull: false },
  { name: 'seq', kind: 'integer', notNull: true },
];

const pgType: Record<ColumnKind, string> = { text: 'text', integer: 'int8', boolean: 'bool', json: 'jsonb' };

function columnsOf(table: string) {
  return table === REJECTIONS_SHAPE ? rejectionColumns : tableSpecs[table as ReplicatedTableName].columns;
}

export function schemaHeader(table: string): string {
  const schema: Record<string, { type: string; not_null?: boolean }> = {};
  for (const c of columnsOf(table)) schema[c.name] = { type: pgType[c.kind], ...(c.notNull || c.name === 'id' ? { not_null: true } : {}) };
  return JSON.stringify(schema);
}

/** Postgres text encoding, as Electric sends values. */
function encodeText(kind: ColumnKind, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (kind === 'json') return JSON.stringify(v);
  if (kind === 'boolean') return v ? 't' : 'f';
  return String(v);
}

export function parseOffset(offset: string): number | null {
  if (offset === '-1') return 0;
  const m = /^(\d+)_(\d+)$/.exec(offset);
  return m ? Number(m[1]) : null;
}

async function readPage(db: Sql, device: AuthenticatedDevice, table: string, after: number): Promise<{ rows: Record<string, unknown>[]; seqOf: (r: Record<string, unknown>) => number }> {
  if (table === REJECTIONS_SHAPE) {
    const { rows } = await db.query<Record<string, unknown>>(
      `select change_id as id, table_name, row_id, reason, message, conflicts_with, seq from change_log
        where device_id = $1 and status = 'rejected' and seq > $2 order by seq limit ${PAGE_SIZE}`, [device.deviceId, after]);
    return { rows, seqOf: (r) => r.seq as number };
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `select * from "${table}" where org_id = $1 and server_seq > $2 order by server_seq limit ${PAGE_SIZE}`, [device.orgId, after]);
  return { rows, seqOf: (r) => r.server_seq as number };
}

export interface ShapeContext {
  db: Sql;
  epoch: string;
  /** How long a live request waits for something new before it answers "up to date" anyway. */
  liveTimeoutMs: number;
  /** True when the organization publishes within `timeoutMs`; false at the timeout, when `signal` aborts or the server closes. */
  waitForPublish(orgId: string, signal: AbortSignal, timeoutMs: number): Promise<boolean>;
}

export async function serveShape(ctx: ShapeContext, device: AuthenticatedDevice, req: ShapeRequest, signal: AbortSignal): Promise<ShapeResponse> {
  const table = req.table;
  if (!isReplicatedTable(table) && table !== REJECTIONS_SHAPE) return { status: 400, headers: {}, body: { message: `There is no shape "${table}".` } };
  if (!readableShapes(device.role).includes(table)) return { status: 403, headers: {}, body: { message: `A ${device.role} device may not read ${table}.` } };
  const after = parseOffset(req.offset);
  if (after === null) return { status: 400, headers: {}, body: { message: `Offset "${req.offset}" is not -1 or <n>_<n>.` } };

  const handle = `${table}-${ctx.epoch}`;
  if (req.offset !== '-1' && req.handle !== handle) {
    // The server's history was reset (e.g. restored from a backup): start over.
    return { status: 409, headers: { 'electric-handle': handle }, body: [{ headers: { control: 'must-refetch' } }] };
  }

  // A live request waits until its own table has something new, across publications that
  // brought it nothing: every table's long-poll of every device wakes on each publication,
  // and answering them all would send each desk a score of empty pages per booking. Each
  // wait starts before its read: a publication that lands between the read and the wait
  // would otherwise be missed until the next one.
  const deadline = Date.now() + ctx.liveTimeoutMs;
  let page: Awaited<ReturnType<typeof readPage>>;
  for (;;) {
    const stopWaiting = new AbortController();
    const published = req.live ? ctx.waitForPublish(device.orgId, AbortSignal.any([signal, stopWaiting.signal]), deadline - Date.now()) : null;
    page = await readPage(ctx.db, device, table, after);
    if (!published || page.rows.length > 0) {
      stopWaiting.abort();
      break;
    }
    const more = await published;
    // The device has gone (or the server is closing): nobody is left to answer.
    if (signal.aborted) return { status: 499, headers: {}, body: [] };
    if (!more) break;
  }
  const columns = columnsOf(table);
  const operation = after === 0 ? 'insert' : 'update';
  const messages: Message[] = page.rows.map((row) => ({
    key: `"public"."${table}"/"${row.id as string}"`,
    value: Object.fromEntries(columns.map((c) => [c.name, encodeText(c.kind, row[c.name])])),
    headers: { operation, relation: ['public', table] },
  }));
  const lastSeq = page.rows.length > 0 ? page.seqOf(page.rows[page.rows.length - 1]!) : after;
  const upToDate = page.rows.length < PAGE_SIZE;
  if (upToDate) messages.push({ headers: { control: 'up-to-date' } });

  const headers: Record<string, string> = {
    'electric-handle': handle,
    'electric-offset': `${lastSeq}_0`,
    'cache-control': 'no-store',
  };
  if (upToDate) headers['electric-up-to-date'] = '';
  if (req.live) headers['electric-cursor'] = String(Math.floor(Date.now() / 1000));
  else headers['electric-schema'] = schemaHeader(table);
  return { status: 200, headers, body: messages };
}
