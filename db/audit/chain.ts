// Hash-chained audit events: each event's hash covers its content and the previous hash,
// so editing, removing or reordering any event breaks every hash after it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: string;
  orgId: string;
  deviceId: string;
  chainSeq: number;
  staffUserId: string | null;
  at: number;
  action: string;
  entityTable: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ChainedAuditEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

export function hashAuditEvent(event: AuditContent, prevHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(prevHash + '\n' + canonicalJson(event))));
}

export type ChainVerdict = { ok: true; length: number } | { ok: false; brokenAt: number; message: string };

/** Verify one device's chain, ordered by chainSeq from 1 (or from `start` for a suffix). */
export function verifyAuditChain(events: ChainedAuditEvent[], start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH }): ChainVerdict {
  let prev = start.prevHash;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const expectedSeq = start.seq + i;
    if (e.chainSeq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, message: `Audit event ${expectedSeq} is missing (found ${e.chainSeq}).` };
    if (e.prevHash !== prev) return { ok: false, brokenAt: e.chainSeq, message: `Audit event ${e.chainSeq} does not follow event ${e.chainSeq - 1}.` };
    const { prevHash: _p, hash, ...content } = e;
    if (hashAuditEvent(content, prev) !== hash) return { ok: false, brokenAt: e.chainSeq, message: `Audit event ${e.chainSeq} was altered after it was written.` };
    prev = hash;
  }
  return { ok: true, length: events.length };
}

/** JSON with object keys sorted at every depth, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
