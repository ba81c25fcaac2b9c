// The statements a merge batch sends, whatever its size (docs/sync-protocol.md, Group
// commit): new bookings take one read (rows and claim keys locked), one overlap read and one
// write; moving stored appointments adds the locks of the keys they claim without naming
// them and the release of their old claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ColumnValues } from '../../db/crdt/merge';
import type { ServerDb, Sql } from '../store/server-db';
import { appointmentChanges, bookingValues, MIN, storeWithManager } from '../testing/batch-items';
import { mergeBatch, type BatchItem } from './merge-batch';

const ORG = 'org-statements';
const MANAGER = 'staff-statements-manager';
const author = { orgId: ORG, deviceId: 'device-statements', deviceRole: 'manager' as const };
const BASE = Date.UTC(2027, 6, 5, 14, 0);

const item = appointmentChanges(author, MANAGER, BASE, '00000000000000c3');
const booking = (n: number): ColumnValues => bookingValues(BASE, { provider_id: `prov-${n}`, resource_ids: [`room-${n}`], confirmation_code: `C${n}` });

describe('the statements of a merge batch', () => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await storeWithManager(ORG, MANAGER);
  }, 180_000);
  afterAll(() => db?.close());

  const run = async (items: BatchItem[]) => {
    const texts: string[] = [];
    const results = await db.transaction((tx) => {
      const sql: Sql = { query: (text, params) => { texts.push(text); return tx.query(text, params); } };
      return mergeBatch(sql, items, BASE, { publish: true });
    });
    return { results, texts };
  };
  const rows = Array.from({ length: 12 }, () => uuidv7());

  it('books a dozen new appointments with three statements, the claim keys locked in the first', async () => {
    const { results, texts } = await run(rows.map((row, n) => item(row, booking(n))));
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/for update[\s\S]*pg_advisory_xact_lock/);
    expect(texts[1]).toMatch(/join claims c/);
    expect(texts[2]).toMatch(/insert into org_sequences[\s\S]*insert into claims[\s\S]*insert into change_log/);
  });

  it('locks the keys a move claims without naming them, and releases the old claims, in two more', async () => {
    const { results, texts } = await run(rows.slice(0, 6).map((row) => item(row, { start_at: BASE + 60 * MIN, end_at: BASE + 90 * MIN })));
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(texts).toHaveLength(5);
    expect(texts[0]).not.toMatch(/pg_advisory_xact_lock/);
    expect(texts[1]).toMatch(/pg_advisory_xact_lock/);
    expect(texts[3]).toMatch(/^delete from claims/);
    const { rows: claims } = await db.query<{ n: number }>('select count(*)::int as n from claims where lower(during) = $1', [BASE + 60 * MIN]);
    expect(claims[0]!.n).toBe(18);
  });
});
