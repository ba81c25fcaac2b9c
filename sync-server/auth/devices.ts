// Devices enroll once with a short-lived pairing code from a manager and get a bearer
// token. Only hashes of codes and tokens are stored: a copied database opens no doors.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Sql } from '../store/server-db';

export type DeviceRole = 'front_desk' | 'manager' | 'kiosk';
export const deviceRoles: DeviceRole[] = ['front_desk', 'manager', 'kiosk'];

export interface AuthenticatedDevice {
  deviceId: string;
  orgId: string;
  role: DeviceRole;
  nodeId: string;
}

export const PAIRING_CODE_TTL_MS = 15 * 60_000;
// No 0/O, 1/I/L: codes are read aloud and typed by people.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export async function createPairingCode(db: Sql, orgId: string, role: DeviceRole, now: number): Promise<{ code: string; expiresAt: number }> {
  const raw = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  await db.query('insert into pairing_codes (code_hash, org_id, role, expires_at) values ($1, $2, $3, $4)', [sha256(raw), orgId, role, expiresAt]);
  return { code: `${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt };
}

export class EnrollmentError extends Error {}

export async function enrollDevice(db: Sql, code: string, name: string, now: number): Promise<{ deviceId: string; nodeId: string; token: string }> {
  // One statement claims the code, so two devices racing with the same code cannot both win.
  const { rows } = await db.query<{ org_id: string; role: DeviceRole }>(
    `update pairing_codes set used_at = $2 where code_hash = $1 and used_at is null and expires_at > $2 returning org_id, role`,
    [sha256(normalizeCode(code)), now]);
  const claimed = rows[0];
  if (!claimed) throw new EnrollmentError('This pairing code is not valid: it may be mistyped, already used, or older than 15 minutes. Ask a manager for a new one.');
  const deviceId = uuidv7();
  const nodeId = randomBytes(8).toString('hex');
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `insert into devices (id, org_id, name, role, node_id, token_hash, created_at) values ($1, $2, $3, $4, $5, $6, $7)`,
    [deviceId, claimed.org_id, name, claimed.role, nodeId, sha256(token), now]);
  return { deviceId, nodeId, token };
}

/**
 * Who a bearer token belongs to. On a busy server the lookups go to the database together:
 * one query at a time, carrying every request that arrived while the previous one was out
 * (and those of the same turn of the event loop). Nothing is cached, so a revoked token is
 * refused from the next request on.
 */
export function batchedDeviceAuthenticator(db: Sql, now: () => number = Date.now): (authorization: string | undefined) => Promise<AuthenticatedDevice | null> {
  let waiting: { hash: string; resolve(d: AuthenticatedDevice | null): void; reject(e: unknown): void }[] = [];
  let scheduled = false;
  let busy = false;
  const recordSeen = lastSeenRecorder(db, now);
  const schedule = () => {
    if (scheduled || busy || waiting.length === 0) return;
    scheduled = true;
    setImmediate(() => void flush());
  };
  const flush = async () => {
    scheduled = false;
    busy = true;
    const batch = waiting;
    waiting = [];
    try {
      const found = await lookUpTokens(db, [...new Set(batch.map((w) => w.hash))]);
      await recordSeen([...found.values()].map((d) => d.deviceId));
      for (const w of batch) w.resolve(found.get(w.hash) ?? null);
    } catch (e) {
      for (const w of batch) w.reject(e);
    } finally {
      busy = false;
      schedule();
    }
  };
  return (authorization) => {
    const token = bearerToken(authorization);
    if (!token) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      waiting.push({ hash: sha256(token), resolve, reject });
      schedule();
    });
  };
}

/** How stale a device's last_seen_at may get: a manager reads "last sync" in minutes, not milliseconds. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Keeps devices.last_seen_at (what the device list shows as last sync) within a minute of
 * the device's latest authenticated request, with at most one UPDATE per device per minute
 * per server instance; the WHERE clause keeps several instances from rewriting it too.
 */
function lastSeenRecorder(db: Sql, now: () => number): (deviceIds: string[]) => Promise<void> {
  const writtenAt = new Map<string, number>();
  return async (deviceIds) => {
    const at = now();
    const due = deviceIds.filter((id) => !(at - (writtenAt.get(id) ?? -Infinity) < LAST_SEEN_RESOLUTION_MS));
    if (due.length === 0) return;
    for (const id of due) writtenAt.set(id, at);
    try {
      await db.query(
        'update devices set last_seen_at = $2 where id = any($1::text[]) and (last_seen_at is null or last_seen_at <= $3)',
        [due, at, at - LAST_SEEN_RESOLUTION_MS]);
    } catch (e) {
      // Bookkeeping for the device list: it must never turn a device's sync away.
      console.error('Could not record when devices were last seen', e);
    }
  };
}

function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
}

async function lookUpTokens(db: Sql, hashes: string[]): Promise<Map<string, AuthenticatedDevice>> {
  const { rows } = await db.query<{ id: string; org_id: string; role: DeviceRole; node_id: string; token_hash: string }>(
    `select id, org_id, role, node_id, token_hash from devices where token_hash = any($1::text[]) and revoked_at is null`, [hashes]);
  return new Map(rows.map((d) => [d.token_hash, { deviceId: d.id, orgId: d.org_id, role: d.role, nodeId: d.node_id }]));
}

export async function revokeDevice(db: Sql, deviceId: string, now: number): Promise<boolean> {
  const { rows } = await db.query(`update devices set revoked_at = $2 where id = $1 and revoked_at is null returning id`, [deviceId, now]);
  return rows.length > 0;
}
