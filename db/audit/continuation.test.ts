import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEvent, type ChainedAuditEvent } from './chain';
import { auditEventFromChange, checkChainContinuation } from './continuation';

const DEVICE = 'device-1';

/** A device's chain of `length` events, hashed as the device's store does. */
function chain(length: number, deviceId = DEVICE): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const content = {
      id: `${deviceId}-e${seq}`, orgId: 'org-1', deviceId, chainSeq: seq, staffUserId: 'staff-1', at: 1_780_000_000_000 + seq,
      action: 'appointment.book', entityTable: 'appointments', entityId: `appt-${seq}`, before: null, after: { status: 'booked', seq },
    };
    const hash = hashAuditEvent(content, prev);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

const tailOf = (e: ChainedAuditEvent) => ({ chainSeq: e.chainSeq, hash: e.hash });

describe('checking that a pushed batch continues a device audit chain', () => {
  const events = chain(6);

  it('accepts a first batch from event 1, and a later batch that follows the stored tail', () => {
    expect(checkChainContinuation(DEVICE, null, events.slice(0, 3))).toEqual({ ok: true, tail: tailOf(events[2]!) });
    expect(checkChainContinuation(DEVICE, tailOf(events[2]!), events.slice(3))).toEqual({ ok: true, tail: tailOf(events[5]!) });
  });

  it('takes the batch in chain order whatever order it arrived in', () => {
    expect(checkChainContinuation(DEVICE, tailOf(events[1]!), [events[4]!, events[2]!, events[3]!])).toMatchObject({ ok: true, tail: tailOf(events[4]!) });
  });

  it('an empty batch changes nothing', () => {
    expect(checkChainContinuation(DEVICE, tailOf(events[1]!), [])).toEqual({ ok: true, tail: tailOf(events[1]!) });
    expect(checkChainContinuation(DEVICE, null, [])).toEqual({ ok: true, tail: null });
  });

  it('is broken at the missing event when the batch skips one', () => {
    const verdict = checkChainContinuation(DEVICE, tailOf(events[1]!), [events[3]!, events[4]!]);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 3, continuing: [], refused: [events[3], events[4]] });
    expect(verdict.ok || verdict.message).toMatch(/event 3 is missing/);
  });

  it('is broken at an event edited after it was hashed, keeping the events before it', () => {
    const edited = { ...events[3]!, after: { status: 'cancelled', seq: 4 } };
    const verdict = checkChainContinuation(DEVICE, tailOf(events[1]!), [events[2]!, edited, events[4]!]);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 4, continuing: [events[2]], refused: [edited, events[4]] });
    expect(verdict.ok || verdict.message).toMatch(/altered/);
  });

  it('is broken when the batch links to a different tail than the one stored (a forked or rewritten trail)', () => {
    const other = chain(4).map((e) => ({ ...e })); // same numbers, but the server holds a tail with another hash
    const storedTail = { chainSeq: 2, hash: 'f'.repeat(64) };
    expect(checkChainContinuation(DEVICE, storedTail, other.slice(2))).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('is broken when a batch re-sends numbers the server already holds under new ids', () => {
    const replay = events.slice(1, 3).map((e) => ({ ...e, id: `${e.id}-again` }));
    const verdict = checkChainContinuation(DEVICE, tailOf(events[2]!), replay);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 4 });
    expect(verdict.ok || verdict.message).toMatch(/event 2 is already recorded/);
  });

  it('refuses events of another device from the first of them on', () => {
    const foreign = chain(3, 'device-2')[2]!;
    const verdict = checkChainContinuation(DEVICE, null, [events[0]!, events[1]!, foreign]);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 3, continuing: [events[0], events[1]], refused: [foreign] });
    expect(verdict.ok || verdict.message).toMatch(/belongs to device device-2/);
  });

  it('reads pushed column values back into the hashed shape', () => {
    const e = events[0]!;
    const values = {
      device_id: e.deviceId, chain_seq: e.chainSeq, staff_user_id: e.staffUserId, at: e.at, action: e.action,
      entity_table: e.entityTable, entity_id: e.entityId, before: e.before, after: e.after, prev_hash: e.prevHash, hash: e.hash,
    };
    expect(auditEventFromChange('org-1', e.id, values)).toEqual(e);
    expect(checkChainContinuation(DEVICE, null, [auditEventFromChange('org-1', e.id, values)]).ok).toBe(true);
    expect(checkChainContinuation(DEVICE, null, [auditEventFromChange('org-2', e.id, values)]).ok).toBe(false);
  });
});
