// Sequence numbers are assigned after commit, by one publisher per organization at a time.
//
// Why not take a sequence number inside the writing transaction? Because with concurrent
// writers (pooled connections, two server instances) a number taken earlier can commit
// later; a shape reader that already moved past it would skip that change forever and
// replicas would silently diverge (ARCHITECTURE.md 5). Here writers commit their changes
// with seq = null, concurrently; the publisher, holding a transaction-scoped advisory lock
// on the organization, numbers every committed, unnumbered change and stamps the rows.
// Everything numbered <= N was committed before N was handed out, so a reader that has
// seen N has seen everything below it.
import { replicatedTableNames } from '../../db/schema/registry';
import type { ServerDb, Sql } from '../store/server-db';

export class Publisher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(private readonly db: ServerDb) {}

  /**
   * Resolves once every change committed before the call has a sequence number.
   * Concurrent callers share runs: at most one running and one queued per organization.
   */
  /** Wake the shape long-polls of every instance: new numbers are visible. */
  announce(orgId: string): Promise<void> {
    return this.db.notifyPublished(orgId);
  }

  publish(orgId: string): Promise<void> {
    const queued = this.queued.get(orgId);
    if (queued) return queued;
    const previous = this.running.get(orgId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      this.queued.delete(orgId);
      this.running.set(orgId, next);
      try {
        const published = await publishOnce(this.db, orgId);
        if (published > 0) await this.announce(orgId);
      } finally {
        if (this.running.get(orgId) === next) this.running.delete(orgId);
      }
    });
    this.queued.set(orgId, next);
    return next;
  }
}

export async function publishOnce(db: ServerDb, orgId: string): Promise<number> {
  return (await db.transaction((tx) => numberPending(tx, orgId))).size;
}

/**
 * Number every change of `orgId` that is committed (or written by `tx` itself) and not yet
 * numbered, and stamp the rows. The organization's lock is held until `tx` ends, so a merge
 * batch may call this as its last step: its numbers are then handed out in commit order,
 * with no second transaction. Returns the numbers given, by change id.
 */
export async function numberPending(tx: Sql, orgId: string): Promise<Map<string, number>> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('frontdesk-publish:' || $1, 0))`, [orgId]);
  const { rows: numbered } = await tx.query<{ change_id: string; table_name: string; row_id: string; status: string; seq: string | number }>(
    `with pending as (
       select change_id, row_number() over (order by received_at, change_id) as n, count(*) over () as total
         from change_log where org_id = $1 and seq is null
     ), bumped as (
       insert into org_sequences (org_id, last_seq) select $1, coalesce(max(total), 0) from pending
       on conflict (org_id) do update set last_seq = org_sequences.last_seq + excluded.last_seq
       returning last_seq
     )
     update change_log c set seq = b.last_seq - p.total + p.n
       from pending p, bumped b
      where c.change_id = p.change_id
     returning c.change_id, c.table_name, c.row_id, c.status, c.seq`,
    [orgId]);
  const seqs = new Map(numbered.map((r) => [r.change_id, Number(r.seq)]));
  if (numbered.length === 0) return seqs;
  // A row touched by several changes carries the newest one's number.
  const latest = new Map<string, Map<string, number>>();
  for (const r of numbered) {
    if (r.status !== 'accepted') continue;
    const rows = latest.get(r.table_name) ?? new Map<string, number>();
    rows.set(r.row_id, Math.max(rows.get(r.row_id) ?? 0, Number(r.seq)));
    latest.set(r.table_name, rows);
  }
  for (const table of replicatedTableNames) {
    const rows = latest.get(table);
    if (!rows) continue;
    // In id order, as merge batches lock rows (pg-rows.ts lockRows): no deadlock between them.
    const ordered = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await tx.query(
      `update "${table}" t set server_seq = x.seq
         from (select * from unnest($1::text[], $2::int8[]) as u(id, seq) order by id) as x
        where t.id = x.id and t.org_id = $3`,
      [ordered.map(([id]) => id), ordered.map(([, seq]) => seq), orgId]);
  }
  return seqs;
}
