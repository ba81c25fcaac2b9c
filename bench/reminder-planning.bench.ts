// The server's reminder sweep over a whole month: planAndEnqueueReminders for a clinic of 50
// providers (about 30,000 booked or confirmed appointments in the next 30 days) into an
// empty job table, then again when every job is already queued (dedupe). Counts the
// statements it sends, and shows they do not grow with the clinic by doing the same for a
// clinic of 5 providers (about 3,000). On PostgreSQL at 127.0.0.1:5432 when it answers,
// else on embedded PGlite (BENCH_STORE=pglite chooses PGlite anyway). Baseline, same run: one select of the same appointment rows.
import { planAndEnqueueReminders } from '../sync-server/reminders/plan-reminders';
import { createSyncServer } from '../sync-server/app';
import { openPgliteServerDb } from '../sync-server/store/open-pglite';
import { openPostgresServerDb } from '../sync-server/store/open-postgres';
import type { ServerDb, Sql } from '../sync-server/store/server-db';
import { createTestDatabase, postgresAvailable } from '../sync-server/testing/postgres';
import { seedReminderClinic, type ReminderClinic } from './lib/reminder-clinic';
import { ms, stats, type Figure } from './lib/measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DAYS = 30;
const HORIZON_MS = DAYS * 86_400_000;
const TODAY = '2027-03-01'; // the month ahead crosses the US spring DST change (March 14)
const RATIO_TARGET = 10;

const progress = (message: string) => process.stderr.write(`  reminder-planning: ${message}\n`);

interface Store {
  db: ServerDb;
  backend: string;
  close(): Promise<void>;
}

async function openStore(usePostgres: boolean): Promise<Store> {
  if (!usePostgres) {
    const db = await openPgliteServerDb();
    return { db, backend: 'PGlite (embedded, in memory)', close: () => db.close() };
  }
  const database = await createTestDatabase('frontdesk_bench');
  const db = await openPostgresServerDb(database.url);
  return { db, backend: 'PostgreSQL 127.0.0.1:5432', close: async () => { await db.close(); await database.drop(); } };
}

