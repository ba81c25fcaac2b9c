// The clinic on this computer, whichever window shows it: the embedded sync server (PGlite,
// with the demo clinic on first run), this device's encrypted database enrolled with that
// server, and the SyncClient keeping them in step. `npm start` (browser host) and the
// Electron shell both start exactly this; neither may import electron from here.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { createSyncServer } from '../sync-server/app';
import { seedDemoClinic } from '../sync-server/demo/seed-demo';
import { attachJobsFromEnv } from '../sync-server/jobs/start-from-env';
import { recoverFromServerRestore } from './backup/after-server-restore';
import { loadOrCreateDeskCertificate, type DeskCertificate } from './host/desk-certificate';
import { openServerStore } from '../sync-server/store/open-store';
import type { SessionOptions } from './api/session-manager';
import { FileKeyStore, KeytarKeyStore, loadKeytar, type KeyStore } from './store/keystore';
import { openStore, type LocalStore } from './store/local-store';
import { DATABASE_FILE } from './store/paths';
import { readDayView } from './store/queries/day-view';
import { enrollDevice, savedEnrollment } from './sync/enroll';
import { SyncClient } from './sync/sync-client';

/** What this computer is for. A kiosk shows the check-in screen full-screen and nothing else. */
export type DeviceRole = 'front_desk' | 'kiosk';

export interface ClinicConfig {
  /** Holds server/ and, unless deviceDir says otherwise, device/. */
  root: string;
  deviceDir: string;
  syncPort: number;
  /** Idle time before a signed-in desk locks; the same for the Electron shell and the browser host. */
  sessions: SessionOptions;
  deviceRole: DeviceRole;
}

const minute = 60_000;
// Below a minute the desk would lock while someone is still reading; above four hours a
// forgotten screen stays open for a whole shift.
const idleLockMinutes = { min: 1, max: 240 };

/**
 * FRONTDESK_IDLE_LOCK_MINUTES: how long a desk may sit untouched before it locks. A value
 * that is not a number in range is refused at start-up rather than quietly replaced, so a
 * typo cannot leave the screen unlocked longer than the clinic asked for.
 */
export function readIdleLockMs(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.FRONTDESK_IDLE_LOCK_MINUTES?.trim();
  if (!raw) return undefined;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < idleLockMinutes.min || minutes > idleLockMinutes.max) {
    throw new Error(`FRONTDESK_IDLE_LOCK_MINUTES must be a number of minutes from ${idleLockMinutes.min} to ${idleLockMinutes.max}; it is "${raw}".`);
  }
  return Math.round(minutes * minute);
}

export function readDeviceRole(env: NodeJS.ProcessEnv): DeviceRole {
  const raw = env.FRONTDESK_DEVICE_ROLE?.trim();
  if (!raw || raw === 'front_desk') return 'front_desk';
  if (raw === 'kiosk') return 'kiosk';
  throw new Error(`FRONTDESK_DEVICE_ROLE must be front_desk or kiosk; it is "${raw}".`);
}

export function readClinicConfig(env: NodeJS.ProcessEnv, defaultRoot: string): ClinicConfig {
  const root = env.FRONTDESK_HOME ?? defaultRoot;
  return {
    root,
    deviceDir: env.FRONTDESK_DATA_DIR ?? join(root, 'device'),
    syncPort: Number(env.FRONTDESK_SYNC_PORT ?? 8787),
    sessions: { idleLockMs: readIdleLockMs(env) },
    deviceRole: readDeviceRole(env),
  };
}

export interface DemoStaff {
  name: string;
  role: string;
  secret: string;
}

export interface Clinic {
  store: LocalStore;
  sync: SyncClient;
  syncUrl: string;
  demoStaff: DemoStaff[];
  config: ClinicConfig;
  /** Stops sync, closes the device database, then the server; safe to call once. */
  stop(): Promise<void>;
}

type Say = (line: string) => void;

/** The OS keychain when a Secret Service answers; otherwise a 0600 key file, said out loud. */
async function chooseKeyStore(deviceDir: string, say: Say): Promise<KeyStore> {
  const keyFile = join(deviceDir, 'keys', 'db.key');
  if (existsSync(keyFile) || process.env.FRONTDESK_KEY_FILE === '1') return new FileKeyStore(keyFile);
  try {
    const keytar = await loadKeytar();
    await Promise.race([keytar.getPassword('Frontdesk database key', 'probe'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3_000))]);
    return new KeytarKeyStore(keytar, deviceDir);
  } catch {
    if (existsSync(join(deviceDir, DATABASE_FILE))) {
      throw new Error('This device keeps its database key in the OS keychain, which is not reachable now. Unlock the keychain (sign in to the desktop session) and start again.');
    }
    say(`No OS keychain here: keeping the database key in ${keyFile} (readable only by you; weaker than a keychain).`);
    return new FileKeyStore(keyFile);
  }
}

