// One front desk for end-to-end tests, wired as the app wires it: a sync server on PGlite in
// memory with a small demo clinic, an enrolled device with its own encrypted database, the
// device's SyncClient, and the browser host serving the built renderer.
import { resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { startHost } from '../../main/host/host';
import { enrollDevice, savedEnrollment } from '../../main/sync/enroll';
import { SyncClient } from '../../main/sync/sync-client';
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
  staff: StaffCredential[];
  /** Registered patients with distinct names, for searching as the desk would. */
  patients: { firstName: string; lastName: string; dateOfBirth: string; phone: string | null }[];
  /** The clinic's clock: the host decides with it; give it to the browser too (page.clock). */
  now(): number;
  timeZone: string;
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
  const now = () => clinicStart + (Date.now() - bootedAt);

  const serverDb = await openPgliteServerDb();
  const server = await createSyncServer({ db: serverDb, liveTimeoutMs: 2_000 });
  const demo = await seedDemoClinic(server, { anchorDate, patients: options.patients ?? 1_000 });
  const serverUrl = await server.listen(0);

  const temp = await openTempStore();
  const { code } = await server.createPairingCode(demo.orgId, 'front_desk');
  await enrollDevice(temp.store, serverUrl, code, 'e2e front desk');
  const store = await temp.reopen();
  const sync = new SyncClient(store, { ...savedEnrollment(store)!, idlePushIntervalMs: 200 });
  sync.start();
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('The test desk did not catch up with the sync server within 120 s.')), 120_000);
    const check = () => {
      if (!sync.isCaughtUp()) return;
      clearTimeout(timer);
      sync.off('state', check);
      done();
    };
    sync.on('state', check);
    check();
  });

  const host = await startHost({
    store,
    sync,
    staticDir: resolve(options.staticDir ?? 'dist/renderer'),
    now,
    timeZone: clinicZone,
  });

  const patients = (store.sqlite.prepare(`
    select first_name as firstName, last_name as lastName, date_of_birth as dateOfBirth, phone
    from patients p where deleted = 0 and date_of_birth < '2000-01-01'
      and not exists (select 1 from appointments a where a.patient_id = p.id and a.start_at between ? and ?)
    group by last_name having count(*) = 1 order by last_name limit 30`).all(clinicStart - day, clinicStart + 15 * day)) as TestDeskHost['patients'];

  return {
    launchUrl: host.launchUrl,
    url: host.url,
    staff: demo.staff,
    patients,
    now,
    timeZone: clinicZone,
    async close() {
      await host.close();
      await sync.stop();
      temp.cleanup();
      await server.close();
      await serverDb.close();
    },
  };
}
