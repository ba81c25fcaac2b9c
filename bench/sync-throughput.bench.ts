// Conflict-checked bookings per second through POST /v1/changes (one change per push, 32
// concurrent clients, ~5% landing on a taken slot) against one sync server on PostgreSQL,
// beside raw single-row autocommit INSERTs into a plain table of the same database from 32
// concurrent connections, in alternating rounds of the same run.
import { v7 as uuidv7 } from 'uuid';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { appointmentValues, ensureTestClinic, type TestDevice } from '../sync-server/testing/harness';
import type { ChangeResult } from '../db/crdt/change';
import { createTestDatabase, enrollTestDevice, postgresAvailable } from '../sync-server/testing/postgres';
import { createSyncServer } from '../sync-server/app';
import { openPostgresServerDb } from '../sync-server/store/open-postgres';
import type { ServerDb } from '../sync-server/store/server-db';
import { cpuSince, cpuTimes, type CpuTimes } from './lib/cpu';
import type { Figure } from './lib/measure';

const CLIENTS = 32;
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 40);
const ROUNDS = 4;
const CONFLICT_RATE = 0.05;
const PROVIDERS = 400;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const MIN = 60_000;
const cores = availableParallelism();
const BASE = Date.UTC(2027, 5, 1, 13, 0);

type LoadAnswer = ChangeResult | { status: 'failed'; message: string };

/**
 * The clients: one sequential session per job, all at once; one change per push, each on its
 * own keep-alive connection. Plain JS (it is eval'd). The load generator shares this
 * machine's two cores with the server and PostgreSQL, so it is kept as lean as the raw
 * baseline's client (node-postgres): a request is written as prepared bytes and an answer
 * read by its Content-Length. node:http's client cost as much CPU per push as the server's
 * own thread (measured: 0.35 ms), which came straight out of the server's share.
 */
const CLIENT_WORKER = `
const { parentPort } = require('node:worker_threads');
const net = require('node:net');
function session(port) {
  const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
  let pending = Buffer.alloc(0);
  let waiting = null;
  const fail = (e) => { if (waiting) { const w = waiting; waiting = null; w.reject(e); } };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('connection closed')));
  socket.on('data', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const end = pending.indexOf('\\r\\n\\r\\n');
    if (!waiting || end < 0) return;
    const head = pending.toString('latin1', 0, end);
    const length = Number(/\\r\\ncontent-length: *(\\d+)/i.exec(head)?.[1] ?? 0);
    if (pending.length < end + 4 + length) return;
    const answer = { status: Number(head.slice(9, 12)), text: pending.toString('utf8', end + 4, end + 4 + length) };
    pending = pending.subarray(end + 4 + length);
    const w = waiting;
    waiting = null;
    w.resolve(answer);
  });
  return {
    post: (request) => new Promise((resolve, reject) => { waiting = { resolve, reject }; socket.write(request); }),
    close: () => socket.destroy(),
  };
}
parentPort.on('message', async ({ port, jobs }) => {
  const answers = await Promise.all(jobs.map(async ({ token, bodies }) => {
    const requests = bodies.map((body) => Buffer.from('POST /v1/changes HTTP/1.1\\r\\nhost: 127.0.0.1\\r\\ncontent-type: application/json\\r\\nauthorization: Bearer ' + token
      + '\\r\\ncontent-length: ' + Buffer.byteLength(body) + '\\r\\n\\r\\n' + body));
    const client = session(port);
    const out = [];
    try {
      for (const request of requests) {
        try {
          const res = await client.post(request);
          out.push(res.status === 200 ? JSON.parse(res.text).results[0] : { status: 'failed', message: res.status + ' ' + res.text });
        } catch (e) {
          out.push({ status: 'failed', message: String(e) });
        }
      }
    } finally {
      client.close();
    }
    return out;
  }));
  parentPort.postMessage(answers);
});
`;

const progress = (message: string) => process.stderr.write(`  sync-throughput: ${message}\n`);

/** Counts the statements the server sends (begin and commit included), for the profile line. */
function counting(db: ServerDb): { db: ServerDb; statements: () => number; publications: () => number } {
  let statements = 0;
  let publications = 0;
  const wrapped: ServerDb = {
    ...db,
    kind: db.kind,
    durability: db.durability,
    query: (text, params) => { statements++; return db.query(text, params); },
    transaction: (fn) => {
      statements += 2;
      return db.transaction((tx) => fn({
        query: (text, params) => {
          statements++;
          if (text.includes('insert into org_sequences')) publications++;
          return tx.query(text, params);
        },
      }));
    },
    onPublished: (l) => db.onPublished(l),
    notifyPublished: (orgId) => db.notifyPublished(orgId),
    close: () => db.close(),
  };
  return { db: wrapped, statements: () => statements, publications: () => publications };
}

