// The device's encrypted schedule database: open (key, cipher, migrations, identity),
// the single write path, and the queries the rest of main/ needs.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { ClockDriftError, HybridClock, maxHlc } from '../../db/crdt/hlc';
import { latestTimestamp } from '../../db/crdt/merge';
import * as schema from '../../db/schema/sqlite';
import { ChangeRecorder, type ChangeInput, type RecordedChange } from './record-change';
import { keychainLocked, keyMissing, StoreError, wrongKey } from './errors';
import { KeytarKeyStore, newDatabaseKey, type KeyStore } from './keystore';
import { migrateStore } from './migrate';
import { DATABASE_FILE, defaultDataDir } from './paths';

export interface OpenStoreOptions {
  keyStore: KeyStore;
  dataDir?: string;
  /** Open without encryption: only for the encryption-overhead benchmark. */
  unencrypted?: boolean;
  now?: () => number;
}

export interface DeviceIdentityRecord {
  deviceId: string;
  nodeId: string;
  orgId: string | null;
}

export class LocalStore {
  readonly db: BetterSQLite3Database<typeof schema>;
  readonly clock: HybridClock;
  private readonly recorder: ChangeRecorder;
  private identityRecord: DeviceIdentityRecord;

  constructor(
    readonly sqlite: Database.Database,
    readonly file: string,
    readonly schemaVersion: number,
    now: () => number,
  ) {
    this.db = drizzle(sqlite, { schema });
    this.identityRecord = loadIdentity(sqlite);
    this.clock = new HybridClock(this.identityRecord.nodeId, now);
    // Timestamps the server has confirmed (accepted pushes, pulled rows): a clock now far
    // behind them is wrong, and opening says so rather than losing every merge.
    const confirmed = this.meta('hlc_high_water');
    if (confirmed) this.clock.receive(confirmed);
    // Timestamps only issued here: far ahead of this clock, they came from a clock that ran
    // ahead and has been corrected. The server refuses them (clock_drift), so nothing it
    // holds depends on them; adopting them would get every new change refused too.
    const issued = maxHlc(this.meta('hlc_last_issued') ?? undefined, lastIssuedTimestamp(sqlite));
    try {
      if (issued) this.clock.receive(issued);
    } catch (e) {
      if (!(e instanceof ClockDriftError)) throw e;
    }
    this.recorder = new ChangeRecorder(sqlite, () => this.requireOrg(), this.clock, now);
  }

  get identity(): DeviceIdentityRecord {
    return this.identityRecord;
  }

  /** Bind this device to its organization (at enrollment, or when the demo clinic is loaded). */
  setOrganization(orgId: string): void {
    this.setMeta('org_id', orgId);
    this.identityRecord = { ...this.identityRecord, orgId };
  }

  write(input: ChangeInput): RecordedChange {
    return this.recorder.record(input);
  }

  meta(key: string): string | null {
    const row = this.sqlite.prepare('select value from device_meta where key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sqlite.prepare('insert into device_meta (key, value) values (?, ?) on conflict(key) do update set value = excluded.value').run(key, value);
  }

  close(): void {
    if (!this.sqlite.open) return;
    this.setMeta('hlc_last_issued', this.clock.last());
    this.sqlite.close();
  }

  private requireOrg() {
    const { orgId, deviceId } = this.identityRecord;
    if (!orgId) throw new StoreError('not_enrolled', 'This device belongs to no clinic yet: enroll it with a pairing code first.');
    return { orgId, deviceId };
  }
}

export async function openStore(options: OpenStoreOptions): Promise<LocalStore> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const file = join(dataDir, DATABASE_FILE);
  const exists = existsSync(file);
  const key = options.unencrypted ? null : await resolveKey(options.keyStore, file, exists);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const sqlite = new Database(file);
  try {
    if (key) {
      // SQLCipher v4 format, so IT can open a recovered database with standard tools and the key.
      sqlite.pragma(`cipher = 'sqlcipher'`);
      sqlite.pragma('legacy = 4');
      sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
    }
    // PRAGMA key never fails by itself: a wrong key shows at the first read (PROBES.md).
    try {
      sqlite.prepare('select count(*) from sqlite_master').get();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw wrongKey(file);
      throw e;
    }
    sqlite.pragma('journal_mode = WAL');
    // FULL: a booking the receptionist saw succeed survives a power cut, not only a crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    // Every page read from disk is decrypted and its HMAC checked (about 20 µs per 4 KB
    // page here); the app keeps one connection open all day, so a cache that holds a
    // clinic's working set decrypted makes reads after the first as cheap as unencrypted.
    sqlite.pragma('cache_size = -65536');
    const version = migrateStore(sqlite, file);
    return new LocalStore(sqlite, file, version, options.now ?? Date.now);
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

async function resolveKey(keyStore: KeyStore, file: string, exists: boolean): Promise<Buffer> {
  const stored = await keyStore.load();
  if (stored) return stored;
  // keytar answers null both for "no key" and for "keychain locked": with a database on
  // disk that must never be read as a first run, or the data would be orphaned.
  if (exists) throw keyStore instanceof KeytarKeyStore ? keychainLocked(file) : keyMissing(file, keyStore.description);
  const key = newDatabaseKey();
  await keyStore.save(key);
  const reread = await keyStore.load();
  if (!reread || !reread.equals(key)) {
    throw new StoreError('keychain_locked', `The ${keyStore.description} did not keep the new database key (is it locked?). No database was created.`);
  }
  return key;
}

function loadIdentity(sqlite: Database.Database): DeviceIdentityRecord {
  const get = (key: string) => (sqlite.prepare('select value from device_meta where key = ?').get(key) as { value: string } | undefined)?.value;
  const set = sqlite.prepare('insert into device_meta (key, value) values (?, ?)');
  let deviceId = get('device_id');
  let nodeId = get('node_id');
  if (!deviceId || !nodeId) {
    deviceId = uuidv7();
    nodeId = randomBytes(8).toString('hex');
    sqlite.transaction(() => {
      set.run('device_id', deviceId);
      set.run('node_id', nodeId);
    })();
  }
  return { deviceId, nodeId, orgId: get('org_id') ?? null };
}

/** Every local write ends with an audit event stamped by the clock, so its timestamp is the newest issued. */
function lastIssuedTimestamp(sqlite: Database.Database): string | undefined {
  const row = sqlite.prepare('select hlc from outbox order by seq desc limit 1').get() as { hlc: string } | undefined;
  return row ? latestTimestamp(JSON.parse(row.hlc) as Record<string, string>) : undefined;
}
