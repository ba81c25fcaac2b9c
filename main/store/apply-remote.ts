// Rows that arrive from elsewhere (the server's shapes, or a demo snapshot) are merged into
// the local tables column by column, in one transaction per batch. No outbox entry and no
// audit event: those record what this device did, and these rows were not done here.
import type Database from 'better-sqlite3';
import { mergeChange } from '../../db/crdt/merge';
import { tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import type { HlcMap } from '../../db/schema/shared';
import type { Row } from './codec';
import { RowWriter, rowState } from './row-writer';

export interface RemoteRow {
  id: string;
  orgId: string;
  values: Row;
  hlc: HlcMap;
  serverSeq?: number | null;
}

/** Returns how many rows changed. */
export function applyRemoteRows(sqlite: Database.Database, table: ReplicatedTableName, rows: RemoteRow[], writer = new RowWriter(sqlite)): number {
  const spec = tableSpecs[table];
  let changed = 0;
  sqlite.transaction(() => {
    for (const incoming of rows) {
      const current = writer.read(spec, incoming.id);
      const { row, won } = mergeChange(current && rowState(spec, current), { values: incoming.values, hlc: incoming.hlc });
      if (!current) {
        writer.insert(spec, { ...row.values, id: incoming.id, org_id: incoming.orgId }, row.hlc, incoming.serverSeq ?? null);
        changed++;
      } else if (won.length > 0 || (incoming.serverSeq != null && incoming.serverSeq !== current.server_seq)) {
        writer.update(spec, incoming.id, row.values, won, row.hlc, incoming.serverSeq ?? undefined);
        changed++;
      }
    }
  })();
  return changed;
}
