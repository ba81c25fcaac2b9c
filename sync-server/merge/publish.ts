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
import type { ServerDb } from '../store/server-db';

export class Publisher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(private readonly db: ServerDb) {}

  /**
   * Resolves once every change committed before the call has a sequence number.
   * Concurrent callers share runs: at most one running and one queued per organization.
   */
  publish(orgId: string): Promise<void> {
    const queued = this.queued.get(orgId);
    if (queued) return queued;
    const previous = this.running.get(orgId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      this.queued.delete(orgId);
      this.running.set(orgId, next);
      try {
        const published = await publishOnce(this.db, orgId);
        if (published > 0) await this.db.notifyPublished(orgId);
      } finally {
        if (this.running.get(orgId) === next) this.running.delete(orgId);
      }
    });
    this.queued.set(orgId, next);
    return next;
  }
}

export async function publishOnce(db: ServerDb, orgId: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtextextended('frontdesk-publish:' || $1, 0))`, [orgId]);
    const { rows: pending } = await tx.query<{ change_id: string; table_name: string; row_id: string; status: string }>(
      `select change_id, table_name, row_id, status from change_log
        where org_id = $1 and seq is null order by received_at, change_id`, [orgId]);
    if (pending.length === 0) return 0;
    await tx.query(`insert into org_sequences (org_id, last_seq) values ($1, 0) on conflict (org_id) do nothing`, [orgId]);
    const { rows: [range] } = await tx.query<{ last_seq: number }>(
      `update org_sequences set last_seq = last_seq + $2 where org_id = $1 returning last_seq`, [orgId, pending.length]);
    const first = range!.last_seq - pending.length + 1;
    const seqs = pending.map((_, i) => first + i);
    await tx.query(
      `update change_log c set seq = x.seq from unnest($1::text[], $2::int8[]) as x(id, seq) where c.change_id = x.id`,
      [pending.map((p) => p.change_id), seqs]);
    // A row touched by several changes carries the newest one's number.
    const latest = new Map<string, Map<string, number>>();
    pending.forEach((p, i) => {
      if (p.status !== 'accepted') return;
      if (!latest.has(p.table_name)) latest.set(p.table_name, new Map());
      latest.get(p.table_name)!.set(p.row_id, seqs[i]!);
    });
    for (const table of replicatedTableNames) {
      const rows = latest.get(table);
      if (!rows) continue;
      await tx.query(
        `update "${table}" t set server_seq = x.seq from unnest($1::text[], $2::int8[]) as x(id, seq) where t.id = x.id and t.org_id = $3`,
        [[...rows.keys()], [...rows.values()], orgId]);
    }
    return pending.length;
  });
}
