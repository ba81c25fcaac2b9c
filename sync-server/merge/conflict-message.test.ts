// What a refused booking is told: who holds the slot and when, in the location's time zone.
// The facts about a holder already stored come with the overlap read (no statement of their
// own); a holder the same batch changed is described as the batch left it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { ColumnValues } from '../../db/crdt/merge';
import type { ServerDb, Sql } from '../store/server-db';
import { appointmentChanges, bookingValues, MIN, storeWithManager } from '../testing/batch-items';
import { describeConflict, SlotTaken } from './claims';
import { mergeBatch, type BatchItem } from './merge-batch';

const ORG = 'org-conflict-message';
const MANAGER = 'staff-conflict-manager';
const author = { orgId: ORG, deviceId: 'device-conflict-message', deviceRole: 'manager' as const };
// 15:00 UTC is 11:00 in New York (daylight saving time).
const BASE = Date.UTC(2027, 4, 3, 15, 0);
const TAIL = 'including preparation and cleanup time). Choose another time, add the patient to the waitlist, or ask a manager to overbook.';

const item = appointmentChanges(author, MANAGER, BASE, '00000000000000c2');
const booking = (over: Partial<ColumnValues> & { confirmation_code: string }): ColumnValues => bookingValues(BASE, { location_id: 'loc-ny', provider_id: 'prov-moss', ...over });

/** The batch's statements, to show no statement asked for a holder's description. */
function recording(db: ServerDb): { run: (items: BatchItem[]) => Promise<Awaited<ReturnType<typeof mergeBatch>>>; texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    run: (items) => db.transaction((tx) => {
      const sql: Sql = { query: (text, params) => { texts.push(text); return tx.query(text, params); } };
      return mergeBatch(sql, items, BASE + 60 * MIN, { publish: true });
    }),
  };
}
const askedForHolder = (texts: string[]) => texts.some((t) => t.includes('as wanted'));

describe('the sentence a refused booking gets', () => {
  let db: ServerDb;
  const held = uuidv7();
  beforeAll(async () => {
    db = await storeWithManager(ORG, MANAGER);
    await db.query(`insert into locations (id, org_id, name, time_zone) values ('loc-ny', $1, 'Midtown', 'America/New_York')`, [ORG]);
    await db.query(`insert into providers (id, org_id, name, specialty) values ('prov-moss', $1, 'Dr. Moss', 'GP'), ('prov-lee', $1, 'Dr. Lee', 'GP')`, [ORG]);
    await db.query(`insert into resources (id, org_id, location_id, name, kind) values ('room-1', $1, 'loc-ny', 'Exam room 1', 'room')`, [ORG]);
    const [first] = await recording(db).run([item(held, booking({ confirmation_code: 'HOLD1', resource_ids: ['room-1'], patient_id: 'pat-hold' }))]);
    expect(first).toMatchObject({ status: 'accepted' });
  }, 180_000);
  afterAll(() => db?.close());

  it('names the provider, the room or the patient, with the holder\'s time and code, from the overlap read alone', async () => {
    const batch = recording(db);
    const [provider, room, patient] = await batch.run([
      item(uuidv7(), booking({ confirmation_code: 'P1', start_at: BASE + 15 * MIN, end_at: BASE + 45 * MIN })),
      item(uuidv7(), booking({ confirmation_code: 'R1', provider_id: 'prov-lee', resource_ids: ['room-1'] })),
      item(uuidv7(), booking({ confirmation_code: 'S1', provider_id: 'prov-lee', patient_id: 'pat-hold' })),
    ]);
    expect(provider).toEqual({ id: expect.any(String), status: 'rejected', reason: 'slot_taken', conflictsWith: held, message: `Dr. Moss is already booked 2027-05-03 11:00-11:30 (confirmation HOLD1, ${TAIL}` });
    expect(room).toMatchObject({ reason: 'slot_taken', conflictsWith: held, message: `Exam room 1 is already in use 2027-05-03 11:00-11:30 (confirmation HOLD1, ${TAIL}` });
    expect(patient).toMatchObject({ reason: 'slot_taken', conflictsWith: held, message: `The patient already has an appointment 2027-05-03 11:00-11:30 (confirmation HOLD1, ${TAIL}` });
    expect(askedForHolder(batch.texts)).toBe(false);
    // The same sentence as the database's own answer (the path a lost race takes).
    expect(await describeConflict(db, ORG, new SlotTaken(held, { kind: 'provider', key: 'prov-moss' }))).toBe((provider as { message: string }).message);
  });

  it('describes a holder the same batch moved as the batch left it', async () => {
    const batch = recording(db);
    const [moved, refused] = await batch.run([
      item(held, { start_at: BASE + 60 * MIN, end_at: BASE + 90 * MIN }),
      item(uuidv7(), booking({ confirmation_code: 'P2', start_at: BASE + 60 * MIN, end_at: BASE + 90 * MIN })),
    ]);
    expect(moved).toMatchObject({ status: 'accepted' });
    expect(refused).toMatchObject({ reason: 'slot_taken', conflictsWith: held, message: `Dr. Moss is already booked 2027-05-03 12:00-12:30 (confirmation HOLD1, ${TAIL}` });
  });

  it('asks the database when the batch gave a stored holder another location', async () => {
    await db.query(`insert into locations (id, org_id, name, time_zone) values ('loc-la', $1, 'Westside', 'America/Los_Angeles')`, [ORG]);
    const batch = recording(db);
    // The location is no claim column: the holder keeps its stored claims, read with the
    // old location's facts, which no longer hold.
    const [moved, refused] = await batch.run([
      item(held, { location_id: 'loc-la' }),
      item(uuidv7(), booking({ confirmation_code: 'P3', start_at: BASE + 60 * MIN, end_at: BASE + 90 * MIN })),
    ]);
    expect(moved).toMatchObject({ status: 'accepted' });
    expect(refused).toMatchObject({ reason: 'slot_taken', conflictsWith: held, message: `Dr. Moss is already booked 2027-05-03 09:00-09:30 (confirmation HOLD1, ${TAIL}` });
    expect(askedForHolder(batch.texts)).toBe(true);
  });
});
