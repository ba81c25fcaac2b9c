// The day view on a store that has been in use for years: the demo clinic (30,000 patients)
// grown to 500,000 appointments over two years at its two locations, encrypted. Baseline:
// fetching one appointment by primary key from the same database.
import { addDays, getStartOfDay, resolveWallTime } from '../db/rules/wallclock';
import { SeededRandom, seededUuid } from '../db/demo/random';
import type { DemoClinic } from '../db/demo/generate';
import { readDayView } from '../main/store/queries/day-view';
import { createDemoClinic } from '../db/demo/create-demo-clinic-node';
import { loadDemoClinic } from '../main/store/seed-demo';
import type { LocalStore } from '../main/store/local-store';
import { openTempStore } from '../main/store/testing/temp-store';
import { demoAnchorDate } from './lib/demo-store';
import { compare, ms, type Figure } from './lib/measure';

const TOTAL = 500_000;
const PATIENTS = 30_000;
const DAYS_EACH_SIDE = 365;
const ROWS_PER_TRANSACTION = 50_000;
const minute = 60_000;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const appointmentColumns = [
  'location_id', 'provider_id', 'service_id', 'patient_id', 'resource_ids', 'start_at', 'end_at', 'buffer_before_min',
  'buffer_after_min', 'status', 'notes', 'source_channel', 'overbook', 'confirmation_code', 'cancel_reason', 'late_cancel_fee',
  'booked_at', 'deleted',
];

interface ClinicLocation {
  id: string;
  timeZone: string;
  providerIds: string[];
  roomIds: string[];
}

/**
 * Adds `count` appointments with the columns a real booking has, straight into the table in
 * big transactions: this measures reading, so the write path's outbox and audit chain are
 * skipped. Rows go in in booking order, not visit order, so one day's visits end up spread
 * over the table as they would be after two years of use.
 */
function growAppointments(store: LocalStore, clinic: DemoClinic, count: number): void {
  const rng = new SeededRandom(500_000);
  const tables = clinic.tables;
  const locations: ClinicLocation[] = tables.locations!.map((l) => ({
    id: l.id as string,
    timeZone: l.time_zone as string,
    providerIds: tables.providers!.filter((p) => (p.location_ids as string[]).includes(l.id as string)).map((p) => p.id as string),
    roomIds: tables.resources!.filter((r) => r.location_id === l.id && r.kind === 'room').map((r) => r.id as string),
  }));
  const services = tables.services!.map((s) => ({ id: s.id as string, duration: s.duration_min as number, before: s.buffer_before_min as number, after: s.buffer_after_min as number }));
  const patientIds = tables.patients!.map((p) => p.id as string);
  const now = getStartOfDay(demoAnchorDate, locations[0]!.timeZone);

  // Per visit, only what decides the insert order is kept (typed arrays rather than half a
  // million objects); everything else is drawn while inserting.
  const starts = new Float64Array(count);
  const bookedAt = new Float64Array(count);
  const locationOf = new Uint8Array(count);
  let n = 0;
  const days = 2 * DAYS_EACH_SIDE;
  for (let d = 0; n < count; d = (d + 1) % days) {
    const date = addDays(demoAnchorDate, d - DAYS_EACH_SIDE);
    for (let v = 0; v < locations.length && n < count; v++) {
      // Open 08:00-18:00; a fixed share of the total per location and day, Sundays too.
      const open = resolveWallTime(date, '08:00', locations[v]!.timeZone);
      for (let k = 0; k < Math.ceil(count / days / locations.length) && n < count; k++, n++) {
        starts[n] = open + rng.int(0, 119) * 5 * minute;
        bookedAt[n] = starts[n]! - rng.int(60, 90 * 24 * 60) * minute;
        locationOf[n] = v;
      }
    }
  }
  const order = new Uint32Array(count).map((_, i) => i).sort((a, b) => bookedAt[a]! - bookedAt[b]!);

  const hlc = JSON.stringify(Object.fromEntries(appointmentColumns.map((c) => [c, store.clock.now()])));
  const insert = store.sqlite.prepare(`insert into appointments (id, org_id, hlc, ${appointmentColumns.join(', ')})
    values (?, ?, ?, ${appointmentColumns.map(() => '?').join(', ')})`);
  const insertBatch = store.sqlite.transaction((from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const i = order[j]!;
      const location = locations[locationOf[i]!]!;
      const service = rng.pick(services);
      const start = starts[i]!;
      const isPast = start < now;
      const status = isPast ? rng.weighted([['completed', 83], ['no_show', 8], ['cancelled', 7], ['late_cancelled', 2]] as const) : rng.chance(0.3) ? 'confirmed' : 'booked';
      const isCancelled = status === 'cancelled' || status === 'late_cancelled';
      let code = '';
      // Seven characters where the demo's codes have six, so the two never collide.
      for (let c = 0, x = i; c < 7; c++, x = Math.floor(x / 32)) code += CODE_ALPHABET[(x + c * 7) % 32];
      insert.run(
        seededUuid(rng, bookedAt[i]!), clinic.orgId, hlc,
        location.id, rng.pick(location.providerIds), service.id, rng.pick(patientIds), JSON.stringify([rng.pick(location.roomIds)]),
        start, start + service.duration * minute, service.before, service.after, status,
        rng.chance(0.1) ? 'Prefers the afternoon; call the mobile number first.' : null,
        rng.pick(['desk', 'phone', 'online', 'kiosk']), 0, code, isCancelled ? 'Patient request' : null,
        status === 'late_cancelled' ? 1 : 0, bookedAt[i]!, 0,
      );
    }
  });
  for (let from = 0; from < count; from += ROWS_PER_TRANSACTION) {
    insertBatch(from, Math.min(count, from + ROWS_PER_TRANSACTION));
    process.stderr.write(`\r  growing: ${Math.min(count, from + ROWS_PER_TRANSACTION).toLocaleString('en-US')} of ${count.toLocaleString('en-US')} appointments`);
  }
  process.stderr.write('\n');
}

export async function run(): Promise<Figure[]> {
  const temp = await openTempStore();
  const { store } = temp;
  try {
    const clinic = await createDemoClinic({ anchorDate: demoAnchorDate, patients: PATIENTS });
    loadDemoClinic(store, clinic);
    growAppointments(store, clinic, TOTAL - clinic.tables.appointments!.length);
    const total = (store.sqlite.prepare('select count(*) as n from appointments').get() as { n: number }).n;
    if (total !== TOTAL) throw new Error(`Grew to ${total} appointments, not ${TOTAL}.`);

    const location = clinic.tables.locations![0]!;
    const query = { locationId: location.id as string, date: demoAnchorDate, timeZone: location.time_zone as string };
    const day = readDayView(store, query);
    const byId = store.sqlite.prepare('select * from appointments where id = ?');
    const oneId = day[Math.floor(day.length / 2)]!.id;
    if (!byId.get(oneId)) throw new Error('The baseline found nothing.');

    const r = compare(() => readDayView(store, query), () => byId.get(oneId), { rounds: 10, perRound: 100 });
    const scenario = `${(total / 1000).toFixed(0)}k appointments, encrypted, ${day.length} on ${query.date} at ${String(location.name).split(' - ')[1]}`;
    return [{
      name: `day view median, ${scenario}`,
      value: ms(r.subject.median), baseline: `primary-key lookup ${ms(r.baseline.median)}`, ratio: r.ratio, target: '<= 2 ms', met: r.subject.median <= 2,
    }];
  } finally {
    temp.cleanup();
  }
}
