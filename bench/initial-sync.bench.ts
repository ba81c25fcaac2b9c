// A new, empty desk's first sync of the demo clinic (~15,000 appointments, 2,000 patients)
// from a sync server on PGlite (in memory, 127.0.0.1): from start until it has reached the
// server's present on every table and holds every appointment. Beside reading the same
// rows on the server itself (select * from appointments, select * from patients), same run.
import { startDesk, type TestDesk } from '../main/sync/testing/device';
import { seedDemoClinic } from '../sync-server/demo/seed-demo';
import { createSyncServer } from '../sync-server/app';
import { openPgliteServerDb } from '../sync-server/store/open-pglite';
import { demoAnchorDate } from './lib/demo-store';
import { ms, stats, type Figure } from './lib/measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIMEOUT_MS = 120_000;

const progress = (message: string) => process.stderr.write(`  initial-sync: ${message}\n`);

export async function run(): Promise<Figure[]> {
  const db = await openPgliteServerDb();
  const server = await createSyncServer({ db, liveTimeoutMs: 20_000 });
  const env = { server, url: await server.listen(0, '127.0.0.1') };
  try {
    progress('seeding the demo clinic on the server');
    const seeded = await seedDemoClinic(env.server, { anchorDate: demoAnchorDate });
    const orgId = seeded.orgId;
    const count = async (table: string) => (await env.server.db.query<{ n: number }>(`select count(*)::int as n from "${table}" where org_id = $1`, [orgId])).rows[0]!.n;
    const appointments = await count('appointments');
    const patients = await count('patients');
    progress(`server holds ${appointments} appointments, ${patients} patients`);

    const serverRead = async () => {
      const t = process.hrtime.bigint();
      const a = await env.server.db.query('select * from appointments');
      const p = await env.server.db.query('select * from patients');
      if (a.rows.length < appointments || p.rows.length < patients) throw new Error('the server read came back short');
      return Number(process.hrtime.bigint() - t) / 1e6;
    };

    const firstSync = async () => {
      // Enrollment is not part of the sync: the desk exists (empty) before the clock starts.
      const desk: TestDesk = await startDesk({ url: env.url, server: env.server, orgId });
      try {
        const held = desk.store.sqlite.prepare('select count(*) as n from appointments');
        const t = process.hrtime.bigint();
        desk.goOnline();
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            if (!desk.client.isCaughtUp() || (held.get() as { n: number }).n !== appointments) return;
            clearInterval(poll);
            clearTimeout(limit);
            resolve();
          };
          const poll = setInterval(check, 5);
          const limit = setTimeout(() => {
            clearInterval(poll);
            reject(new Error(`the desk did not catch up within ${TIMEOUT_MS / 1000} s (${(held.get() as { n: number }).n} of ${appointments} appointments)`));
          }, TIMEOUT_MS);
        });
        const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
        const pts = (desk.store.sqlite.prepare('select count(*) as n from patients').get() as { n: number }).n;
        if (pts !== patients) throw new Error(`the desk holds ${pts} patients, the server ${patients}`);
        return elapsed;
      } finally {
        await desk.close();
      }
    };

    await serverRead();
    const syncs: number[] = [];
    const reads: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      reads.push(await serverRead());
      syncs.push(await firstSync());
      progress(`run ${r + 1}/${RUNS}: first sync ${ms(syncs[r]!)}, server read ${ms(reads[r]!)}`);
    }
    const s = stats(syncs);
    const b = stats(reads);
    return [{
      name: `empty desk's first sync: ${appointments} appointments, ${patients} patients, all tables caught up (median of ${RUNS})`,
      value: ms(s.median),
      baseline: `server-side select * of both tables ${ms(b.median)}`,
      ratio: s.median / b.median,
      target: '<= 5 s',
      met: s.median <= 5_000,
    }];
  } finally {
    await server.close();
    await db.close();
  }
}
