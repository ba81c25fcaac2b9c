// Group commit must not change a single answer: a batch merged in one transaction ends
// exactly where the same changes applied one per transaction, in order, end: the same
// answers (slot_taken and its holder included), the same rows, the same claims.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Change, ChangeResult } from '../../db/crdt/change';
import { HybridClock } from '../../db/crdt/hlc';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { BatchNeedsSplitting, mergeBatch, type BatchItem } from './merge-batch';

const ORG = 'org-batch-test';
// A manager's desk: managers may overbook, so overbooked claims are in play too.
const MANAGER = 'staff-manager';
const author = { orgId: ORG, deviceId: 'device-batch-test', deviceRole: 'manager' as const };
const MIN = 60_000;
const BASE = Date.UTC(2027, 2, 1, 16, 0);
const appointments = ['a1', 'a2', 'a3', 'a4'].map((s) => `0190e000-0000-7000-8000-00000000000${s.slice(1)}`);
const providers = ['prov-1', 'prov-2'];
const patients = ['pat-1', 'pat-2', 'pat-3'];

type Op =
  | { kind: 'book'; appointment: number; provider: number; patient: number; slot: number; length: number; room: boolean; overbook: boolean }
  | { kind: 'move'; appointment: number; slot: number; length: number }
  | { kind: 'provider'; appointment: number; provider: number }
  | { kind: 'status'; appointment: number; status: 'cancelled' | 'booked' | 'checked_in' }
  | { kind: 'delete'; appointment: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('book' as const), appointment: fc.nat(3), provider: fc.nat(1), patient: fc.nat(2), slot: fc.nat(10), length: fc.integer({ min: 1, max: 3 }), room: fc.boolean(), overbook: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), appointment: fc.nat(3), slot: fc.nat(6), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('provider' as const), appointment: fc.nat(3), provider: fc.nat(1) }),
  fc.record({ kind: fc.constant('status' as const), appointment: fc.nat(3), status: fc.constantFrom('cancelled' as const, 'booked' as const, 'checked_in' as const) }),
  fc.record({ kind: fc.constant('delete' as const), appointment: fc.nat(3) }),
);

/** The ops as changes; a partial change to an appointment never booked becomes a booking, so rows stay complete. */
function toChanges(ops: { op: Op; stale: boolean }[]): Change[] {
  let physical = BASE;
  const clock = new HybridClock('00000000000000b1', () => physical);
  const booked = new Set<number>();
  const stamps: string[] = [];
  return ops.map(({ op: o, stale }) => {
    physical += 1_000;
    let values: Record<string, unknown>;
    const at = (slot: number, length: number) => ({ start_at: BASE + slot * 30 * MIN, end_at: BASE + (slot + length) * 30 * MIN });
    if (o.kind === 'book' || !booked.has(o.appointment)) {
      const b = o.kind === 'book' ? o : { appointment: o.appointment, provider: 0, patient: o.appointment % 3, slot: 0, length: 1, room: false, overbook: false };
      booked.add(b.appointment);
      values = {
        location_id: 'loc-1', provider_id: providers[b.provider], service_id: 'svc-1', patient_id: patients[b.patient],
        resource_ids: b.room ? ['room-1'] : [], ...at(b.slot, b.length), buffer_before_min: 0, buffer_after_min: 5,
        status: 'booked', source_channel: 'desk', overbook: b.overbook, confirmation_code: `C${b.appointment}`, booked_at: BASE, deleted: false,
      };
    } else if (o.kind === 'move') values = at(o.slot, o.length);
    else if (o.kind === 'provider') values = { provider_id: providers[o.provider] };
    else if (o.kind === 'status') values = { status: o.status };
    else values = { deleted: true };
    // Now and then a change stamped earlier than the last one (an edit made offline): it may lose columns.
    const ts = stale && stamps.length > 0 ? stamps[Math.floor(stamps.length / 2)]! : clock.now();
    stamps.push(ts);
    return { id: uuidv7(), table: 'appointments', row: appointments[o.appointment]!, staffUserId: MANAGER, values, hlc: Object.fromEntries(Object.keys(values).map((k) => [k, ts])) };
  });
}

async function reset(db: ServerDb): Promise<void> {
  for (const table of ['appointments', 'claims', 'change_log', 'org_sequences']) await db.query(`delete from ${table}`);
}

