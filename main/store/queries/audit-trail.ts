// The audit trail as the manager reads it: who changed what, from which device, before and
// after; and each device's hash chain verified (db/audit/chain.ts). The replica holds every
// device's events, pulled like any other table, so this works offline too.
import { verifyAuditChain, type ChainedAuditEvent } from '../../../db/audit/chain';
import type { Instant } from '../../../db/rules/types';
import type { LocalStore } from '../local-store';

export interface AuditTrailQuery {
  /** Events on the patient's record and on any of the patient's appointments or waitlist entries. */
  patientId?: string;
  appointmentId?: string;
  staffUserId?: string;
  deviceId?: string;
  /** Inclusive lower bound on the event's time. */
  fromAt?: Instant;
  /** Exclusive upper bound. */
  toAt?: Instant;
  limit: number;
  offset: number;
}

export interface AuditFieldChange {
  column: string;
  before: unknown;
  after: unknown;
}

export interface AuditTrailEntry {
  id: string;
  at: Instant;
  deviceId: string;
  isThisDevice: boolean;
  chainSeq: number;
  staffUserId: string | null;
  /** null for setup and server-originated rows, or while the staff row has not synced. */
  staffName: string | null;
  staffRole: string | null;
  action: string;
  entityTable: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Column by column, the union of before and after, in column-name order. */
  changes: AuditFieldChange[];
}

export interface AuditTrailPage {
  entries: AuditTrailEntry[];
  /** Whether more entries match beyond this page. */
  hasMore: boolean;
}

interface EventRow {
  id: string; at: number; device_id: string; chain_seq: number; staff_user_id: string | null; staff_name: string | null; staff_role: string | null;
  action: string; entity_table: string; entity_id: string; before: string | null; after: string | null;
}

// Each filter is a fixed fragment with its parameters; the caller chooses fragments, never text.
const fragments = {
  appointmentId: (id: string) => ({ sql: `(e.entity_table = 'appointments' and e.entity_id = ?)`, params: [id] }),
  patientId: (id: string) => ({
    sql: `((e.entity_table = 'patients' and e.entity_id = ?)
      or (e.entity_table = 'appointments' and e.entity_id in (select id from appointments where patient_id = ?))
      or (e.entity_table = 'waitlist_entries' and e.entity_id in (select id from waitlist_entries where patient_id = ?)))`,
    params: [id, id, id],
  }),
  staffUserId: (id: string) => ({ sql: 'e.staff_user_id = ?', params: [id] }),
  deviceId: (id: string) => ({ sql: 'e.device_id = ?', params: [id] }),
  fromAt: (at: number) => ({ sql: 'e.at >= ?', params: [at] }),
  toAt: (at: number) => ({ sql: 'e.at < ?', params: [at] }),
};

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditFieldChange[] {
  const columns = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return columns.map((column) => ({ column, before: before?.[column] ?? null, after: after?.[column] ?? null }));
}

export function readAuditTrail(store: LocalStore, query: AuditTrailQuery): AuditTrailPage {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (f: { sql: string; params: unknown[] }) => {
    where.push(f.sql);
    params.push(...f.params);
  };
  if (query.appointmentId !== undefined) add(fragments.appointmentId(query.appointmentId));
  if (query.patientId !== undefined) add(fragments.patientId(query.patientId));
  if (query.staffUserId !== undefined) add(fragments.staffUserId(query.staffUserId));
  if (query.deviceId !== undefined) add(fragments.deviceId(query.deviceId));
  if (query.fromAt !== undefined) add(fragments.fromAt(query.fromAt));
  if (query.toAt !== undefined) add(fragments.toAt(query.toAt));
  const rows = store.sqlite.prepare(`
    select e.id, e.at, e.device_id, e.chain_seq, e.staff_user_id, s.name as staff_name, s.role as staff_role,
      e.action, e.entity_table, e.entity_id, e."before", e."after"
    from audit_events e left join staff_users s on s.id = e.staff_user_id
    ${where.length ? `where ${where.join(' and ')}` : ''}
    order by e.at desc, e.device_id, e.chain_seq desc
    limit ? offset ?`).all(...params, query.limit + 1, query.offset) as EventRow[];
  const thisDevice = store.identity.deviceId;
  const entries = rows.slice(0, query.limit).map((r) => {
    const before = r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>);
    const after = r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>);
    return {
      id: r.id, at: r.at, deviceId: r.device_id, isThisDevice: r.device_id === thisDevice, chainSeq: r.chain_seq,
      staffUserId: r.staff_user_id, staffName: r.staff_name, staffRole: r.staff_role,
      action: r.action, entityTable: r.entity_table, entityId: r.entity_id, before, after, changes: diff(before, after),
    };
  });
  return { entries, hasMore: rows.length > query.limit };
}

export type ChainStatus =
  | { status: 'verified' }
  | { status: 'broken'; /** chain_seq of the first event that fails: "broken at event N". */ brokenAt: number; message: string };

export type DeviceChainReport = {
  deviceId: string;
  isThisDevice: boolean;
  events: number;
  lastSeq: number;
  lastAt: Instant | null;
} & ChainStatus;

interface ChainRow {
  id: string; org_id: string; device_id: string; chain_seq: number; staff_user_id: string | null; at: number; action: string;
  entity_table: string; entity_id: string; before: string | null; after: string | null; prev_hash: string; hash: string;
}

function toChained(r: ChainRow): ChainedAuditEvent {
  return {
    id: r.id, orgId: r.org_id, deviceId: r.device_id, chainSeq: r.chain_seq, staffUserId: r.staff_user_id, at: r.at, action: r.action,
    entityTable: r.entity_table, entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after),
    prevHash: r.prev_hash, hash: r.hash,
  };
}

/** Every device's chain (or one device's) verified from event 1, this device first. */
export function verifyDeviceChains(store: LocalStore, deviceId?: string): DeviceChainReport[] {
  const devices = deviceId !== undefined ? [deviceId]
    : (store.sqlite.prepare('select distinct device_id from audit_events order by device_id').pluck().all() as string[]);
  const thisDevice = store.identity.deviceId;
  const events = store.sqlite.prepare('select * from audit_events where device_id = ? order by chain_seq');
  const reports = devices.map((id): DeviceChainReport => {
    const chain = (events.all(id) as ChainRow[]).map(toChained);
    const verdict = verifyAuditChain(chain);
    const last = chain[chain.length - 1];
    const base = { deviceId: id, isThisDevice: id === thisDevice, events: chain.length, lastSeq: last?.chainSeq ?? 0, lastAt: last?.at ?? null };
    return verdict.ok ? { ...base, status: 'verified' } : { ...base, status: 'broken', brokenAt: verdict.brokenAt, message: verdict.message };
  });
  return reports.sort((a, b) => Number(b.isThisDevice) - Number(a.isThisDevice) || (a.deviceId < b.deviceId ? -1 : 1));
}
