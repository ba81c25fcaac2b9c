// A front desk for API tests: a real encrypted store holding the demo clinic, a router with
// a clock the test moves, signed-in sessions per role, and fixture rows written the way the
// server's demo data arrives (as setup, not as anyone's action).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { DemoClinic } from '../../../db/demo/generate';
import type { AppointmentStatus } from '../../../db/rules/types';
import { resolveWallTime } from '../../../db/rules/wallclock';
import { createDemoClinic } from '../../../db/demo/create-demo-clinic-node';
import { loadDemoClinic } from '../../store/seed-demo';
import { FileKeyStore } from '../../store/keystore';
import { openStore, type LocalStore } from '../../store/local-store';
import { openTempStore } from '../../store/testing/temp-store';
import type { ApiContext, ApiLogger, StaffRole } from '../operation';
import { createRouter, type Router } from '../router';

export const ANCHOR_DATE = '2026-03-11';
export const ZONE = 'America/New_York';
/** "Now" for every desk: noon at the Manhattan location on the demo clinic's anchor day. */
export const NOON = resolveWallTime(ANCHOR_DATE, '12:00', ZONE);
export const minute = 60_000;
export const hour = 60 * minute;

let template: Promise<{ clinic: DemoClinic; dataDir: string }> | null = null;

/**
 * One small demo clinic per test process, loaded once into an encrypted store that each
 * desk then copies (database and key file): generating the clinic (argon2 PIN hashes) and
 * loading 15,000 appointments with synchronous = FULL are the slow parts.
 */
function demoTemplate(): Promise<{ clinic: DemoClinic; dataDir: string }> {
  template ??= (async () => {
    const clinic = await createDemoClinic({ anchorDate: ANCHOR_DATE, patients: 200 });
    const temp = await openTempStore();
    loadDemoClinic(temp.store, clinic);
    temp.store.close();
    process.once('exit', () => rmSync(temp.dataDir, { recursive: true, force: true }));
    return { clinic, dataDir: temp.dataDir };
  })();
  return template;
}

export interface TestDesk {
  dataDir: string;
  store: LocalStore;
  clinic: DemoClinic;
  router: Router;
  clock: { now: number };
  /** Tables reported to onLocalWrite, one entry per operation that wrote. */
  writes: string[][];
  logger: ApiLogger & { errors: unknown[] };
  /** The Manhattan location (America/New_York). */
  locationId: string;
  staffId(role: StaffRole): string;
  pinOf(role: StaffRole): string;
  signIn(role: StaffRole): Promise<string>;
  cleanup(): void;
}

export async function openTestDesk(options: Partial<Pick<ApiContext, 'sessions'>> = {}): Promise<TestDesk> {
  const { clinic, dataDir: templateDir } = await demoTemplate();
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-desk-'));
  cpSync(templateDir, dataDir, { recursive: true });
  const store = await openStore({ dataDir, keyStore: new FileKeyStore(join(dataDir, 'keys', 'db.key')) });
  const clock = { now: NOON };
  const writes: string[][] = [];
  const errors: unknown[] = [];
  const logger = { errors, error: (_message: string, error: unknown) => void errors.push(error) };
  const router = createRouter({
    store, now: () => clock.now, logger, timeZone: ZONE, sessions: options.sessions,
    onLocalWrite: (tables) => void writes.push(tables),
  });
  const location = store.sqlite.prepare('select id from locations where time_zone = ?').get(ZONE) as { id: string };
  const staff = clinic.tables.staff_users ?? [];
  const indexOf = (role: StaffRole) => {
    const i = staff.findIndex((s) => s.role === role);
    if (i < 0) throw new Error(`The demo clinic has no ${role}.`);
    return i;
  };
  const desk: TestDesk = {
    dataDir,
    store,
    clinic,
    router,
    clock,
    writes,
    logger,
    locationId: location.id,
    staffId: (role) => staff[indexOf(role)]!.id as string,
    pinOf: (role) => clinic.staffCredentials[indexOf(role)]!.secret,
    async signIn(role) {
      const result = await router.invoke('session.signIn', { staffUserId: desk.staffId(role), secret: desk.pinOf(role) });
      if (!result.ok) throw new Error(`Could not sign in as ${role}: ${result.error.message}`);
      return result.value.sessionId;
    },
    cleanup: () => {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return desk;
}

let fixtureCodes = 0;

/** Rows the tests need that the demo data does not guarantee, written as setup (no staff user). */
export class Fixtures {
  private patientCount = 0;

  constructor(private readonly store: LocalStore, readonly locationId: string) {}

  provider(name = 'Dr. Fixture Provider'): string {
    const id = uuidv7();
    this.store.write({ table: 'providers', rowId: id, staffUserId: null, action: 'test.setup', values: { name, specialty: 'family medicine', location_ids: [this.locationId] } });
    return id;
  }

  /** A service any provider at the location may deliver, needing no rooms. */
  service(durationMin = 30, buffers: { before?: number; after?: number } = {}): string {
    const id = uuidv7();
    this.store.write({
      table: 'services', rowId: id, staffUserId: null, action: 'test.setup',
      values: { name: 'Fixture visit', duration_min: durationMin, buffer_before_min: buffers.before ?? 0, buffer_after_min: buffers.after ?? 0 },
    });
    return id;
  }

  patient(overrides: Record<string, unknown> = {}): string {
    const id = uuidv7();
    this.patientCount++;
    this.store.write({
      table: 'patients', rowId: id, staffUserId: null, action: 'test.setup',
      values: { first_name: `Fixture${this.patientCount}`, last_name: 'Zzpatient', date_of_birth: '1985-06-15', phone: '+1 212 555 0199', ...overrides },
    });
    return id;
  }

  appointment(a: { providerId: string; serviceId: string; patientId: string; startAt: number; durationMin?: number; status?: AppointmentStatus }): string {
    const id = uuidv7();
    this.store.write({
      table: 'appointments', rowId: id, staffUserId: null, action: 'test.setup',
      values: {
        location_id: this.locationId, provider_id: a.providerId, service_id: a.serviceId, patient_id: a.patientId,
        start_at: a.startAt, end_at: a.startAt + (a.durationMin ?? 30) * minute, status: a.status ?? 'booked',
        confirmation_code: `T${String(++fixtureCodes).padStart(5, '0')}`, booked_at: a.startAt - 7 * 24 * hour,
      },
    });
    return id;
  }
}

export function countRows(store: LocalStore, table: 'outbox' | 'audit_events' | 'appointments' | 'patients'): number {
  return (store.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}
