// The one write path for replicated data on a device: in a single transaction, merge the
// edit into its row, append it to the outbox, and append a hash-chained audit event.
// A crash at any point leaves all three or none (SQLite's atomic commit).
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { GENESIS_HASH, hashAuditEvent, type AuditContent } from '../../db/audit/chain';
import type { HybridClock } from '../../db/crdt/hlc';
import { mergeChange, stampChange, type ColumnValues } from '../../db/crdt/merge';
import { isReplicatedTable, tableSpecs, type ReplicatedTableName, type TableSpec } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import type { Row } from './codec';
import { RowWriter, rowState } from './row-writer';

export interface ChangeInput {
  table: ReplicatedTableName;
  rowId: string;
  values: ColumnValues;
  staffUserId: string | null;
  /** What the person did, in the audit trail's words, e.g. "appointment.book". */
  action?: string;
}

export interface RecordedChange {
  changeId: string;
  row: Row;
}

export interface DeviceIdentity {
  orgId: string;
  deviceId: string;
}

interface AuditHead {
  seq: number;
  hash: string;
}

const GENESIS: AuditHead = { seq: 0, hash: GENESIS_HASH };

export class ChangeRecorder {
  private readonly rows: RowWriter;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly identity: () => DeviceIdentity,
    private readonly clock: HybridClock,
    private readonly now: () => number = Date.now,
  ) {
    this.rows = new RowWriter(sqlite);
  }

  record(input: ChangeInput): RecordedChange {
    if (!isReplicatedTable(input.table)) throw new Error(`Unknown table "${input.table}".`);
    const spec = tableSpecs[input.table];
    for (const column of Object.keys(input.values)) {
      if (!spec.writable.has(column)) throw new Error(`Table ${input.table} has no writable column "${column}".`);
    }
    return this.sqlite.transaction(() => this.recordInTransaction(spec, input))();
  }

  private recordInTransaction(spec: TableSpec, input: ChangeInput): RecordedChange {
    const { orgId, deviceId } = this.identity();
    const current = this.rows.read(spec, input.rowId);
    const stamped = stampChange(input.values, this.clock.now());
    const { row: merged, won } = mergeChange(current && rowState(spec, current), stamped);
    if (!current) this.rows.insert(spec, { ...merged.values, id: input.rowId, org_id: orgId }, merged.hlc);
    else if (won.length > 0) this.rows.update(spec, input.rowId, merged.values, won, merged.hlc);

    const changeId = uuidv7();
    const at = this.now();
    const previous = current ? { values: pick(current, won), hlc: pickHlc(current.hlc as HlcMap, won) } : null;
    this.rows.statement('insert into outbox (change_id, table_name, row_id, "values", hlc, previous, staff_user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(changeId, spec.name, input.rowId, JSON.stringify(stamped.values), JSON.stringify(stamped.hlc), previous && JSON.stringify(previous), input.staffUserId, at);

    // Read inside the transaction (an indexed lookup) rather than cached, so an outer
    // transaction that rolls back can never leave a stale head behind.
    const head = (this.rows.statement('select chain_seq as seq, hash from audit_events where device_id = ? order by chain_seq desc limit 1')
      .get(deviceId) as AuditHead | undefined) ?? GENESIS;
    const audit: AuditContent = {
      id: uuidv7(),
      orgId,
      deviceId,
      chainSeq: head.seq + 1,
      staffUserId: input.staffUserId,
      at,
      action: input.action ?? `${spec.name}.${current ? 'update' : 'create'}`,
      entityTable: spec.name,
      entityId: input.rowId,
      before: current ? pick(current, won) : null,
      after: pick(merged.values, current ? won : Object.keys(stamped.values)),
    };
    const hash = hashAuditEvent(audit, head.hash);
    this.rows.statement(`insert into audit_events (id, org_id, hlc, device_id, chain_seq, staff_user_id, at, action, entity_table, entity_id, "before", "after", prev_hash, hash)
      values (?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(audit.id, orgId, deviceId, audit.chainSeq, audit.staffUserId, at, audit.action, audit.entityTable, audit.entityId,
        audit.before && JSON.stringify(audit.before), audit.after && JSON.stringify(audit.after), head.hash, hash);

    return { changeId, row: { ...merged.values, id: input.rowId, org_id: orgId, hlc: merged.hlc } };
  }
}

function pickHlc(hlc: HlcMap, columns: string[]): HlcMap {
  const out: HlcMap = {};
  for (const c of columns) if (hlc[c] !== undefined) out[c] = hlc[c];
  return out;
}

function pick(values: ColumnValues, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = values[c] ?? null;
  return out;
}
