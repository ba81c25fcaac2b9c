// A merge batch numbered as it writes (mergeBatch's publish option): the batch's answers in
// batch order, accepted and rejected alike, then the changes committed earlier without
// numbers, with no gap; every row an accepted change touched carries the newest number,
// including a row whose change won no column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ColumnValues } from '../../db/crdt/merge';
import type { ServerDb } from '../store/server-db';
import { appointmentChanges, bookingValues, MIN, storeWithManager } from '../testing/batch-items';
import { mergeBatch } from './merge-batch';

const ORG = 'org-numbering-test';
const MANAGER = 'staff-numbering-manager';
const author = { orgId: ORG, deviceId: 'device-numbering-test', deviceRole: 'manager' as const };
const BASE = Date.UTC(2027, 4, 3, 15, 0);
const A = '0190e000-0000-7000-8000-000000000101';
const B = '0190e000-0000-7000-8000-000000000102';
const C = '0190e000-0000-7000-8000-000000000103';

const item = appointmentChanges(author, MANAGER, BASE, '00000000000000c1');
const booking = (start: number, code: string): ColumnValues => bookingValues(start, { provider_id: 'prov-n', confirmation_code: code });

describe('a merge batch numbered as it writes', () => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await storeWithManager(ORG, MANAGER);
  }, 180_000);
  afterAll(() => db?.close());

  it('numbers every answer in batch order, then the earlier unnumbered changes, and stamps the rows', async () => {
    // Merged one per transaction (the fallback path): committed without a number.
    const early = item(A, booking(BASE, 'NA'), 1);
    await db.transaction((tx) => mergeBatch(tx, [early], BASE));

    const move = item(A, { start_at: BASE + 60 * MIN, end_at: BASE + 90 * MIN }, 3);
    const book = item(B, booking(BASE, 'NB'), 4);
    const clash = item(C, booking(BASE, 'NC'), 5);
    // Stamped before the move: it is accepted but wins no column.
    const stale = item(A, { start_at: BASE + 120 * MIN, end_at: BASE + 150 * MIN }, 2);
    const refusal = { author, change: { id: uuidv7(), table: 'nope', row: 'x' }, result: { id: '', status: 'rejected' as const, reason: 'unknown_table' as const, message: 'There is no table "nope".' } };
    refusal.result.id = refusal.change.id;

    const results = await db.transaction((tx) => mergeBatch(tx, [move, book, clash, stale], BASE, { refusals: [refusal], publish: true }));
    // Answers for the items, then for the refusals.
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'accepted', 'rejected']);
    expect(results[2]).toMatchObject({ reason: 'slot_taken', conflictsWith: B });
    expect(results[4]).toEqual(refusal.result);
    expect(results.map((r) => (r.status === 'accepted' ? r.seq : null))).toEqual([1, 2, null, 4, null]);

    const { rows: log } = await db.query<{ change_id: string; seq: number | null }>('select change_id, seq from change_log order by seq');
    expect(log).toEqual([move, book, clash, stale, refusal, early].map((x, i) => ({ change_id: x.change.id, seq: i + 1 })));
    const { rows: [sequence] } = await db.query<{ last_seq: number }>('select last_seq from org_sequences where org_id = $1', [ORG]);
    expect(Number(sequence!.last_seq)).toBe(6);
    const { rows } = await db.query<{ id: string; server_seq: number; start_at: number }>('select id, server_seq, start_at from appointments order by id');
    expect(rows.map((r) => ({ ...r, server_seq: Number(r.server_seq), start_at: Number(r.start_at) })))
      .toEqual([{ id: A, server_seq: 6, start_at: BASE + 60 * MIN }, { id: B, server_seq: 2, start_at: BASE }]);
  });

  it('answers re-sent ids from the log inside the batch: the first answer, no new number; another organization is refused', async () => {
    const D = '0190e000-0000-7000-8000-000000000104';
    const first = item(D, booking(BASE + 600 * MIN, 'ND'), 10);
    const refusal = { author, change: { id: uuidv7(), table: 'nope', row: 'y' }, result: { id: '', status: 'rejected' as const, reason: 'unknown_table' as const, message: 'There is no table "nope".' } };
    refusal.result.id = refusal.change.id;
    const [accepted, refused] = await db.transaction((tx) => mergeBatch(tx, [first], BASE, { refusals: [refusal], publish: true }));
    expect(accepted).toMatchObject({ status: 'accepted' });
    const { rows: [before] } = await db.query<{ last_seq: number }>('select last_seq from org_sequences where org_id = $1', [ORG]);

    // The same ids again, one from a device of another organization, beside a new change.
    const stranger = { ...first, author: { ...author, orgId: 'org-other' } };
    const fresh = item(D, { start_at: BASE + 660 * MIN, end_at: BASE + 690 * MIN }, 11);
    const again = await db.transaction((tx) => mergeBatch(tx, [first, stranger, fresh], BASE, { refusals: [{ ...refusal, result: { ...refusal.result, message: 'changed' } }], publish: true }));
    expect(again[0]).toEqual(accepted);
    expect(again[1]).toEqual({ id: first.change.id, status: 'rejected', reason: 'invalid', message: 'That change id is already in use.' });
    expect(again[2]).toEqual({ id: fresh.change.id, status: 'accepted', seq: Number(before!.last_seq) + 1 });
    expect(again[3]).toEqual(refused);
    const { rows: [after] } = await db.query<{ last_seq: number }>('select last_seq from org_sequences where org_id = $1', [ORG]);
    expect(Number(after!.last_seq)).toBe(Number(before!.last_seq) + 1);
    const { rows: [row] } = await db.query<{ start_at: number }>('select start_at from appointments where id = $1', [D]);
    expect(Number(row!.start_at)).toBe(BASE + 660 * MIN);
  });
});
