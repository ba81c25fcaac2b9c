// How long a booking made on desk A takes to appear in desk B's store, both live against
// one sync server (PGlite in memory, 127.0.0.1): A's local write and push, the server's
// merge and publication, B's long-poll waking, B's merge into its encrypted SQLite. Beside
// an HTTP round trip to the same server's /health in the same run.
import { v7 as uuidv7 } from 'uuid';
import { eventually, startDesk, type TestDesk } from '../main/sync/testing/device';
import { appointmentValues, startTestServer } from '../sync-server/testing/harness';
import { ms, stats, type Figure } from './lib/measure';

const SAMPLES = 80;
const WARMUP = 5;
const MIN = 60_000;
const BASE = Date.UTC(2027, 8, 6, 13, 0);

const progress = (message: string) => process.stderr.write(`  propagation: ${message}\n`);

/** Resolves when B's store holds the row: checked on each of B's pulled batches, and every millisecond besides. */
function arrival(b: TestDesk, id: string): Promise<void> {
  const has = b.store.sqlite.prepare('select 1 from appointments where id = ?');
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!has.get(id)) return;
      clearInterval(poll);
      clearTimeout(limit);
      b.client.off('pulled', check);
      resolve();
    };
    const poll = setInterval(check, 1);
    const limit = setTimeout(() => {
      clearInterval(poll);
      b.client.off('pulled', check);
      reject(new Error(`booking ${id} did not reach desk B within 30 s`));
    }, 30_000);
    b.client.on('pulled', check);
    check();
  });
}

export async function run(): Promise<Figure[]> {
  // The production long-poll timeout: a quiet feed must not help the figure.
  const env = await startTestServer({ liveTimeoutMs: 20_000 });
  const desks: TestDesk[] = [];
  try {
    const a = await startDesk(env);
    desks.push(a);
    const b = await startDesk(env);
    desks.push(b);
    for (const desk of desks) desk.goOnline();
    await eventually(() => {
      if (!desks.every((d) => d.client.isCaughtUp())) throw new Error('desks still catching up');
    }, 30_000);
    progress('both desks live');

    const health = async () => {
      const t = process.hrtime.bigint();
      const res = await fetch(`${env.url}/health`);
      await res.json();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const propagate = async (i: number) => {
      const id = uuidv7();
      const start = BASE + (i % 16) * 30 * MIN + Math.floor(i / 16) * 86_400_000;
      const arrived = arrival(b, id);
      const t = process.hrtime.bigint();
      a.store.write({ table: 'appointments', rowId: id, values: appointmentValues({ provider_id: 'prov-bench', start_at: start, end_at: start + 30 * MIN }), staffUserId: env.staff.receptionist, action: 'appointment.book' });
      a.client.notifyLocalWrite();
      await arrived;
      return Number(process.hrtime.bigint() - t) / 1e6;
    };

    const propagation: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      // Alternate so that a noisy neighbour slows both alike. Each publication wakes every
      // table's long-poll on both desks, so pause until that settles: each booking (and each
      // round trip) starts from a quiet feed, as a receptionist's next booking would.
      await new Promise((r) => setTimeout(r, 100));
      const h = await health();
      const p = await propagate(i);
      if (i >= WARMUP) {
        propagation.push(p);
        roundTrips.push(h);
      }
      if ((i + 1) % 20 === 0) progress(`${i + 1}/${WARMUP + SAMPLES} samples`);
    }
    const p = stats(propagation);
    const h = stats(roundTrips);
    return [{
      name: `booking on desk A until applied on desk B (live), median of ${p.samples}, p99 ${ms(p.p99)}`,
      value: ms(p.median),
      baseline: `GET /health round trip ${ms(h.median)} (p99 ${ms(h.p99)})`,
      ratio: p.median / h.median,
      target: 'median <= 100 ms',
      met: p.median <= 100,
    }];
  } finally {
    for (const desk of desks) await desk.close();
    await env.close();
  }
}
