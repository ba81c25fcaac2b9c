// Sequence numbers are handed out in commit order, under one lock per organization.
//
// Why not take a sequence number anywhere inside the writing transaction? Because with
// concurrent writers (pooled connections, two server instances) a number taken earlier can
// commit later; a shape reader that already moved past it would skip that change forever
// and replicas would silently diverge (ARCHITECTURE.md 5). Numbers come from the
// organization's row in org_sequences, and taking them locks that row until the
// transaction ends: a merge batch sets aside its own (setAsideSql, in the statement that
// writes its rows) and then numbers the committed, unnumbered changes it found
// (numberCommitted); the publisher numbers the changes other writers committed with
// seq = null, after locking the row (lockPublication). So numbers are handed out in
// commit order: everything numbered <= N was committed before N was handed out, or with
// it, and a reader that has seen N has seen everything below it.
import { replicatedTableNames } from '../../db/schema/registry';
import type { ServerDb, Sql } from '../store/server-db';
import type { Statement } from '../store/statement';

export class Publisher {
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(private readonly db: ServerDb) {}

  /** Wake the shape long-polls of every instance: new numbers are visible. */
  announce(orgId: string): Promise<void> {
    return this.db.notifyPublished(orgId);
  }

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
 * numbered, and stamp the rows, under the organization's lock (held until `tx` ends).
 * Returns the numbers given, by change id.
 */
export async function numberPending(tx: Sql, orgId: string): Promise<Map<string, number>> {
  await lockPublication(tx, [orgId]);
  return numberCommitted(tx, orgId);
}

/**
 * Lock the organizations' sequences until the transaction ends (creating them if need be),
 * in one statement and in the order setAsideSql takes them (the array's, sorted here, not
 * the database collation's): two transactions never deadlock on them.
 */
export async function lockPublication(tx: Sql, orgIds: string[]): Promise<void> {
  await tx.query(
    `insert into org_sequences (org_id, last_seq) select o, 0 from unnest($1::text[]) as o
     on conflict (org_id) do update set last_seq = org_sequences.last_seq`,
    [[...new Set(orgIds)].sort()]);
}

/**
 * Which of the organizations have committed changes without a number. Asked in the
 * statement that locks their sequences, so it may miss a change committed while it waited
 * for them: that change is numbered by the next batch or the publisher, above every number
 * given now, which a reader that has seen those numbers will still reach.
 */
export function unnumberedSql(st: Statement, orgIds: string[]): string {
  return `(select coalesce(json_agg(distinct org_id), '[]') from change_log where org_id = any(${st.param(orgIds, 'text[]')}) and seq is null)`;
}

/**
 * CTEs that set aside the next `counts` numbers per organization, locking its sequence
 * until the transaction ends; `bases` holds each one's number before its first. The
 * statement must use every number (a gap would stall readers).
 */
export function setAsideSql(st: Statement, counts: Map<string, number>): string {
  const orgs = [...counts.keys()].sort();
  return `wanted as (select * from unnest(${st.param(orgs, 'text[]')}, ${st.param(orgs.map((o) => counts.get(o)!), 'int8[]')}) as w(org_id, n)),
     bumped as (
       insert into org_sequences (org_id, last_seq) select org_id, n from wanted
       on conflict (org_id) do update set last_seq = org_sequences.last_seq + excluded.last_seq
       returning org_id, last_seq),
     bases as (select b.org_id, b.last_seq - w.n as base from bumped b join wanted w using (org_id))`;
}

/** The base of organization `orgId` (an SQL expression) in a statement that includes setAsideSql. */
export const baseOf = (orgId: string) => `(select base from bases where bases.org_id = ${orgId})`;

/**
 * With the organization's sequence locked (lockPublication or setAsideSql, in an earlier
 * statement, so this one sees every change committed before): number its committed,
 * unnumbered changes and stamp their rows. Returns the numbers given, by change id.
 */
export async function numberCommitted(tx: Sql, orgId: string): Promise<Map<string, number>> {
  const { rows: [result] } = await tx.query<{ numbered: { change_id: string; table_name: string; row_id: string; status: string; seq: number }[] }>(
    `with pending as (
       select change_id, row_number() over (order by received_at, change_id) as n, count(*) over () as total
         from change_log where org_id = $1 and seq is null
     ), bumped as (
       insert into org_sequences (org_id, last_seq) select $1, coalesce(max(total), 0) from pending
       on conflict (org_id) do update set last_seq = org_sequences.last_seq + excluded.last_seq
       returning last_seq
     ), numbered as (
       update change_log c set seq = b.last_seq - p.total + p.n
         from pending p, bumped b
        where c.change_id = p.change_id
       returning c.change_id, c.table_name, c.row_id, c.status, c.seq
     )
     select (select coalesce(json_agg(numbered), '[]'::json) from numbered) as numbered`,
    [orgId]);
  const numbered = result!.numbered;
  const seqs = new Map(numbered.map((r) => [r.change_id, Number(r.seq)]));
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
    // In id order, as merge batches lock rows (pg-rows.ts lockRowsSql): no deadlock between them.
    const ordered = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await tx.query(
      `update "${table}" t set server_seq = x.seq
         from (select * from unnest($1::text[], $2::int8[]) as u(id, seq) order by id) as x
        where t.id = x.id and t.org_id = $3`,
      [ordered.map(([id]) => id), ordered.map(([, seq]) => seq), orgId]);
  }
  return seqs;
}