/**
 * Where the bookings go: a clinic network's providers (PROVIDERS of them), each booking the
 * next free half hour of a random provider, so concurrent bookings rarely share a provider;
 * CONFLICT_RATE of them aim at a slot that was already taken and must be refused.
 */
function slotSource() {
  const nextFree = new Map<number, number>();
  const taken: { provider_id: string; start_at: number }[] = [];
  return {
    pick(): { provider_id: string; start_at: number; contested: boolean } {
      if (taken.length > 0 && Math.random() < CONFLICT_RATE) return { ...taken[Math.floor(Math.random() * taken.length)]!, contested: true };
      const p = Math.floor(Math.random() * PROVIDERS);
      const n = nextFree.get(p) ?? 0;
      nextFree.set(p, n + 1);
      // 16 half hours a day, then the next day.
      return { provider_id: `bench-prov-${p}`, start_at: BASE + Math.floor(n / 16) * 86_400_000 + (n % 16) * 30 * MIN, contested: false };
    },
    accepted(slot: { provider_id: string; start_at: number }) {
      taken.push(slot);
    },
  };
}

export async function run(): Promise<Figure[]> {
  if (!(await postgresAvailable())) {
    return [{ name: 'sync throughput on PostgreSQL', value: 'not measured', baseline: 'PostgreSQL unreachable on 127.0.0.1:5432', target: '>= 0.3x', met: false }];
  }
  const database = await createTestDatabase('frontdesk_bench');
  const raw = new pg.Pool({ connectionString: database.url, max: CLIENTS });
  raw.on('error', () => undefined);
  try {
    // The server's store, counting the statements it is sent. BENCH_LOG=1: PostgreSQL logs
    // each of them with its duration (parse, bind and execute apart), for profiling.
    const serverUrl = process.env.BENCH_LOG ? `${database.url}?options=-c%20log_min_duration_statement%3D0` : database.url;
    const counted = counting(await openPostgresServerDb(serverUrl, { poolSize: POOL_SIZE }));
    const server = await createSyncServer({ db: counted.db, liveTimeoutMs: 2_000 });
    const url = await server.listen(0, '127.0.0.1');
    try {
      const { orgId, staff } = await ensureTestClinic(server);
      const clients: TestDevice[] = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => enrollTestDevice(server, orgId, url, staff.receptionist, `bench-${i}`)));
      await raw.query('create table bench_raw (id text primary key, provider_id text not null, start_at bigint not null, payload text not null)');
      const slots = slotSource();
      let accepted = 0;
      let rejected = 0;
      let contested = 0;
      let statementsInRounds = 0;
      let pushesInRounds = 0;
      let publicationsInRounds = 0;

      // The 32 clients run in a worker thread, as other machines would: this thread is the
      // server's alone. Each round's pushes are stamped here beforehand (the server refuses
      // only clocks too far ahead, not stamps a few seconds old); answers come back in order.
      const load = new Worker(CLIENT_WORKER, { eval: true });
      load.unref();
      const pushAll = (jobs: { token: string; bodies: string[] }[]) => new Promise<LoadAnswer[][]>((resolve, reject) => {
        load.once('message', resolve);
        load.once('error', reject);
        load.postMessage({ port: Number(new URL(url).port), jobs });
      });
      // Rounds are planned before they are timed (ids, stamps, bodies), so the clock measures
      // the server and the database, not the making of requests.
      const syncRound = (perClient: number) => {
        const planned = clients.map((client) => Array.from({ length: perClient }, () => {
          const slot = slots.pick();
          if (slot.contested) contested++;
          const values = appointmentValues({ provider_id: slot.provider_id, start_at: slot.start_at, end_at: slot.start_at + 30 * MIN, patient_id: `pat-${uuidv7()}` });
          return { slot, body: JSON.stringify({ changes: [client.change('appointments', uuidv7(), values)] }) };
        }));
        const jobs = clients.map((client, c) => ({ token: client.token, bodies: planned[c]!.map((p) => p.body) }));
        return async () => {
          const answers = await pushAll(jobs);
          answers.forEach((list, c) => list.forEach((answer, i) => {
            if (answer.status === 'accepted') {
              accepted++;
              slots.accepted(planned[c]![i]!.slot);
            } else if (answer.status === 'rejected' && answer.reason === 'slot_taken') rejected++;
            else throw new Error(`unexpected answer: ${JSON.stringify(answer)}`);
          }));
        };
      };
      const rawRound = (perClient: number) => {
        const rows = Array.from({ length: CLIENTS }, (_, c) => Array.from({ length: perClient }, (_, i) => [uuidv7(), `p-${c}`, BASE + i * MIN, 'x'.repeat(200)]));
        return async () => {
          await Promise.all(rows.map(async (list) => {
            for (const params of list) await raw.query('insert into bench_raw (id, provider_id, start_at, payload) values ($1, $2, $3, $4)', params);
          }));
        };
      };
      let syncBusy = 0;
      let rawBusy = 0;
      let syncSeconds = 0;
      let rawSeconds = 0;
      const syncCpu: CpuTimes = { thread: 0, process: 0, postgres: 0, idle: 0 };
      const rawCpu: CpuTimes = { thread: 0, process: 0, postgres: 0, idle: 0 };
      /** Seconds taken; `busy` gets how long this thread's event loop was busy meanwhile, in ms. */
      const timed = async (fn: () => Promise<void>, busy: (ms: number) => void, cpu: CpuTimes) => {
        const t = process.hrtime.bigint();
        const loop = performance.eventLoopUtilization();
        const before = cpuTimes();
        await fn();
        const spent = cpuSince(before);
        if (spent) for (const k of ['thread', 'process', 'postgres', 'idle'] as const) cpu[k] += spent[k];
        busy(performance.eventLoopUtilization(loop).active);
        return Number(process.hrtime.bigint() - t) / 1e9;
      };

      progress('warming up');
      await syncRound(5)();
      await rawRound(5)();
      const syncRates: number[] = [];
      const rawRates: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const before = counted.statements();
        const published = counted.publications();
        const s = await timed(syncRound(PER_CLIENT), (ms) => { syncBusy += ms; }, syncCpu);
        syncSeconds += s;
        statementsInRounds += counted.statements() - before;
        publicationsInRounds += counted.publications() - published;
        pushesInRounds += CLIENTS * PER_CLIENT;
        const b = await timed(rawRound(PER_CLIENT), (ms) => { rawBusy += ms; }, rawCpu);
        rawSeconds += b;
        syncRates.push((CLIENTS * PER_CLIENT) / s);
        rawRates.push((CLIENTS * PER_CLIENT) / b);
        progress(`round ${r + 1}/${ROUNDS}: ${syncRates[r]!.toFixed(0)} bookings/s vs ${rawRates[r]!.toFixed(0)} raw inserts/s`);
      }
      await load.terminate();
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      const syncRate = median(syncRates);
      const rawRate = median(rawRates);
      const ratio = syncRate / rawRate;
      const conflictShare = (rejected / (accepted + rejected)) * 100;
      progress(`profile: ${(statementsInRounds / pushesInRounds).toFixed(1)} statements per push, ${(pushesInRounds / Math.max(1, publicationsInRounds)).toFixed(1)} pushes per publication, server pool ${POOL_SIZE}; `
        + `server thread busy ${(syncBusy / pushesInRounds).toFixed(2)} ms per booking (vs ${(rawBusy / pushesInRounds).toFixed(3)} ms per raw insert for its client); `
        + `${accepted} accepted, ${rejected} refused as taken (${contested} aimed at taken slots)`);
      if (cpuTimes()) {
        const per = (ms: number) => (ms / pushesInRounds).toFixed(3);
        progress(`CPU per booking: server thread ${per(syncCpu.thread)} ms, the other threads (the 32 clients) ${per(syncCpu.process - syncCpu.thread)} ms, PostgreSQL ${per(syncCpu.postgres)} ms; `
          + `per raw insert: client ${per(rawCpu.process)} ms, PostgreSQL ${per(rawCpu.postgres)} ms; `
          + `cores idle ${(syncCpu.idle / (syncSeconds * 1000)).toFixed(2)} of ${cores} while booking, ${(rawCpu.idle / (rawSeconds * 1000)).toFixed(2)} while inserting`);
      }
      return [{
        name: `conflict-checked bookings/s, ${CLIENTS} clients, one change per push, ${conflictShare.toFixed(1)}% conflicts, ${(statementsInRounds / pushesInRounds).toFixed(1)} statements/push`,
        value: `${syncRate.toFixed(0)}/s`,
        baseline: `raw autocommit INSERTs ${rawRate.toFixed(0)}/s (${CLIENTS} connections)`,
        ratio,
        target: '>= 0.3x',
        met: ratio >= 0.3,
      }];
    } finally {
      await server.close();
      await counted.db.close();
    }
  } finally {
    await raw.end();
    await database.drop();
  }
}
