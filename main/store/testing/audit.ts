import type { ChainedAuditEvent } from '../../../db/audit/chain';
import type { LocalStore } from '../local-store';

/** This device's audit chain as stored, in order. */
export function readChain(store: LocalStore): ChainedAuditEvent[] {
  const rows = store.sqlite.prepare('select * from audit_events where device_id = ? order by chain_seq').all(store.identity.deviceId) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string, orgId: r.org_id as string, deviceId: r.device_id as string, chainSeq: r.chain_seq as number,
    staffUserId: r.staff_user_id as string | null, at: r.at as number, action: r.action as string,
    entityTable: r.entity_table as string, entityId: r.entity_id as string,
    before: r.before === null ? null : JSON.parse(r.before as string), after: r.after === null ? null : JSON.parse(r.after as string),
    prevHash: r.prev_hash as string, hash: r.hash as string,
  }));
}
