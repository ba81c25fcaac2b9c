// First-run state of a server store: its identity (HLC node id, shape epoch) and, when
// asked, an organization. Organization rows go through the same merge path as any change.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { stampChange } from '../db/crdt/merge';
import type { ReplicatedTableName } from '../db/schema/registry';
import type { Change, ChangeResult } from '../db/crdt/change';
import type { ServerDb } from './store/server-db';

export interface ServerIdentity {
  nodeId: string;
  /** Changes whenever the server's history starts over; part of every shape handle. */
  epoch: string;
}

async function metaValue(db: ServerDb, key: string, create: () => string): Promise<string> {
  await db.query('insert into server_meta (key, value) values ($1, $2) on conflict (key) do nothing', [key, create()]);
  const { rows } = await db.query<{ value: string }>('select value from server_meta where key = $1', [key]);
  return rows[0]!.value;
}

export async function loadServerIdentity(db: ServerDb): Promise<ServerIdentity> {
  return {
    // Per process, not per database: two instances on one PostgreSQL are two clocks, and
    // HLC timestamps are unique only if no two clocks share a node id.
    nodeId: randomBytes(8).toString('hex'),
    epoch: await metaValue(db, 'epoch', () => randomBytes(6).toString('hex')),
  };
}

/**
 * After a restore the server's history is back in the past: sequence numbers that devices
 * already hold will be handed out again for other changes. A new epoch changes every shape
 * handle, so each device gets Electric's 409 must-refetch and reads from the start instead
 * of resuming from an offset that now means something else.
 */
export async function startNewEpoch(db: ServerDb): Promise<string> {
  const epoch = randomBytes(6).toString('hex');
  await db.query(`insert into server_meta (key, value) values ('epoch', $1) on conflict (key) do update set value = excluded.value`, [epoch]);
  return epoch;
}

export async function findOrganization(db: ServerDb): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('select id from organizations where not deleted order by id limit 1');
  return rows[0]?.id ?? null;
}

export type SystemWriter = (orgId: string, changes: Change[]) => Promise<ChangeResult[]>;

/** Rows as the server itself writes them (bootstrap, demo data): stamped with its clock. */
export function systemChanges(table: ReplicatedTableName, rows: Record<string, unknown>[], now: () => string): Change[] {
  return rows.map((row) => {
    const { id, org_id: _org, hlc: _hlc, server_seq: _seq, ...values } = row;
    const stamped = stampChange(values, now());
    return { id: uuidv7(), table, row: id as string, values: stamped.values, hlc: stamped.hlc, staffUserId: null };
  });
}

export async function ensureOrganization(db: ServerDb, write: SystemWriter, now: () => string, name = 'My Clinic'): Promise<string> {
  const existing = await findOrganization(db);
  if (existing) return existing;
  const orgId = uuidv7();
  const results = await write(orgId, systemChanges('organizations', [{ id: orgId, name, deleted: false }], now));
  if (results[0]?.status !== 'accepted') throw new Error(`Could not create the organization: ${JSON.stringify(results[0])}`);
  return orgId;
}
