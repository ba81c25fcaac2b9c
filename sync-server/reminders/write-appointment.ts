// Server-side edits to replicated rows go through writeAsSystem (the devices' merge and
// slot-conflict path) and are audited. The change id derives from `key`, so a retried job
// or a double-submitted form gets the first answer back instead of writing twice.
import { v5 as uuidv5 } from 'uuid';
import type { ChangeResult } from '../../db/crdt/change';
import { stampChange } from '../../db/crdt/merge';
import type { ReplicatedTableName } from '../../db/schema/registry';
import type { JobsContext } from '../jobs/context';

const CHANGE_NAMESPACE = 'b7e3d0c2-4a8f-4d61-9e2b-5f0a3c7d1e94';

export async function writeAudited(ctx: JobsContext, orgId: string, table: ReplicatedTableName, rowId: string, values: Record<string, unknown>,
  { key, action, before }: { key: string; action: string; before: Record<string, unknown> | null }): Promise<ChangeResult> {
  const stamped = stampChange(values, ctx.server.clock.now());
  const [result] = await ctx.server.writeAsSystem(orgId, [{ id: uuidv5(key, CHANGE_NAMESPACE), table, row: rowId, values: stamped.values, hlc: stamped.hlc, staffUserId: null }]);
  if (result!.status === 'accepted') {
    await ctx.audit.record({ orgId, key, action, entityTable: table, entityId: rowId, before, after: values });
  }
  return result!;
}
