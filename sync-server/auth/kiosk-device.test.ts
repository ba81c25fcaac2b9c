// A device enrolled with the kiosk role, attacking the real sync server: it may move an
// existing appointment to checked_in and nothing else, and it pulls no patient, appointment,
// staff or audit data (a kiosk finds appointments through a front desk's kiosk API instead).
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSpecs } from '../../db/schema/registry';
import { REJECTIONS_SHAPE } from '../shapes/serve-shape';
import { appointmentValues, startTestServer, type RunningServer, type TestDevice } from '../testing/harness';

let env: RunningServer;
let desk: TestDevice;
let kiosk: TestDevice;

beforeAll(async () => {
  env = await startTestServer();
  desk = await env.enroll('front_desk');
  kiosk = await env.enroll('kiosk', 'Lobby kiosk');
});
afterAll(() => env.close());

async function bookedAppointment(): Promise<string> {
  const id = uuidv7();
  const [result] = await desk.push([desk.change('appointments', id, appointmentValues({ provider_id: `prov-${id}` }))]);
  expect(result).toMatchObject({ status: 'accepted' });
  return id;
}

async function storedStatus(id: string): Promise<string> {
  const { rows } = await env.server.db.query<{ status: string }>('select status from appointments where id = $1', [id]);
  return rows[0]!.status;
}

describe('what a kiosk device may push', () => {
  it('cannot revive a cancelled appointment by checking it in', async () => {
    const id = await bookedAppointment();
    const [cancelled] = await desk.push([desk.change('appointments', id, { status: 'cancelled', cancel_reason: 'patient called' })]);
    expect(cancelled).toMatchObject({ status: 'accepted' });
    const [result] = await kiosk.push([kiosk.change('appointments', id, { status: 'checked_in' }, null)]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'forbidden', message: expect.stringMatching(/cancelled.*front desk/) });
    expect(await storedStatus(id)).toBe('cancelled');
  });

  it("takes a front desk's check-in with nobody signed in (its waiting-room kiosk) as a kiosk's, and nothing more", async () => {
    const id = await bookedAppointment();
    const [cancel] = await desk.push([desk.change('appointments', id, { status: 'cancelled' }, null)]);
    expect(cancel).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    const [checkIn] = await desk.push([desk.change('appointments', id, { status: 'checked_in' }, null)]);
    expect(checkIn).toMatchObject({ status: 'accepted' });
    expect(await storedStatus(id)).toBe('checked_in');
  });

  it('checks an existing appointment in', async () => {
    const id = await bookedAppointment();
    const [result] = await kiosk.push([kiosk.change('appointments', id, { status: 'checked_in' }, null)]);
    expect(result).toMatchObject({ status: 'accepted' });
    expect(await storedStatus(id)).toBe('checked_in');
  });

  it('cannot book, cancel, move or annotate an appointment', async () => {
    const id = await bookedAppointment();
    const attempts: [string, string, Record<string, unknown>][] = [
      ['book', uuidv7(), appointmentValues({ provider_id: `prov-kiosk-${uuidv7()}` })],
      ['book as checked in', uuidv7(), appointmentValues({ provider_id: `prov-kiosk-${uuidv7()}`, status: 'checked_in' })],
      ['cancel', id, { status: 'cancelled' }],
      ['no-show', id, { status: 'no_show' }],
      ['complete', id, { status: 'completed' }],
      ['move while checking in', id, { status: 'checked_in', start_at: Date.UTC(2026, 11, 3, 15, 0), end_at: Date.UTC(2026, 11, 3, 15, 30) }],
      ['annotate while checking in', id, { status: 'checked_in', notes: 'from the kiosk' }],
      ['overbook', id, { status: 'checked_in', overbook: true }],
      ['delete', id, { deleted: true }],
    ];
    for (const [what, row, values] of attempts) {
      const [result] = await kiosk.push([kiosk.change('appointments', row, values, null)]);
      expect(result, what).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    }
    expect(await storedStatus(id)).toBe('booked');
  });

  it('cannot write patients, staff, schedules or settings', async () => {
    const forbidden: [string, Record<string, unknown>][] = [
      ['patients', { first_name: 'Eve', last_name: 'Kiosk', date_of_birth: '1990-01-01' }],
      ['staff_users', { name: 'Kiosk admin', role: 'admin', secret_hash: 'x' }],
      ['waitlist_entries', { patient_id: 'p', service_id: 's', location_id: 'l', earliest_date: '2026-01-01', latest_date: '2026-01-02', created_at: 1 }],
      ['policies', { late_arrival_minutes: 600 }],
      ['schedule_templates', { provider_id: 'p', location_id: 'l', weekday: 1, start: '09:00', end: '17:00' }],
    ];
    for (const [table, values] of forbidden) {
      const [result] = await kiosk.push([kiosk.change(table, uuidv7(), values, null)]);
      expect(result, table).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    }
  });
});

describe('what a kiosk device may pull', () => {
  const allowed = ['organizations', 'locations', 'providers', 'services', 'policies', REJECTIONS_SHAPE];
  const get = (device: TestDevice, table: string) => fetch(`${env.url}/v1/shape?table=${table}&offset=-1`, { headers: { authorization: `Bearer ${device.token}` } });

  it('reads no patient, appointment, staff, waitlist or audit data', async () => {
    const refused = Object.keys(tableSpecs).filter((t) => !allowed.includes(t));
    expect(refused).toEqual(expect.arrayContaining(['patients', 'appointments', 'staff_users', 'audit_events', 'waitlist_entries']));
    for (const table of refused) expect((await get(kiosk, table)).status, table).toBe(403);
  });

  it('reads what a check-in screen may show without patients: locations, providers, services, policies', async () => {
    for (const table of allowed) expect((await get(kiosk, table)).status, table).toBe(200);
  });
});
