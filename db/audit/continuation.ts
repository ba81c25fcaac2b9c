// Does a pushed batch of one device's audit events continue the chain the server already
// holds for that device? The server must answer before storing them: once a forged, edited
// or reordered event is stored, every later verification fails and nobody can tell which
// copy was true. Pure: the caller reads the stored tail (the device's highest chain_seq and
// its hash, or nothing) and passes the events that are new to it (a re-sent change id is
// answered from the change log before this is asked).
import { GENESIS_HASH, verifyAuditChain, type ChainedAuditEvent } from './chain';

export interface ChainTail {
  chainSeq: number;
  hash: string;
}

export type ContinuationVerdict =
  | { ok: true; tail: ChainTail | null }
  | {
    ok: false;
    /** chain_seq of the first event that does not fit: it and every later event of the batch are refused. */
    brokenAt: number;
    message: string;
    /** Events of the batch before the break, in chain order: they do continue the chain. */
    continuing: ChainedAuditEvent[];
    refused: ChainedAuditEvent[];
  };

/**
 * Events are taken in chain_seq order whatever order they came in; all must belong to
 * `deviceId`. An empty batch continues any chain.
 */
export function checkChainContinuation(deviceId: string, tail: ChainTail | null, incoming: ChainedAuditEvent[]): ContinuationVerdict {
  const events = [...incoming].sort((a, b) => a.chainSeq - b.chainSeq);
  const start = tail ? { seq: tail.chainSeq + 1, prevHash: tail.hash } : { seq: 1, prevHash: GENESIS_HASH };
  const foreign = events.findIndex((e) => e.deviceId !== deviceId);
  const checked = verifyAuditChain(foreign < 0 ? events : events.slice(0, foreign), start);
  if (checked.ok && foreign < 0) {
    const last = events[events.length - 1];
    return { ok: true, tail: last ? { chainSeq: last.chainSeq, hash: last.hash } : tail };
  }
  // verifyAuditChain stops at the first event whose number or hash does not fit, and
  // numbers must run on without gaps, so the break's index follows from its number.
  const at = checked.ok ? foreign : checked.brokenAt - start.seq;
  const brokenAt = start.seq + at;
  const culprit = events[at]!;
  const message = checked.ok
    ? `Audit event ${culprit.chainSeq} belongs to device ${culprit.deviceId}, not ${deviceId}.`
    : culprit.chainSeq < brokenAt
      ? `Audit event ${culprit.chainSeq} is already recorded for this device; a different event with that number would fork its trail.`
      : checked.message;
  return { ok: false, brokenAt, message, continuing: events.slice(0, at), refused: events.slice(at) };
}

/**
 * An audit event as pushed (column values of an audit_events change) in the shape the hash
 * covers. orgId is the pushing device's organization, which the server knows from its token.
 */
export function auditEventFromChange(orgId: string, rowId: string, values: Record<string, unknown>): ChainedAuditEvent {
  return {
    id: rowId,
    orgId,
    deviceId: String(values.device_id),
    chainSeq: Number(values.chain_seq),
    staffUserId: (values.staff_user_id ?? null) as string | null,
    at: Number(values.at),
    action: String(values.action),
    entityTable: String(values.entity_table),
    entityId: String(values.entity_id),
    before: (values.before ?? null) as Record<string, unknown> | null,
    after: (values.after ?? null) as Record<string, unknown> | null,
    prevHash: String(values.prev_hash),
    hash: String(values.hash),
  };
}
