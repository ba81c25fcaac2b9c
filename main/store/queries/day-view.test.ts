import { Temporal } from 'temporal-polyfill';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampChange } from '../../../db/crdt/merge';
import type { ReplicatedTableName } from '../../../db/schema/registry';
import { applyRemoteRows } from '../apply-remote';
import type { LocalStore } from '../local-store';
import { openTempStore, type TempStore } from '../testing/temp-store';
import { dayViewSql, readDayView } from './day-view';

const ORG = '0190a0f0-0000-7000-8000-000000000001';
const NEW_YORK = 'America/New_York';
const MANHATTAN = 'loc-manhattan';
const BROOKLYN = 'loc-brooklyn';

/** An instant written with its offset, so each DST case says which side of the change it is on. */
const at = (isoWithOffset: string) => Temporal.ZonedDateTime.from(`${isoWithOffset}[${NEW_YORK}]`).epochMilliseconds;

function put(store: LocalStore, table: ReplicatedTableName, rows: Record<string, unknown>[]): void {
  const ts = store.clock.now();
  applyRemoteRows(store.sqlite, table, rows.map(({ id, ...values }) => ({ id: id as string, orgId: ORG, ...stampChange(values, ts) })));
}

let visitCount = 0;
function visit(id: string, start: string | number, overrides: Record<string, unknown> = {}) {
  const startAt = typeof start === 'number' ? start : at(start);
  visitCount++;
  return {
    id, location_id: MANHATTAN, provider_id: 'prov-okafor', service_id: 'svc-follow-up', patient_id: 'pat-rivera',
    start_at: startAt, end_at: startAt + 20 * 60_000, status: 'booked', confirmation_code: `CODE${visitCount}`,
    booked_at: at('2026-01-05T10:00-05:00'), ...overrides,
  };
}

function seedReferenceData(store: LocalStore): void {
  put(store, 'locations', [
    { id: MANHATTAN, name: 'Manhattan', time_zone: NEW_YORK },
    { id: BROOKLYN, name: 'Brooklyn', time_zone: NEW_YORK },
  ]);
  put(store, 'providers', [
    { id: 'prov-okafor', name: 'Dr. Amara Okafor', specialty: 'family medicine' },
    { id: 'prov-raman', name: 'Dr. Priya Raman', specialty: 'internal medicine' },
  ]);
  put(store, 'services', [
    { id: 'svc-follow-up', name: 'Follow-up visit', duration_min: 20, color: '#16a34a' },
    { id: 'svc-physical', name: 'Annual physical', duration_min: 45, color: '#0891b2' },
  ]);
  put(store, 'patients', [
    { id: 'pat-rivera', first_name: 'Lucía', last_name: 'Rivera', date_of_birth: '1984-02-29' },
    { id: 'pat-chen', first_name: 'Owen', last_name: 'Chen', date_of_birth: '2016-07-01' },
  ]);
}

const idsOf = (store: LocalStore, date: string) => readDayView(store, { locationId: MANHATTAN, date, timeZone: NEW_YORK }).map((a) => a.id);

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore({ orgId: ORG });
  seedReferenceData(temp.store);
});
afterEach(() => temp.cleanup());

