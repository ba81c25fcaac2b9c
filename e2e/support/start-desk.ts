// One front desk for end-to-end tests, wired as the app wires it: a sync server on PGlite in
// memory with a small demo clinic, an enrolled device with its own encrypted database, the
// device's SyncClient, and the browser host serving the built renderer.
import { join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import { stampChange } from '../../db/crdt/merge';
import { loadOrCreateDeskCertificate } from '../../main/host/desk-certificate';
import { startHost } from '../../main/host/host';
import { enrollDevice, savedEnrollment } from '../../main/sync/enroll';
import { SyncClient } from '../../main/sync/sync-client';
import type { LocalStore } from '../../main/store/local-store';
import { openTempStore } from '../../main/store/testing/temp-store';
import { createSyncServer } from '../../sync-server/app';
import { seedDemoClinic } from '../../sync-server/demo/seed-demo';
import { openPgliteServerDb } from '../../sync-server/store/open-pglite';

export interface DeskOptions {
  /** The clinic's "today" (the demo is laid out around it). */
  anchorDate?: string;
  /** The clinic's wall-clock time (in its first location, Los Angeles) the desk starts at, 'HH:MM'; time then runs on normally. */
  startTime?: string;
  patients?: number;
  staticDir?: string;
}

export interface StaffCredential {
  name: string;
  role: string;
  secret: string;
}

export interface TestDeskHost {
  launchUrl: string;
  url: string;
  /** The sync server itself, for tests that act as another device (enrolling, syncing). */
  serverUrl: string;
  staff: StaffCredential[];
  /** Registered patients with distinct names, for searching as the desk would. */
  patients: { firstName: string; lastName: string; dateOfBirth: string; phone: string | null }[];
  /** The clinic's clock: the host decides with it; give it to the browser too (page.clock). */
  now(): number;
  /** Moves the clinic's clock forward, as if the desk sat unattended (the idle lock). */
  advanceClock(ms: number): void;
  timeZone: string;
  /** Cut this device off from the sync server (its writes wait in the outbox), and reconnect it. */
  goOffline(): Promise<void>;
  goOnline(): void;
  /** A second front desk: its own enrolled device and encrypted database, on the same sync server. Started on first use. */
  secondDesk(): Promise<DeskDevice>;
  /** A patient whose no-shows and late cancellations reach the policy's threshold, with the counts. */
  patientWithMissedVisits(threshold: number): { firstName: string; lastName: string; noShows: number; lateCancellations: number };
  /** The first desk's encrypted database, for benchmarks that grow a clinic beyond the demo. */
  store: LocalStore;
  /** A booked visit at the first location that may be checked in now (it starts within the hour). */
  appointmentReadyForCheckIn(): { patientLabel: string };
  /** The server's escalation of tomorrow's first unconfirmed visit at the clinic, written as its job does (a replicated staff task). */
  raiseUnconfirmedTask(): Promise<{ taskId: string; patientLabel: string; phone: string | null }>;
  /** The task's status on the sync server (what every desk converges to). */
  serverTaskStatus(taskId: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface DeskDevice {
  launchUrl: string;
  goOffline(): Promise<void>;
  goOnline(): void;
  close(): Promise<void>;
}

const defaultAnchor = '2026-03-10';
// The schedule opens on the first location by name: Los Angeles.
const day = 86_400_000;
const clinicZone = 'America/Los_Angeles';

export async function startDeskForTests(options: DeskOptions = {}): Promise<TestDeskHost> {
  const anchorDate = options.anchorDate ?? defaultAnchor;
  // A fixed day and hour: "first available", check-in windows and the notice period then
  // behave the same whenever the tests run.
  const clinicStart = Temporal.PlainDateTime.from(`${anchorDate}T${options.startTime ?? '10:00'}`).toZonedDateTime(clinicZone).epochMilliseconds;
  const bootedAt = Date.now();
  let skipped = 0;
  const now = () => clinicStart + (Date.now() - bootedAt) + skipped;

  const serverDb = await openPgliteServerDb();
  const server = await createSyncServer({ db: serverDb, liveTimeoutMs: 2_000 });
  const demo = await seedDemoClinic(server, { anchorDate, patients: options.patients ?? 1_000 });
  const serverUrl = await server.listen(0);

  const staticDir = resolve(options.staticDir ?? process.env.FRONTDESK_E2E_STATIC_DIR ?? 'dist/renderer');
  async function startDevice(name: string): Promise<DeskDevice & { store: LocalStore; url: string }> {
    const temp = await openTempStore();
    const { code } = await server.createPairingCode(demo.orgId, 'front_desk');
    await enrollDevice(temp.store, serverUrl, code, name);
    const store = await temp.reopen();
    const sync = new SyncClient(store, { ...savedEnrollment(store)!, idlePushIntervalMs: 200 });
    sync.start();
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`${name} did not catch up with the sync server within 120 s.`)), 120_000);
      const check = () => {
        if (!sync.isCaughtUp()) return;
        clearTimeout(timer);
        sync.off('state', check);
        done();
      };
      sync.on('state', check);
      check();
    });
    // Kiosk tablets reach the desk over HTTPS on loopback here, with the certificate the app makes for itself.
    const kioskLan = { tls: () => loadOrCreateDeskCertificate(join(temp.dataDir, 'tls')), port: 0, bindAddress: '127.0.0.1' };
    const host = await startHost({ store, sync, staticDir, now, timeZone: clinicZone, kioskLan });
    return {
      store,
      url: host.url,
      launchUrl: host.launchUrl,
      goOffline: () => sync.stop(),
      goOnline: () => sync.start(),
      async close() {
        await host.close();
        await sync.stop();
        temp.cleanup();
      },
    };
  }

  const desk = await startDevice('e2e front desk');
  const { store } = desk;
  let second: Promise<DeskDevice> | null = null;
  const taskedPatients = new Set<string>();

  const patients = (store.sqlite.prepare(`
    select first_name as firstName, last_name as lastName, date_of_birth as dateOfBirth, phone
    from patients p where deleted = 0 and date_of_birth < '2000-01-01'
      and not exists (select 1 from appointments a where a.patient_id = p.id and a.start_at between ? and ?)
    group by last_name having count(*) = 1 order by last_name limit 30`).all(clinicStart - day, clinicStart + 15 * day)) as TestDeskHost['patients'];

  return {
    launchUrl: desk.launchUrl,
    url: desk.url,
    serverUrl,
    staff: demo.staff,
    patients,
    now,
    advanceClock: (ms) => {
      skipped += ms;
    },
    timeZone: clinicZone,
    store,
    goOffline: desk.goOffline,
    goOnline: desk.goOnline,
    secondDesk: () => (second ??= startDevice('e2e second desk')),
    patientWithMissedVisits(threshold) {
      const row = store.sqlite.prepare(`
        select first_name as firstName, last_name as lastName,
          sum(a.status = 'no_show') as noShows, sum(a.status = 'late_cancelled') as lateCancellations
        from patients p join appointments a on a.patient_id = p.id and a.deleted = 0
        where p.deleted = 0
          and (select count(*) from patients q where q.last_name = p.last_name and q.first_name = p.first_name) = 1
        group by p.id having noShows + lateCancellations >= ? and noShows > 0 and lateCancellations > 0
        order by p.last_name limit 1`).get(threshold) as { firstName: string; lastName: string; noShows: number; lateCancellations: number } | undefined;
      if (!row) throw new Error(`The demo clinic has no patient with ${threshold} missed visits.`);
      return row;
    },
    appointmentReadyForCheckIn() {
      const row = store.sqlite.prepare(`
        select p.last_name || ', ' || p.first_name as patientLabel
        from appointments a join patients p on p.id = a.patient_id join locations l on l.id = a.location_id
        where a.deleted = 0 and a.status in ('booked', 'confirmed') and l.time_zone = ? and a.start_at between ? and ?
          and (select count(*) from appointments b where b.patient_id = a.patient_id and b.start_at between ? and ?) = 1
        order by a.start_at limit 1`).get(clinicZone, now() + 10 * 60_000, now() + 50 * 60_000, now() - day, now() + day) as { patientLabel: string } | undefined;
      if (!row) throw new Error('No visit at the clinic starts within the hour.');
      return row;
    },
    async raiseUnconfirmedTask() {
      const candidates = store.sqlite.prepare(`
        select a.id, a.location_id as locationId, a.start_at as startAt, p.last_name || ', ' || p.first_name as patientLabel, p.phone
        from appointments a join patients p on p.id = a.patient_id join locations l on l.id = a.location_id
        where a.deleted = 0 and a.status = 'booked' and l.time_zone = ? and a.start_at between ? and ?
        order by a.start_at limit 50`).all(clinicZone, now() + 20 * 3_600_000, now() + 28 * 3_600_000) as
        { id: string; locationId: string; startAt: number; patientLabel: string; phone: string | null }[];
      // One task per visit and patient across the tests sharing this desk, so each finds its own.
      const row = candidates.find((c) => !taskedPatients.has(c.patientLabel));
      if (!row) throw new Error('No booked visit at the clinic tomorrow without a task yet.');
      taskedPatients.add(row.patientLabel);
      const taskId = uuidv7();
      const stamped = stampChange({
        location_id: row.locationId, appointment_id: row.id, kind: 'unconfirmed_appointment', title: 'Call the patient: the visit is not confirmed.',
        due_at: row.startAt - 3_600_000, status: 'open', created_at: now(), deleted: false,
      }, server.clock.now());
      const [result] = await server.writeAsSystem(demo.orgId, [{ id: uuidv7(), table: 'staff_tasks', row: taskId, values: stamped.values, hlc: stamped.hlc, staffUserId: null }]);
      if (result?.status !== 'accepted') throw new Error(`The server refused the task: ${JSON.stringify(result)}`);
      return { taskId, patientLabel: row.patientLabel, phone: row.phone };
    },
    async serverTaskStatus(taskId) {
      const { rows } = await serverDb.query<{ status: string }>('select status from staff_tasks where id = $1', [taskId]);
      return rows[0]?.status ?? null;
    },
    async close() {
      if (second) await (await second).close();
      await desk.close();
      await server.close();
      await serverDb.close();
    },
  };
}