/** The same Sql, counting every statement sent through it: each is one round trip. */
function counting(db: Sql): { db: Sql; statements: () => number } {
  let statements = 0;
  return { db: { query: (text, params) => { statements++; return db.query(text, params); } }, statements: () => statements };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

interface Measured {
  clinic: ReminderClinic;
  planned: number;
  plan: number[];
  replan: number[];
  read: number[];
  statements: number;
  replanStatements: number;
  queuedAgain: number;
}

/** One clinic in its own store: RUNS rounds of read, plan into an empty job table, plan again. */
async function measure(usePostgres: boolean, providers: number): Promise<Measured & { backend: string }> {
  const store = await openStore(usePostgres);
  try {
    const server = await createSyncServer({ db: store.db });
    progress(`seeding ${providers} providers x ${DAYS} days on ${store.backend}`);
    const clinic = await seedReminderClinic(server, { providers, days: DAYS, today: TODAY });
    const now = clinic.planFrom;
    const readRows = () => store.db.query(
      `select id, org_id, location_id, service_id, patient_id, start_at, status from appointments
       where start_at > $1 and start_at <= $2 and status in ('booked', 'confirmed') and not deleted`, [now, now + HORIZON_MS]);
    const out: Measured = { clinic, planned: 0, plan: [], replan: [], read: [], statements: 0, replanStatements: 0, queuedAgain: 0 };
    for (let r = -1; r < RUNS; r++) { // round -1 warms up
      await store.db.query('truncate jobs');
      const read = await timed(readRows);
      if (read.value.rows.length !== clinic.upcoming) throw new Error(`read ${read.value.rows.length} upcoming appointments, seeded ${clinic.upcoming}`);
      const first = counting(store.db);
      const plan = await timed(() => planAndEnqueueReminders(first.db, now, HORIZON_MS));
      const { rows } = await store.db.query<{ n: number }>('select count(*)::int as n from jobs');
      if (plan.value.queued !== plan.value.planned || rows[0]!.n !== plan.value.planned || plan.value.planned < clinic.upcoming) {
        throw new Error(`planned ${plan.value.planned}, queued ${plan.value.queued}, the job table holds ${rows[0]!.n}, for ${clinic.upcoming} appointments`);
      }
      const again = counting(store.db);
      const replan = await timed(() => planAndEnqueueReminders(again.db, now, HORIZON_MS));
      if (replan.value.planned !== plan.value.planned) throw new Error(`re-planning planned ${replan.value.planned}, not ${plan.value.planned}`);
      if (r < 0) continue;
      out.read.push(read.ms);
      out.plan.push(plan.ms);
      out.replan.push(replan.ms);
      out.planned = plan.value.planned;
      out.statements = Math.max(out.statements, first.statements());
      out.replanStatements = Math.max(out.replanStatements, again.statements());
      out.queuedAgain = Math.max(out.queuedAgain, replan.value.queued);
      progress(`${providers} providers, run ${r + 1}/${RUNS}: plan ${ms(plan.ms)} (${first.statements()} statements), again ${ms(replan.ms)} (${again.statements()}), read ${ms(read.ms)}`);
    }
    const byChannel = await store.db.query<{ channel: string; kind: string; n: number }>(
      `select payload->>'channel' as channel, payload->>'kind' as kind, count(*)::int as n from jobs group by 1, 2 order by 1, 2`);
    progress(`${providers} providers: ${clinic.upcoming} appointments, ${clinic.patients} patients, ${clinic.rules} rules -> ${byChannel.rows.map((c) => `${c.n} ${c.channel} ${c.kind}`).join(', ')}`);
    return { ...out, backend: store.backend };
  } finally {
    await store.close();
  }
}

export async function run(): Promise<Figure[]> {
  const usePostgres = process.env.BENCH_STORE !== 'pglite' && (await postgresAvailable());
  const big = await measure(usePostgres, 50);
  const small = await measure(usePostgres, 5);
  const count = (n: number) => n.toLocaleString('en-US');
  const plan = stats(big.plan);
  const replan = stats(big.replan);
  const read = stats(big.read);
  const where = `${count(big.clinic.upcoming)} appointments, 50 providers, ${DAYS} days, ${big.backend}`;
  const constant = big.statements === small.statements && big.replanStatements === small.replanStatements;
  return [
    {
      name: `plan and enqueue reminders into an empty job table: ${where}, ${count(big.planned)} jobs queued (median of ${RUNS}; p99 ${ms(plan.p99)})`,
      value: ms(plan.median),
      baseline: `one select of the same appointment rows ${ms(read.median)}`,
      ratio: plan.median / read.median,
      target: `<= ${RATIO_TARGET}x the read`,
      met: plan.median / read.median <= RATIO_TARGET,
    },
    {
      name: `plan again with every job already queued (dedupe): ${where}, ${big.queuedAgain} queued (median of ${RUNS})`,
      value: ms(replan.median),
      baseline: `one select of the same appointment rows ${ms(read.median)}`,
      ratio: replan.median / read.median,
      target: `0 queued, <= ${RATIO_TARGET}x the read`,
      met: big.queuedAgain === 0 && replan.median / read.median <= RATIO_TARGET,
    },
    {
      name: `database round trips per sweep (statements sent), empty job table / all queued, ${big.backend}`,
      value: `${big.statements} / ${big.replanStatements} for ${count(big.clinic.upcoming)} appointments (50 providers)`,
      baseline: `${small.statements} / ${small.replanStatements} for ${count(small.clinic.upcoming)} appointments (5 providers)`,
      target: 'the same count whatever the number of appointments',
      met: constant && big.statements === big.replanStatements,
    },
  ];
}
