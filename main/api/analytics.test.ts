// The analytics operations over a real encrypted replica: hand-checked figures for rows
// written through the store (including a DST night and time off), and the demo clinic's
// reports agreeing with each other and with their CSV.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../db/analytics/table';
import { addDays, getStartOfDay, resolveWallTime } from '../../db/rules/wallclock';
import { ANCHOR_DATE, Fixtures, openTestDesk, ZONE, type TestDesk } from './testing/desk';

let desk: TestDesk;
let manager: string;
let receptionist: string;

beforeAll(async () => {
  desk = await openTestDesk();
  manager = await desk.signIn('manager');
  receptionist = await desk.signIn('receptionist');
}, 120_000);
afterAll(() => desk?.cleanup());

const at = (date: string, time: string) => resolveWallTime(date, time, ZONE);

describe('analytics over the device replica', () => {
  it('computes utilization from stored templates, breaks and time off across the 2027 spring-forward night', async () => {
    const fixtures = new Fixtures(desk.store, desk.locationId);
    const provider = fixtures.provider('Dr. Analytics Fixture');
    const service = fixtures.service(30);
    const write = (table: 'schedule_templates' | 'schedule_exceptions', values: Record<string, unknown>) =>
      desk.store.write({ table, rowId: uuidv7(), staffUserId: null, action: 'test.setup', values });
    // Sunday 2027-03-14 00:00-04:00 in New York lasts 3 real hours (02:00 never happens).
    write('schedule_templates', { provider_id: provider, location_id: desk.locationId, weekday: 7, start: '00:00', end: '04:00' });
    // Monday 09:00-17:00 with lunch 12:00-13:00 (7 h), 09:00-11:00 off: 5 h.
    write('schedule_templates', { provider_id: provider, location_id: desk.locationId, weekday: 1, start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }] });
    write('schedule_exceptions', { provider_id: provider, location_id: null, kind: 'time_off', start_at: Date.UTC(2027, 2, 15, 13), end_at: Date.UTC(2027, 2, 15, 15) });
    const patient = fixtures.patient();
    fixtures.appointment({ providerId: provider, serviceId: service, patientId: patient, startAt: Date.UTC(2027, 2, 14, 7), durationMin: 60 }); // 03:00 EDT
    fixtures.appointment({ providerId: provider, serviceId: service, patientId: patient, startAt: at('2027-03-15', '11:00'), status: 'completed' });
    fixtures.appointment({ providerId: provider, serviceId: service, patientId: patient, startAt: at('2027-03-15', '14:00'), status: 'cancelled' });

    const result = await desk.router.invoke('analytics.utilization', { from: '2027-03-14', to: '2027-03-15', providerId: provider }, manager);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.data.byProvider).toEqual([expect.objectContaining({ providerName: 'Dr. Analytics Fixture', availableMinutes: 480, bookedMinutes: 90, utilization: 0.1875 })]);
    const [byProvider] = result.value.tables;
    expect(parseCsv(byProvider!.csv)[1]).toEqual([expect.stringContaining('Manhattan'), 'Dr. Analytics Fixture', '480', '90', '0.1875']);
  });

  it('answers every report of the dashboard over the demo clinic, consistently with each other and with SQL', async () => {
    const from = addDays(ANCHOR_DATE, -60);
    const to = addDays(ANCHOR_DATE, 30);
    const result = await desk.router.invoke('analytics.dashboard', { from, to, locationId: desk.locationId }, manager);
    if (!result.ok) throw new Error(result.error.message);
    const d = result.value;
    const counted = (desk.store.sqlite.prepare('select count(*) as n from appointments where location_id = ? and start_at >= ? and start_at < ? and deleted = 0')
      .get(desk.locationId, getStartOfDay(from, ZONE), getStartOfDay(addDays(to, 1), ZONE)) as { n: number }).n;
    expect(counted).toBeGreaterThan(500);
    expect(d.channelMix.data.appointments).toBe(counted);
    expect(d.leadTime.data.appointments).toBe(counted);
    expect(d.attendance.data.total.appointments).toBe(counted);
    expect(d.attendance.data.weeks.reduce((s, w) => s + w.appointments, 0)).toBe(counted);
    const completed = (desk.store.sqlite.prepare(`select count(*) as n from appointments where location_id = ? and start_at >= ? and start_at < ? and deleted = 0 and status = 'completed'`)
      .get(desk.locationId, getStartOfDay(from, ZONE), getStartOfDay(addDays(to, 1), ZONE)) as { n: number }).n;
    expect(d.productivity.data.completedVisits).toBe(completed);
    expect(d.utilization.data.total.utilization).toBeGreaterThan(0);
    expect(d.utilization.data.total.utilization).toBeLessThanOrEqual(1);
    expect(d.peakHours.data.total).toBe(counted - d.attendance.data.total.cancelled - d.attendance.data.total.lateCancelled);
    // Every table's CSV holds the table's cells.
    for (const report of Object.values(d)) {
      for (const table of report.tables) {
        const lines = parseCsv(table.csv);
        expect(lines[0]).toEqual(table.columns.map((c) => c.label));
        expect(lines.slice(1)).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
      }
    }
  });

  it('offers the filter choices', async () => {
    const result = await desk.router.invoke('analytics.filterOptions', {}, manager);
    expect(result).toMatchObject({ ok: true, value: { channels: ['desk', 'phone', 'online', 'kiosk'], locations: expect.arrayContaining([expect.objectContaining({ id: desk.locationId, timeZone: ZONE })]) } });
  });

  it('refuses a reversed or too long range, and an unknown location', async () => {
    expect(await desk.router.invoke('analytics.channelMix', { from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, -1) }, manager)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.router.invoke('analytics.channelMix', { from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 400) }, manager)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.router.invoke('analytics.channelMix', { from: ANCHOR_DATE, to: ANCHOR_DATE, locationId: 'no-such-location' }, manager))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'That location does not exist on this device.', sentences: [{ key: 'refusal.notFound.location' }] } });
  });

  it('is a manager’s view: a receptionist is refused', async () => {
    expect(await desk.router.invoke('analytics.dashboard', { from: ANCHOR_DATE, to: ANCHOR_DATE }, receptionist)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
