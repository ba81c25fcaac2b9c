// The key that signs patients' links. Every instance on one database must share it (a link
// sent by one is answered by another), so a generated one lives in server_meta, written once.
import { randomBytes } from 'node:crypto';
import type { Sql } from '../store/server-db';

export async function loadLinkSecret(db: Sql, given: string | null): Promise<Uint8Array> {
  if (given) return new TextEncoder().encode(given);
  await db.query(`insert into server_meta (key, value) values ('link_secret', $1) on conflict (key) do nothing`, [randomBytes(32).toString('base64url')]);
  const { rows } = await db.query<{ value: string }>(`select value from server_meta where key = 'link_secret'`);
  return new TextEncoder().encode(rows[0]!.value);
}
