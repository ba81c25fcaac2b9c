// The server's own audit trail for what its jobs and patients' answers change. Each server
// process appends to its own hash chain (device id "server-<node id>", as writeAsSystem
// authors its changes), through the same merge path as a device's audit events. Appends are
// serialized in-process: a chain has one writer.
import { v5 as uuidv5 } from 'uuid';
import { hashAuditEvent, GENESIS_HASH, type AuditContent } from '../../db/audit/chain';
import type { SyncServer } from '../app';

export interface AuditEntry {
  orgId: string;
  action: string;
  entityTable: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Same key, same event: a retried job does not audit twice. */
  key: string;
}

export interface SystemAudit {
  record(entry: AuditEntry): Promise<void>;
}

const AUDIT_NAMESPACE = '6f1f8a4e-2b1c-4c5e-9a43-0c9f5d1e7a21';

export function createSystemAudit(server: SyncServer, now: () => number): SystemAudit {
  const deviceId = `server-${server.identity.nodeId}`;
  let tail: Promise<unknown> = Promise.resolve();

  const append = async (entry: AuditEntry) => {
    const id = uuidv5(entry.key, AUDIT_NAMESPACE);
    const { rows: existing } = await server.db.query('select 1 from audit_events where id = $1', [id]);
    if (existing.length > 0) return;
    const { rows } = await server.db.query<{ chain_seq: number; hash: string }>(
      'select chain_seq, hash from audit_events where device_id = $1 order by chain_seq desc limit 1', [deviceId]);
    const head = rows[0] ?? { chain_seq: 0, hash: GENESIS_HASH };
    const content: AuditContent = {
      id, orgId: entry.orgId, deviceId, chainSeq: head.chain_seq + 1, staffUserId: null, at: now(),
      action: entry.action, entityTable: entry.entityTable, entityId: entry.entityId, before: entry.before, after: entry.after,
    };
    const values = {
      device_id: deviceId, chain_seq: content.chainSeq, staff_user_id: null, at: content.at, action: content.action,
      entity_table: content.entityTable, entity_id: content.entityId, before: content.before, after: content.after,
      prev_hash: head.hash, hash: hashAuditEvent(content, head.hash), deleted: false,
    };
    const ts = server.clock.now();
    const [result] = await server.writeAsSystem(entry.orgId, [{
      id: uuidv5(`${entry.key}:change`, AUDIT_NAMESPACE), table: 'audit_events', row: id, values,
      hlc: Object.fromEntries(Object.keys(values).map((k) => [k, ts])), staffUserId: null,
    }]);
    if (result?.status !== 'accepted') throw new Error(`audit event refused: ${JSON.stringify(result)}`);
  };

  return {
    record(entry) {
      const done = tail.then(() => append(entry));
      tail = done.catch(() => undefined);
      return done;
    },
  };
}