describe('readDayView', () => {
  it("lists the location's appointments of the local day in start order, with names and colours", () => {
    put(temp.store, 'appointments', [
      visit('a-late', '2026-06-10T23:45-04:00', { patient_id: 'pat-chen', service_id: 'svc-physical', provider_id: 'prov-raman' }),
      visit('a-nine-2', '2026-06-10T09:00-04:00'),
      visit('a-nine-1', '2026-06-10T09:00-04:00', { patient_id: 'pat-chen', status: 'confirmed', overbook: true }),
      visit('a-midnight', '2026-06-10T00:00-04:00'),
      visit('a-day-before', '2026-06-09T23:45-04:00'),
      visit('a-next-midnight', '2026-06-11T00:00-04:00'),
      visit('a-brooklyn', '2026-06-10T10:00-04:00', { location_id: BROOKLYN }),
      visit('a-deleted', '2026-06-10T11:00-04:00', { deleted: true }),
    ]);

    const day = readDayView(temp.store, { locationId: MANHATTAN, date: '2026-06-10', timeZone: NEW_YORK });

    expect(day.map((a) => a.id)).toEqual(['a-midnight', 'a-nine-1', 'a-nine-2', 'a-late']);
    expect(day[1]).toEqual({
      id: 'a-nine-1', startAt: at('2026-06-10T09:00-04:00'), endAt: at('2026-06-10T09:20-04:00'), status: 'confirmed', overbook: true,
      providerId: 'prov-okafor', patientId: 'pat-chen', serviceId: 'svc-follow-up',
      providerName: 'Dr. Amara Okafor', patientFirstName: 'Owen', patientLastName: 'Chen',
      serviceName: 'Follow-up visit', serviceColor: '#16a34a',
    });
    expect(day[3]).toMatchObject({ providerName: 'Dr. Priya Raman', serviceName: 'Annual physical', serviceColor: '#0891b2', overbook: false });
  });

  it('still shows an appointment whose patient has not synced yet', () => {
    put(temp.store, 'appointments', [visit('a-orphan', '2026-06-10T14:00-04:00', { patient_id: 'pat-not-yet-here' })]);

    expect(readDayView(temp.store, { locationId: MANHATTAN, date: '2026-06-10', timeZone: NEW_YORK })).toEqual([
      expect.objectContaining({ id: 'a-orphan', patientId: 'pat-not-yet-here', patientFirstName: null, patientLastName: null, providerName: 'Dr. Amara Okafor' }),
    ]);
  });

  it('holds 23 hours of bookings on the spring-forward day', () => {
    put(temp.store, 'appointments', [
      visit('a-before-gap', '2026-03-08T01:30-05:00'),
      visit('a-after-gap', '2026-03-08T03:00-04:00'),
      visit('a-last', '2026-03-08T23:30-04:00'),
      // 24 hours after the day's start, but already the next local day.
      visit('a-next-day', '2026-03-09T00:30-04:00'),
    ]);

    expect(idsOf(temp.store, '2026-03-08')).toEqual(['a-before-gap', 'a-after-gap', 'a-last']);
    expect(idsOf(temp.store, '2026-03-09')).toEqual(['a-next-day']);
  });

  it('holds 25 hours of bookings on the fall-back day, both 01:30s included', () => {
    put(temp.store, 'appointments', [
      visit('a-first-0130', '2026-11-01T01:30-04:00'),
      visit('a-second-0130', '2026-11-01T01:30-05:00'),
      // More than 24 hours after the day's start, and still the same local day.
      visit('a-last', '2026-11-01T23:30-05:00'),
      visit('a-next-day', '2026-11-02T00:00-05:00'),
    ]);

    expect(idsOf(temp.store, '2026-11-01')).toEqual(['a-first-0130', 'a-second-0130', 'a-last']);
    expect(idsOf(temp.store, '2026-11-02')).toEqual(['a-next-day']);
  });

  it('reads each store through its own statement', async () => {
    const other = await openTempStore({ orgId: ORG });
    try {
      seedReferenceData(other.store);
      put(temp.store, 'appointments', [visit('a-here', '2026-06-10T09:00-04:00')]);
      put(other.store, 'appointments', [visit('a-there', '2026-06-10T09:00-04:00')]);

      expect(idsOf(temp.store, '2026-06-10')).toEqual(['a-here']);
      expect(idsOf(other.store, '2026-06-10')).toEqual(['a-there']);
    } finally {
      other.cleanup();
    }
  });
});

describe('the day view query plan', () => {
  const planOf = (store: LocalStore) =>
    (store.sqlite.prepare(`explain query plan ${dayViewSql}`).all(MANHATTAN, 0, 1) as { detail: string }[]).map((r) => r.detail);

  function expectAppointmentsByIndex(plan: string[]): void {
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH a USING INDEX appointments_location_start \(location_id=\? AND start_at>\? AND start_at<\?\)/));
    expect(plan.filter((d) => /^SCAN a\b/.test(d))).toEqual([]);
  }

  it('reads appointments through appointments_location_start and the joined rows by primary key', () => {
    const plan = planOf(temp.store);
    expectAppointmentsByIndex(plan);
    // Patients' names come from the covering index alone: one lookup per row, not two.
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH p USING COVERING INDEX patients_day_view \(id=\?\)/));
    for (const alias of ['pr', 's']) expect(plan).toContainEqual(expect.stringMatching(new RegExp(`^SEARCH ${alias} USING INDEX sqlite_autoindex_\\w+_1 \\(id=\\?\\)`)));
  });

  // With statistics the planner may scan a two-row services table instead of searching it;
  // what must never happen is a scan of appointments.
  it('keeps appointments on the index once ANALYZE has statistics to weigh', () => {
    put(temp.store, 'appointments', Array.from({ length: 200 }, (_, i) =>
      visit(`a-${i}`, at('2026-06-01T08:00-04:00') + i * 3_600_000, { location_id: i % 2 === 0 ? MANHATTAN : BROOKLYN })));
    temp.store.sqlite.exec('analyze');

    expectAppointmentsByIndex(planOf(temp.store));
  });
});