async function snapshot(db: ServerDb) {
  const { rows: appts } = await db.query(
    'select id, provider_id, patient_id, resource_ids, start_at, end_at, status, overbook, deleted, hlc from appointments order by id');
  const { rows: claims } = await db.query(
    'select appointment_id, kind, key, lower(during) as s, upper(during) as e, exclusive from claims order by appointment_id, kind, key, s');
  const { rows: log } = await db.query('select change_id, status, reason, conflicts_with from change_log order by change_id');
  return { appts, claims, log };
}

const answer = (r: ChangeResult) => (r.status === 'accepted' ? { id: r.id, status: r.status } : r);

describe('merging a batch in one transaction', () => {
  let together: ServerDb;
  let alone: ServerDb;
  beforeAll(async () => {
    together = await openPgliteServerDb();
    alone = await openPgliteServerDb();
    for (const db of [together, alone]) {
      await db.query(`insert into staff_users (id, org_id, name, role, secret_hash, active, deleted, hlc) values ($1, $2, 'M', 'manager', 'x', true, false, '{}')`, [MANAGER, ORG]);
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all([together?.close(), alone?.close()]);
  });

  it('answers and stores exactly what applying the changes one by one does', async () => {
    let compared = 0;
    let split = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ op, stale: fc.nat(4).map((n) => n === 0) }), { minLength: 1, maxLength: 14 }), async (ops) => {
      await Promise.all([reset(together), reset(alone)]);
      const items: BatchItem[] = toChanges(ops).map((change) => ({ author, change, table: 'appointments' }));
      const now = BASE + 3_600_000;
      let batched: ChangeResult[];
      try {
        batched = await together.transaction((tx) => mergeBatch(tx, items, now));
      } catch (e) {
        // Allowed: the caller then runs the changes one by one, which is the reference itself.
        if (!(e instanceof BatchNeedsSplitting)) throw e;
        split++;
        return;
      }
      const single: ChangeResult[] = [];
      for (const item of items) single.push(...(await alone.transaction((tx) => mergeBatch(tx, [item], now))));
      expect(batched.map(answer)).toEqual(single.map(answer));
      expect(await snapshot(together)).toEqual(await snapshot(alone));
      compared++;
    }), { numRuns: 60 });
    // The property must be exercised, not split away (about two runs in three compare).
    expect(compared).toBeGreaterThanOrEqual(20);
    expect(compared + split).toBe(60);
  }, 300_000);

  it('lets a later change in the batch take the slot an earlier one freed, and refuses the one after', async () => {
    await reset(together);
    const clock = new HybridClock('00000000000000b2', () => BASE);
    const book = (row: string, patient: string, start: number) => ({
      id: uuidv7(), table: 'appointments', row,
      values: { location_id: 'loc-1', provider_id: 'prov-1', service_id: 'svc-1', patient_id: patient, resource_ids: [], start_at: start, end_at: start + 30 * MIN, buffer_before_min: 0, buffer_after_min: 0, status: 'booked', source_channel: 'desk', overbook: false, confirmation_code: row.slice(-4), booked_at: BASE, deleted: false },
    });
    const stamp = (c: Omit<Change, 'hlc'>): Change => {
      const ts = clock.now();
      return { ...c, staffUserId: MANAGER, hlc: Object.fromEntries(Object.keys(c.values).map((k) => [k, ts])) };
    };
    const [a, b, c] = appointments;
    await together.transaction((tx) => mergeBatch(tx, [{ author, table: 'appointments', change: stamp(book(a!, 'pat-1', BASE)) }], BASE));
    const results = await together.transaction((tx) => mergeBatch(tx, [
      { author, table: 'appointments', change: stamp({ id: uuidv7(), table: 'appointments', row: a!, values: { start_at: BASE + 60 * MIN, end_at: BASE + 90 * MIN } }) },
      { author, table: 'appointments', change: stamp(book(b!, 'pat-2', BASE)) },
      { author, table: 'appointments', change: stamp(book(c!, 'pat-3', BASE)) },
    ], BASE));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(results[2]).toMatchObject({ reason: 'slot_taken', conflictsWith: b });
    const { claims } = await snapshot(together);
    expect(claims.filter((x) => x.kind === 'provider').map((x) => [x.appointment_id, Number(x.s)])).toEqual([[a, BASE + 60 * MIN], [b, BASE]]);
  });
});
