// The manager dashboard over the 6-month demo clinic (about 15,000 appointments, 2,000
// patients, two locations in two zones), encrypted: each report as its API operation
// computes it (read the replica, compute, build tables and CSV), for the whole clinic and
// the whole six months. Baseline: reading the same appointments' rows with one SQL query.
import { buildDashboard, buildReport, reportNames } from '../db/analytics/dashboard';
import type { AnalyticsFilter } from '../db/analytics/types';
import { addDays, getStartOfDay } from '../db/rules/wallclock';
import { loadAnalyticsData } from '../main/store/queries/analytics-data';
import { createBenchClinic, demoAnchorDate, openDemoStore } from './lib/demo-store';
import { compare, ms, type Figure } from './lib/measure';

const targetMs = 300;

export async function run(): Promise<Figure[]> {
  const clinic = await createBenchClinic();
  const temp = await openDemoStore(clinic);
  const { store } = temp;
  try {
    const whole: AnalyticsFilter = { from: addDays(demoAnchorDate, -92), to: addDays(demoAnchorDate, 92) };
    const firstLocation = clinic.tables.locations![0]!;
    const oneLocation: AnalyticsFilter = { ...whole, locationId: firstLocation.id as string };
    const zones = clinic.tables.locations!.map((l) => l.time_zone as string);
    const start = Math.min(...zones.map((z) => getStartOfDay(whole.from, z)));
    const end = Math.max(...zones.map((z) => getStartOfDay(addDays(whole.to, 1), z)));
    const readRows = store.sqlite.prepare('select id, location_id, provider_id, service_id, start_at, end_at, status, source_channel, booked_at from appointments where start_at >= ? and start_at < ? and deleted = 0').raw();
    const rows = readRows.all(start, end).length;
    if (rows < 10_000) throw new Error(`The demo clinic has only ${rows} appointments in range.`);
    const baseline = () => readRows.all(start, end);

    const cases: [string, () => unknown][] = [
      ...reportNames.map((name): [string, () => unknown] => [name, () => buildReport(name, loadAnalyticsData(store, whole), whole)]),
      ['whole dashboard (all six)', () => buildDashboard(loadAnalyticsData(store, whole), whole)],
      ['whole dashboard, one location', () => buildDashboard(loadAnalyticsData(store, oneLocation), oneLocation)],
    ];
    const figures: Figure[] = [];
    for (const [name, query] of cases) {
      const r = compare(query, baseline, { rounds: 5, perRound: 4 });
      figures.push({
        name: `${name}, ${rows.toLocaleString('en-US')} appointments over 6 months, encrypted (median; p99 ${ms(r.subject.p99)})`,
        value: ms(r.subject.median),
        baseline: `reading the rows ${ms(r.baseline.median)}`,
        ratio: r.ratio,
        target: `<= ${targetMs} ms`,
        met: r.subject.median <= targetMs,
      });
    }
    return figures;
  } finally {
    temp.cleanup();
  }
}