export async function startClinic(config: ClinicConfig, say: Say = console.log): Promise<Clinic> {
  const { root, deviceDir } = config;
  mkdirSync(deviceDir, { recursive: true, mode: 0o700 });
  say('Frontdesk: starting the embedded sync server...');
  const serverDb = await openServerStore(join(root, 'server'));
  const server = await createSyncServer({ db: serverDb });
  const demo = await seedDemoClinic(server, { onProgress: (m) => process.stdout.write(`\r  demo clinic: ${m.padEnd(40)}`) });
  process.stdout.write('\n');
  // Reminders, no-show marking, escalation and waitlist offers, configured from the environment (docs/jobs.md).
  const jobs = await attachJobsFromEnv(server, process.env, say);
  const url = await server.listen(config.syncPort).catch(() => server.listen(0));
  jobs.start(url);
  say(`Sync server on ${url} (store ${serverDb.kind}, durability ${serverDb.durability}).`);

  let store = await openStore({ dataDir: deviceDir, keyStore: await chooseKeyStore(deviceDir, say) });
  if (!savedEnrollment(store) || store.meta('server_url') !== url) {
    const { code } = await server.createPairingCode(demo.orgId, 'front_desk');
    await enrollDevice(store, url, code, 'Front desk (npm start)');
    const keyStore = await chooseKeyStore(deviceDir, say);
    store.close();
    store = await openStore({ dataDir: deviceDir, keyStore });
    say(`This computer is enrolled as a front-desk device (${store.identity.deviceId}).`);
  }

  const enrollment = savedEnrollment(store)!;
  // A server restored from a backup has forgotten what this device wrote since: send it again.
  try {
    const recovery = await recoverFromServerRestore(store, enrollment);
    if (recovery.restored) say(`The sync server was restored from a backup: ${recovery.requeued} changes made here will be sent again.`);
  } catch (e) {
    say(`Could not ask the sync server whether it was restored (${(e as Error).message}); checking again at the next start.`);
  }
  const sync = new SyncClient(store, enrollment);
  const started = Date.now();
  sync.start();
  await new Promise<void>((resolve) => {
    const check = () => sync.isCaughtUp() && (sync.off('state', check), resolve());
    sync.on('state', check);
  });
  say(`Device database ${store.file} is in sync (${((Date.now() - started) / 1000).toFixed(1)} s).`);

  let stopping: Promise<void> | null = null;
  return {
    store,
    sync,
    syncUrl: url,
    demoStaff: demo.staff,
    config,
    stop() {
      stopping ??= (async () => {
        await sync.stop();
        store.close();
        await jobs.stop();
        await server.close();
        await serverDb.close();
      })();
      return stopping;
    },
  };
}

/** Today's first appointments per location and the demo PINs: what a new user needs to try it. */
/**
 * The kiosk tablets' TLS certificate: the clinic's own when FRONTDESK_KIOSK_TLS_KEY and
 * FRONTDESK_KIOSK_TLS_CERT name its files, else this desk's self-signed one.
 */
export function kioskCertificate(config: ClinicConfig, env: Record<string, string | undefined> = process.env): Promise<DeskCertificate> {
  const keyFile = env.FRONTDESK_KIOSK_TLS_KEY;
  const certFile = env.FRONTDESK_KIOSK_TLS_CERT;
  return loadOrCreateDeskCertificate(join(config.deviceDir, 'tls'), keyFile && certFile ? { configured: { keyFile, certFile } } : {});
}

export function printWelcome(clinic: Clinic, say: Say = console.log): void {
  const { store } = clinic;
  const locations = store.sqlite.prepare('select id, name, time_zone from locations where not deleted order by name').all() as { id: string; name: string; time_zone: string }[];
  for (const location of locations) {
    const today = Temporal.Now.plainDateISO(location.time_zone).toString();
    const day = readDayView(store, { locationId: location.id, date: today, timeZone: location.time_zone });
    say(`\n${location.name} (${location.time_zone}), ${today}: ${day.length} appointments`);
    for (const a of day.slice(0, 8)) {
      const time = Temporal.Instant.fromEpochMilliseconds(a.startAt).toZonedDateTimeISO(location.time_zone).toPlainTime().toString().slice(0, 5);
      say(`  ${time}  ${(a.providerName ?? '').padEnd(24)} ${(a.serviceName ?? '').padEnd(22)} ${a.patientLastName ?? ''}, ${a.patientFirstName ?? ''}  [${a.status}]`);
    }
    if (day.length > 8) say(`  ... and ${day.length - 8} more`);
  }
  say('\nDemo staff sign-in (name, role, PIN):');
  for (const s of clinic.demoStaff) say(`  ${s.name.padEnd(22)} ${s.role.padEnd(13)} ${s.secret}`);
}

/** One console line per change of the sync state, for whoever watches the terminal. */
export function logSyncState(clinic: Clinic, say: Say = console.log): () => void {
  let last = '';
  const onState = () => {
    const s = clinic.sync.getState();
    const line = `sync: ${s.online ? 'online' : 'offline'}, ${s.pending} pending, ${s.unresolvedRejections} rejections to resolve${s.problem ? ` (${s.problem})` : ''}`;
    if (line !== last) say((last = line));
  };
  clinic.sync.on('state', onState);
  return () => clinic.sync.off('state', onState);
}
