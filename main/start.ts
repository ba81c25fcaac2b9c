// npm start: the clinic on this computer. Starts the embedded sync server (PGlite, with
// the demo clinic on first run), opens this device's encrypted database, enrolls it with
// the server, and keeps it in sync, printing what a receptionist's screen would show.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { createSyncServer } from '../sync-server/app';
import { seedDemoClinic } from '../sync-server/demo/seed-demo';
import { openServerStore } from '../sync-server/store/open-store';
import { FileKeyStore, KeytarKeyStore, loadKeytar, type KeyStore } from './store/keystore';
import { openStore, type LocalStore } from './store/local-store';
import { DATABASE_FILE } from './store/paths';
import { startHost } from './host/host';
import { readDayView } from './store/queries/day-view';
import { enrollDevice, savedEnrollment } from './sync/enroll';
import { SyncClient } from './sync/sync-client';

const root = process.env.FRONTDESK_HOME ?? join(process.cwd(), '.data');
const deviceDir = process.env.FRONTDESK_DATA_DIR ?? join(root, 'device');
const port = Number(process.env.FRONTDESK_SYNC_PORT ?? 8787);

/** The OS keychain when a Secret Service answers; otherwise a 0600 key file, said out loud. */
async function chooseKeyStore(): Promise<KeyStore> {
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
    console.log(`No OS keychain here: keeping the database key in ${keyFile} (readable only by you; weaker than a keychain).`);
    return new FileKeyStore(keyFile);
  }
}

function printToday(store: LocalStore): void {
  const locations = store.sqlite.prepare('select id, name, time_zone from locations where not deleted order by name').all() as { id: string; name: string; time_zone: string }[];
  for (const location of locations) {
    const today = Temporal.Now.plainDateISO(location.time_zone).toString();
    const day = readDayView(store, { locationId: location.id, date: today, timeZone: location.time_zone });
    console.log(`\n${location.name} (${location.time_zone}), ${today}: ${day.length} appointments`);
    for (const a of day.slice(0, 8)) {
      const time = Temporal.Instant.fromEpochMilliseconds(a.startAt).toZonedDateTimeISO(location.time_zone).toPlainTime().toString().slice(0, 5);
      console.log(`  ${time}  ${(a.providerName ?? '').padEnd(24)} ${(a.serviceName ?? '').padEnd(22)} ${a.patientLastName ?? ''}, ${a.patientFirstName ?? ''}  [${a.status}]`);
    }
    if (day.length > 8) console.log(`  ... and ${day.length - 8} more`);
  }
}

async function main(): Promise<void> {
  mkdirSync(deviceDir, { recursive: true, mode: 0o700 });
  console.log('Frontdesk: starting the embedded sync server...');
  const serverDb = await openServerStore(join(root, 'server'));
  const server = await createSyncServer({ db: serverDb });
  const demo = await seedDemoClinic(server, { onProgress: (m) => process.stdout.write(`\r  demo clinic: ${m.padEnd(40)}`) });
  process.stdout.write('\n');
  const url = await server.listen(port).catch(() => server.listen(0));
  console.log(`Sync server on ${url} (store ${serverDb.kind}, durability ${serverDb.durability}).`);

  let store = await openStore({ dataDir: deviceDir, keyStore: await chooseKeyStore() });
  if (!savedEnrollment(store) || store.meta('server_url') !== url) {
    const { code } = await server.createPairingCode(demo.orgId, 'front_desk');
    await enrollDevice(store, url, code, 'Front desk (npm start)');
    const keyStore = await chooseKeyStore();
    store.close();
    store = await openStore({ dataDir: deviceDir, keyStore });
    console.log(`This computer is enrolled as a front-desk device (${store.identity.deviceId}).`);
  }

  const client = new SyncClient(store, savedEnrollment(store)!);
  const started = Date.now();
  client.start();
  await new Promise<void>((resolve) => {
    const check = () => client.isCaughtUp() && (client.off('state', check), resolve());
    client.on('state', check);
  });
  console.log(`Device database ${store.file} is in sync (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  printToday(store);
  console.log('\nDemo staff sign-in (name, role, PIN):');
  for (const s of demo.staff) console.log(`  ${s.name.padEnd(22)} ${s.role.padEnd(13)} ${s.secret}`);

  // The Electron shell cannot run where its binary cannot be downloaded (as on this kind of
  // machine); the same UI and API are served by the browser host on 127.0.0.1 instead.
  const host = await startHost({ store, sync: client, port: Number(process.env.FRONTDESK_PORT ?? 5180), staticDir: join(process.cwd(), 'dist', 'renderer') })
    .catch(() => startHost({ store, sync: client, port: 0, staticDir: join(process.cwd(), 'dist', 'renderer') }));
  console.log('\nNo Electron window here (the Electron binary is not installed on this machine); the front desk is served by the browser host.');
  console.log(`Open the front desk: ${host.launchUrl}`);
  console.log('(The link carries this launch\'s access token; it works only on this computer. Ctrl+C stops.)');

  let last = '';
  client.on('state', (s) => {
    const line = `sync: ${s.online ? 'online' : 'offline'}, ${s.pending} pending, ${s.unresolvedRejections} rejections to resolve${s.problem ? ` (${s.problem})` : ''}`;
    if (line !== last) console.log((last = line));
  });
  const stop = async () => {
    await host.close();
    await client.stop();
    store.close();
    await server.close();
    await serverDb.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(`Frontdesk could not start: ${(e as Error).message}`);
  process.exit(1);
});
