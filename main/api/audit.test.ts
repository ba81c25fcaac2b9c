// The audit viewer and chain verification over a real encrypted replica: events written
// through the store's audited write path, read back by patient, appointment, staff user,
// device and date, and a tampered event found by its number.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEvent } from '../../db/audit/chain';
import { Fixtures, NOON, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
let manager: string;
let patient: string;
let appointment: string;

beforeAll(async () => {
  desk = await openTestDesk();
  manager = await desk.signIn('manager');
  const fixtures = new Fixtures(desk.store, desk.locationId);
  const provider = fixtures.provider('Dr. Audit Fixture');
  const service = fixtures.service(30);
  patient = fixtures.patient({ first_name: 'Audra', last_name: 'Trailwright' });
  appointment = fixtures.appointment({ providerId: provider, serviceId: service, patientId: patient, startAt: NOON + 86_400_000 });
  // What the receptionist did, through the same audited write path the API uses.
  desk.store.write({ table: 'appointments', rowId: appointment, staffUserId: desk.staffId('receptionist'), action: 'appointment.cancel', values: { status: 'cancelled', cancel_reason: 'Patient called' } });
  desk.store.write({ table: 'patients', rowId: patient, staffUserId: desk.staffId('nurse'), action: 'patient.update', values: { phone: '+1 212 555 0100' } });
}, 120_000);
afterAll(() => desk?.cleanup());

async function events(input: Record<string, unknown>) {
  const result = await desk.router.invoke('audit.events', input, manager);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the audit viewer', () => {
  it('shows who cancelled an appointment, from which device, before and after', async () => {
    const page = await events({ appointmentId: appointment });
    expect(page.entries.map((e) => e.action)).toEqual(['appointment.cancel', 'test.setup']);
    const [cancel] = page.entries;
    expect(cancel).toMatchObject({
      staffUserId: desk.staffId('receptionist'), staffRole: 'receptionist', staffName: expect.any(String),
      deviceId: desk.store.identity.deviceId, isThisDevice: true, entityTable: 'appointments', entityId: appointment,
    });
    expect(cancel!.changes).toEqual([
      { column: 'cancel_reason', before: null, after: 'Patient called' },
      { column: 'status', before: 'booked', after: 'cancelled' },
    ]);
  });

  it('finds a patient’s own record and their appointments', async () => {
    const page = await events({ patientId: patient });
    expect(new Set(page.entries.map((e) => `${e.entityTable}:${e.action}`))).toEqual(new Set([
      'patients:patient.update', 'patients:test.setup', 'appointments:appointment.cancel', 'appointments:test.setup',
    ]));
  });

  it('filters by staff user, device and day, and pages', async () => {
    expect((await events({ staffUserId: desk.staffId('nurse') })).entries.map((e) => e.action)).toEqual(['patient.update']);
    expect((await events({ deviceId: 'another-device' })).entries).toEqual([]);
    const today = new Date(desk.store.sqlite.prepare('select max(at) as at from audit_events').pluck().get() as number).toISOString().slice(0, 10);
    expect((await events({ from: today, to: today, timeZone: 'UTC', patientId: patient })).entries).toHaveLength(4);
    expect((await events({ from: '2001-01-01', to: '2001-01-02', timeZone: 'UTC' })).entries).toEqual([]);
    const first = await events({ patientId: patient, limit: 3 });
    const rest = await events({ patientId: patient, limit: 3, offset: 3 });
    expect([first.entries.length, first.hasMore, rest.entries.length, rest.hasMore]).toEqual([3, true, 1, false]);
  });
});

describe('chain verification', () => {
  it('says "verified" for every intact device chain, this device first', async () => {
    // Another device's chain, as it arrives by sync.
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const content = { id: uuidv7(), orgId: desk.store.identity.orgId!, deviceId: 'device-other', chainSeq: seq, staffUserId: null, at: NOON + seq, action: 'test.other', entityTable: 'patients', entityId: patient, before: null, after: { seq } };
      const hash = hashAuditEvent(content, prev);
      desk.store.sqlite.prepare(`insert into audit_events (id, org_id, hlc, device_id, chain_seq, staff_user_id, at, action, entity_table, entity_id, "before", "after", prev_hash, hash)
        values (?, ?, '{}', ?, ?, null, ?, ?, ?, ?, null, ?, ?, ?)`).run(content.id, content.orgId, content.deviceId, seq, content.at, content.action, content.entityTable, content.entityId, JSON.stringify(content.after), prev, hash);
      prev = hash;
    }
    const result = await desk.router.invoke('audit.verifyChains', {}, manager);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.devices.map((d) => [d.isThisDevice, d.status])).toEqual([[true, 'verified'], [false, 'verified']]);
    expect(result.value.devices[1]).toMatchObject({ deviceId: 'device-other', events: 3, lastSeq: 3 });
  });

  it('says "broken at event N" when an event was edited in place', async () => {
    const deviceId = desk.store.identity.deviceId;
    const seq = desk.store.sqlite.prepare(`select chain_seq from audit_events where device_id = ? and action = 'appointment.cancel'`).pluck().get(deviceId) as number;
    desk.store.sqlite.prepare(`update audit_events set "after" = '{"status":"completed"}' where device_id = ? and chain_seq = ?`).run(deviceId, seq);
    const result = await desk.router.invoke('audit.verifyChains', { deviceId }, manager);
    expect(result).toMatchObject({ ok: true, value: { devices: [{ deviceId, status: 'broken', brokenAt: seq }] } });
  });
});
