// The sync server is killed with SIGKILL (its own process, PGlite on disk) while desks push,
// and started again on the same data folder and port. Desks retry by themselves. Nothing
// may be lost, nothing applied twice, and every replica must end equal to the server.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appointmentValues } from '../../sync-server/testing/harness';
import { freePort, startChildServer, type ChildServer } from '../../sync-server/testing/child-server';
import { openPgliteServerDb } from '../../sync-server/store/open-pglite';
import type { ServerDb } from '../../sync-server/store/server-db';
import { savedEnrollment } from './enroll';
import { eventually, startDesk, type TestDesk } from './testing/device';
import { accountForChanges, deskAppointments, deskSchedule, overlapsIn, serverAppointments, serverSchedule } from './testing/schedule';

const MIN = 60_000;
const DAY = Date.UTC(2027, 1, 1, 14);

const root = mkdtempSync(join(tmpdir(), 'frontdesk-server-crash-'));
const template = join(root, 'template');
// Migrating a new PGlite store takes seconds on a slow machine: do it once, copy it per test.
beforeAll(async () => {
  await (await openPgliteServerDb(template)).close();
});
let servers: ChildServer[] = [];
let starting: Promise<unknown>[] = [];
let desks: TestDesk[] = [];
afterEach(async () => {
  for (const desk of desks) await desk.close();
  for (const server of servers) await server.kill();
  // A restart the test set up but never awaited (it failed first) starts once its
  // predecessor is killed above: let it finish starting, then stop it as well.
  await Promise.allSettled(starting);
  for (const server of servers) await server.kill();
  desks = [];
  servers = [];
  starting = [];
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function newDataDir(name: string): string {
  const dataDir = join(root, name);
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

async function start(dataDir: string, port: number, crashAfterCommits?: number): Promise<ChildServer> {
  const starts = startChildServer({ dataDir, port, crashAfterCommits });
  starting.push(starts);
  const server = await starts;
  servers.push(server);
  return server;
}

async function onlineDesk(server: ChildServer): Promise<TestDesk> {
  const desk = await startDesk(server);
  desks.push(desk);
  desk.goOnline();
  await eventually(() => expect(desk.store.identity.orgId).toBe(server.orgId));
  return desk;
}

/** The server's appointments as a desk would download them now, in scheduleOf's form. */
async function shapeSchedule(desk: TestDesk): Promise<unknown[]> {
  const { url, token } = savedEnrollment(desk.store)!;
  const res = await fetch(`${url}/v1/shape?table=appointments&offset=-1`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`shape: ${res.status}`);
  const messages = (await res.json()) as { value?: Record<string, string | null> }[];
  return messages.filter((m) => m.value).map(({ value: v }) => ({
    id: v!.id, provider_id: v!.provider_id, patient_id: v!.patient_id, resource_ids: v!.resource_ids,
    start_at: Number(v!.start_at), end_at: Number(v!.end_at), status: v!.status, notes: v!.notes, deleted: v!.deleted === 't' ? 1 : 0,
  })).sort((x, y) => x.id!.localeCompare(y.id!));
}

async function withServerDb<T>(dataDir: string, fn: (db: ServerDb) => Promise<T>): Promise<T> {
  const db = await openPgliteServerDb(dataDir);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

// Generous: each test starts server processes and waits out the desks' real retry backoff,
// which on a loaded 2-core machine can approach the default limit.
describe('a sync server killed with SIGKILL', { timeout: 90_000 }, () => {
  it('still has a booking it acknowledged just before it was killed', async () => {
    const dataDir = newDataDir('acknowledged');
    const port = await freePort();
    const server = await start(dataDir, port);
    const desk = await onlineDesk(server);
    const id = uuidv7();
    const { changeId } = desk.store.write({ table: 'appointments', rowId: id, values: appointmentValues(), staffUserId: server.staff.receptionist, action: 'appointment.book' });
    desk.client.notifyLocalWrite();
    await eventually(() => expect(desk.client.getState()).toMatchObject({ pending: 0, unresolvedRejections: 0 }));
    await server.kill();
    expect(await server.exited).toBe('SIGKILL');

    const restarted = await start(dataDir, port);
    // A desk enrolled after the restart downloads it through the protocol.
    const newcomer = await onlineDesk(restarted);
    await eventually(() => expect(deskAppointments(newcomer.store).map((a) => a.id)).toEqual([id]));
    await restarted.stop();
    const logged = await withServerDb(dataDir, (db) => db.query('select status from change_log where change_id = $1', [changeId]));
    expect(logged.rows).toEqual([{ status: 'accepted' }]);
  });

  it('loses nothing and applies nothing twice when killed in the middle of a push burst', async () => {
    const dataDir = newDataDir('burst');
    const port = await freePort();
    const first = await start(dataDir, port, 8);
    const team = [await onlineDesk(first), await onlineDesk(first), await onlineDesk(first)];
    const written: string[][] = team.map(() => []);
    const staff = first.staff.receptionist;
    const created = new Map<string, string>(); // booking's change id -> appointment id
    const write = (i: number, rowId: string, values: Record<string, unknown>, action: string) => {
      const { changeId } = team[i]!.store.write({ table: 'appointments', rowId, values, staffUserId: staff, action });
      written[i]!.push(changeId);
      if (action === 'appointment.book') created.set(changeId, rowId);
      team[i]!.client.notifyLocalWrite();
    };
    const slot = (n: number) => ({ start_at: DAY + n * 30 * MIN, end_at: DAY + (n + 1) * 30 * MIN });

    // Before the burst: each desk books four appointments, and every desk sees all twelve.
    const own: string[][] = team.map(() => []);
    for (const [i] of team.entries()) {
      for (let k = 0; k < 4; k++) {
        own[i]!.push(uuidv7());
        write(i, own[i]![k]!, appointmentValues({ provider_id: `prov-${i}`, patient_id: `pat-${i}-${k}`, ...slot(k) }), 'appointment.book');
      }
    }
    for (const desk of team) await eventually(() => expect(deskAppointments(desk.store)).toHaveLength(12), 30_000);
    const shared = team.map((desk) => deskAppointments(desk.store).map((a) => a.id));

    // The burst: bookings, moves and notes that cannot clash, plus a slot all three desks
    // book every fifth step. The server kills itself after its eighth commit from here on.
    first.armCrash();
    let crashed = false;
    void first.exited.then(() => {
      crashed = true;
    });
    const restarted = first.exited.then(() => start(dataDir, port));
    starting.push(restarted.catch(() => undefined));
    let stepsBeforeCrash = 0;
    let stepsAfterCrash = 0;
    for (let step = 0; step < 120 && stepsAfterCrash < 16; step++) {
      if (crashed) stepsAfterCrash++;
      else stepsBeforeCrash++;
      for (const [i] of team.entries()) {
        const n = 10 + step;
        if (step % 5 === 0) {
          write(i, uuidv7(), appointmentValues({ provider_id: 'prov-shared', patient_id: `pat-${i}-contested-${step}`, ...slot(n) }), 'appointment.book');
        } else if (step % 5 === 1) {
          write(i, own[i]![step % own[i]!.length]!, slot(200 + n), 'appointment.move');
        } else if (step % 5 === 2) {
          write(i, shared[i]![(step + i) % 12]!, { notes: `desk ${i}, step ${step}` }, 'appointment.note');
        } else {
          const id = uuidv7();
          own[i]!.push(id);
          write(i, id, appointmentValues({ provider_id: `prov-${i}`, patient_id: `pat-${i}-${step}`, ...slot(400 + n) }), 'appointment.book');
        }
      }
      if (step % 2 === 1) await new Promise((r) => setTimeout(r, 40));
    }
    expect(crashed).toBe(true);
    expect(await first.exited).toBe('SIGKILL');
    expect(stepsBeforeCrash).toBeGreaterThan(0);
    expect(stepsAfterCrash).toBe(16);
    const second = await restarted;
    expect(second.orgId).toBe(first.orgId);
    // The desks come back by themselves: nothing here tells them the server is up again.
    await eventually(async () => {
      const server = await shapeSchedule(team[0]!);
      for (const desk of team) {
        expect(desk.client.getState().pending).toBe(0);
        expect(deskSchedule(desk.store)).toEqual(server);
      }
    }, 45_000);
    const audited = team.map((desk) => (desk.store.sqlite.prepare('select count(*) as n from audit_events where device_id = ?').get(desk.store.identity.deviceId) as { n: number }).n);
    await eventually(() => team.forEach((desk, i) => expect(Number(desk.store.meta('audit_pushed_seq'))).toBe(audited[i])));
    for (const desk of team) await desk.goOffline();
    await second.stop();
    await withServerDb(dataDir, async (db) => {
      const schedule = await serverSchedule(db);
      for (const desk of team) expect(deskSchedule(desk.store)).toEqual(schedule);
      expect(overlapsIn(await serverAppointments(db))).toEqual([]);

      // Applied once: every logged change has one sequence number of its own, none left unnumbered.
      const { rows: [log] } = await db.query<{ n: number; ids: number; seqs: number; unnumbered: number }>(
        'select count(*)::int as n, count(distinct change_id)::int as ids, count(distinct seq)::int as seqs, count(*) filter (where seq is null)::int as unnumbered from change_log');
      expect(log).toEqual({ n: log!.n, ids: log!.n, seqs: log!.n, unnumbered: 0 });
      // Each device's audit trail arrived whole, each event once.
      for (const [i, desk] of team.entries()) {
        const { rows: [trail] } = await db.query('select count(*)::int as n, count(distinct chain_seq)::int as seqs, max(chain_seq)::int as last from audit_events where device_id = $1', [desk.store.identity.deviceId]);
        expect(trail).toEqual({ n: audited[i], seqs: audited[i], last: audited[i] });
      }

      let accepted = 0;
      let rejected = 0;
      for (const [i, desk] of team.entries()) {
        const outcome = await accountForChanges(desk.store, db, written[i]!);
        accepted += outcome.accepted;
        rejected += outcome.rejected;
      }
      // One booking per contested step survives; the other two are refused and reported.
      expect(rejected).toBe(2 * Math.ceil((stepsBeforeCrash + stepsAfterCrash) / 5));
      const { rows: [logged] } = await db.query<{ n: number }>(`select count(*)::int as n from change_log where status = 'accepted' and table_name = 'appointments'`);
      expect(logged!.n).toBe(accepted);
      // One appointment per accepted booking, and no other.
      const { rows: bookings } = await db.query<{ change_id: string }>(`select change_id from change_log where status = 'accepted' and change_id = any($1::text[])`, [[...created.keys()]]);
      const { rows: appointments } = await db.query<{ id: string }>('select id from appointments');
      expect(appointments.map((a) => a.id).sort()).toEqual(bookings.map((b) => created.get(b.change_id)!).sort());
    });
  });
});
