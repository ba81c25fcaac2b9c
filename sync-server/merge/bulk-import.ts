// Server-side imports of brand-new rows (the demo clinic, a restore) in a few statements
// per batch instead of a few per row. The claims go into the same exclusion constraint,
// so an import can no more double-book than a device can; anything that is not a plain
// new row goes through applyChanges instead.
import type { Change, ChangeResult } from '../../db/crdt/change';
import { claimsOf } from '../../db/rules/overlap';
import { tableSpecs, type ColumnKind, type ReplicatedTableName } from '../../db/schema/registry';
import type { ServerDb } from '../store/server-db';
import { appointmentFromRow } from '../../db/schema/appointment-row';
import type { Publisher } from './publish';

const sqlType: Record<ColumnKind, string> = { text: 'text', integer: 'int8', boolean: 'boolean', json: 'jsonb' };

/** Returns null when the batch does not qualify (some row exists already); the caller then merges normally. */
export async function importNewRows(db: ServerDb, publisher: Publisher, orgId: string, deviceId: string, table: ReplicatedTableName, changes: Change[], now: number): Promise<ChangeResult[] | null> {
  if (changes.length === 0) return [];
  const ids = changes.map((c) => c.row);
  const { rows: existing } = await db.query(`select id from "${table}" where id = any($1::text[]) limit 1`, [ids]);
  if (existing.length > 0) return null;

  const spec = tableSpecs[table];
  const columns = spec.columns.filter((c) => c.name === 'id' || c.name === 'org_id' || c.name === 'hlc' || spec.writable.has(c.name));
  const records = changes.map((c) => ({ ...c.values, id: c.row, org_id: orgId, hlc: c.hlc }));
  const present = columns.filter((c) => ['id', 'org_id', 'hlc'].includes(c.name) || records.every((r) => c.name in r));
  if (present.length !== columns.length && records.some((r) => Object.keys(r).some((k) => !present.find((c) => c.name === k)))) return null;
  const list = present.map((c) => `"${c.name}"`).join(', ');
  const types = present.map((c) => `"${c.name}" ${sqlType[c.kind]}`).join(', ');

  try {
    await db.transaction(async (tx) => {
      await tx.query(`insert into "${table}" (${list}) select ${list} from jsonb_to_recordset($1::jsonb) as x(${types})`, [JSON.stringify(records)]);
      if (table === 'appointments') {
        const claims = changes.flatMap((c) => (c.values.deleted === true ? [] : claimsOf(appointmentFromRow({ ...c.values, id: c.row })).map((k) => ({ ...k, id: c.row, exclusive: c.values.overbook !== true }))));
        await tx.query(
          `insert into claims (appointment_id, org_id, kind, key, during, exclusive)
           select x.id, $1, x.kind, x.key, int8range(x.s, x.e), x.ex from unnest($2::text[], $3::text[], $4::text[], $5::int8[], $6::int8[], $7::boolean[]) as x(id, kind, key, s, e, ex)`,
          [orgId, claims.map((k) => k.id), claims.map((k) => k.kind), claims.map((k) => k.key), claims.map((k) => k.start), claims.map((k) => k.end), claims.map((k) => k.exclusive)]);
      }
      await tx.query(
        `insert into change_log (change_id, org_id, device_id, table_name, row_id, status, received_at)
         select x.id, $1, $2, $3, x.row_id, 'accepted', $4 from unnest($5::text[], $6::text[]) as x(id, row_id)`,
        [orgId, deviceId, table, now, changes.map((c) => c.id), ids]);
    });
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    // An overlap inside the import, or a value of the wrong type: let the normal path say which change, and why.
    if (code === '23P01' || code === '23502' || code === '22P02' || code === '23505') return null;
    throw e;
  }
  await publisher.publish(orgId);
  await refreshPlannerStatistics(db, table);
  const { rows } = await db.query<{ change_id: string; seq: number }>(`select change_id, seq from change_log where change_id = any($1::text[])`, [changes.map((c) => c.id)]);
  const seqs = new Map(rows.map((r) => [r.change_id, r.seq]));
  return changes.map((c) => ({ id: c.id, status: 'accepted', seq: seqs.get(c.id)! }));
}

/**
 * PGlite runs no autovacuum, so nothing else ever refreshes its planner statistics. After an
 * import the shape reads (`org_id = $1 and server_seq > $2 order by server_seq limit n`)
 * stayed planned for an empty table: a bitmap scan and a sort, spilled to disk, of every
 * remaining row for each page a new device pulls. Analyze the table whenever it has doubled
 * since it was last analyzed (a few times per import, however large). PostgreSQL's own
 * autovacuum does this there.
 */
async function refreshPlannerStatistics(db: ServerDb, table: ReplicatedTableName): Promise<void> {
  if (db.kind !== 'pglite') return;
  const { rows } = await db.query<{ pages: number; analyzed: number }>(
    `select pg_relation_size(c.oid) / current_setting('block_size')::int as pages, c.relpages as analyzed from pg_class c where c.oid = $1::regclass`, [`"${table}"`]);
  const size = rows[0];
  if (size && size.pages >= Math.max(2 * size.analyzed, 16)) await db.query(`analyze "${table}"`);
}
