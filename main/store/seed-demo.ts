// The demo clinic on a device: generate it with real argon2id PIN hashes, then merge it into
// the store as rows that came from elsewhere (no outbox, no audit: nobody here booked them).
import { stampChange } from '../../db/crdt/merge';
import type { DemoClinic } from '../../db/demo/generate';
import { bookkeepingColumns, loadOrder, type ReplicatedTableName } from '../../db/schema/registry';
import { applyRemoteRows, type RemoteRow } from './apply-remote';
import type { LocalStore } from './local-store';
import { RowWriter } from './row-writer';

// Large enough that fsync per commit (synchronous = FULL) is not the cost, small enough that
// one transaction does not hold the write lock for seconds.
const batchSize = 5_000;

const bookkeeping = new Set<string>(bookkeepingColumns);

/**
 * Merge the clinic into the store and bind the store to the clinic's organization. Every
 * column is stamped with one fresh timestamp, so the demo loses to any later edit.
 */
export function loadDemoClinic(store: LocalStore, clinic: DemoClinic): { rows: number } {
  const unknown = Object.keys(clinic.tables).filter((t) => !loadOrder.includes(t as ReplicatedTableName));
  if (unknown.length > 0) throw new Error(`The demo clinic has tables the loader does not know: ${unknown.join(', ')}.`);

  store.setOrganization(clinic.orgId);
  const ts = store.clock.now();
  const writer = new RowWriter(store.sqlite);
  let rows = 0;
  for (const table of loadOrder) {
    const source = clinic.tables[table] ?? [];
    for (let first = 0; first < source.length; first += batchSize) {
      const batch: RemoteRow[] = source.slice(first, first + batchSize).map((row) => {
        const values: Record<string, unknown> = {};
        for (const [column, value] of Object.entries(row)) if (!bookkeeping.has(column)) values[column] = value;
        return { id: row.id as string, orgId: row.org_id as string, ...stampChange(values, ts) };
      });
      rows += applyRemoteRows(store.sqlite, table, batch, writer);
    }
  }
  // The clock's last issued timestamp is otherwise saved only on close and recovered from
  // the outbox, which these rows never enter: after a crash the clock could issue `ts` again.
  // Not hlc_high_water: that records what the server has confirmed, and it confirmed none of this.
  store.setMeta('hlc_last_issued', store.clock.last());
  return { rows };
}
