// What a stolen laptop gives away: the raw bytes of the database and of its WAL, copied
// while the app is running and after it has closed. None may hold a patient's name or email.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoClinic } from '../../db/demo/generate';
import { DATABASE_FILE } from './paths';
import { createDemoClinic } from '../../db/demo/create-demo-clinic-node';
import { loadDemoClinic } from './seed-demo';
import { openTempStore, type TempStore } from './testing/temp-store';

// Ciphertext is uniform bytes, so a short string turns up in it by chance: "Li" about 300
// times in 20 MB. A 7-byte string does so with odds near 20 MB / 256^7 (3e-10), small
// enough for thousands of needles without flaky failures.
const MIN_NEEDLE_BYTES = 7;

const extraPatients = [
  { id: '0190a0f0-0000-7000-8000-0000000000e1', first_name: 'Wilhelmina', last_name: 'Vandermeer', date_of_birth: '1950-05-17', email: 'wilhelmina.vandermeer@example.org' },
  { id: '0190a0f0-0000-7000-8000-0000000000e2', first_name: 'Bartholomew', last_name: 'Quintanilla', date_of_birth: '1979-12-03', email: 'b.quintanilla@example.net' },
];

interface PatientFields {
  first_name: unknown;
  last_name: unknown;
  date_of_birth: unknown;
  email?: unknown;
}

/**
 * Per patient: the last name, the first and last names as the row stores them (back to
 * back), and the email. A name pair too short to search for safely is extended with the
 * date of birth, which follows it in the row, so every patient is checked.
 */
function needlesOf(patients: PatientFields[]): string[] {
  const needles = new Set<string>();
  for (const p of patients) {
    const [first, last, born] = [String(p.first_name), String(p.last_name), String(p.date_of_birth)];
    if (Buffer.byteLength(last) >= MIN_NEEDLE_BYTES) needles.add(last);
    const name = first + last;
    needles.add(Buffer.byteLength(name) >= MIN_NEEDLE_BYTES ? name : name + born);
    if (typeof p.email === 'string') needles.add(p.email);
  }
  return [...needles];
}

/**
 * Which needles occur in the haystack. One pass: a table of first byte pairs rejects almost
 * every position at once, and only the rest are looked up by their first six bytes.
 */
function findNeedles(haystack: Buffer, needles: string[]): Set<string> {
  const byPrefix = new Map<number, Buffer[]>();
  const firstPairs = new Uint8Array(65_536);
  for (const needle of needles) {
    const bytes = Buffer.from(needle);
    if (bytes.length < MIN_NEEDLE_BYTES) throw new Error(`"${needle}" is too short to search ciphertext for.`);
    const prefix = bytes.readUIntBE(0, 6);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), bytes]);
    firstPairs[bytes.readUInt16BE(0)] = 1;
  }
  const found = new Set<string>();
  for (let i = 0; i + MIN_NEEDLE_BYTES <= haystack.length; i++) {
    if (firstPairs[(haystack[i]! << 8) | haystack[i + 1]!] === 0) continue;
    for (const bytes of byPrefix.get(haystack.readUIntBE(i, 6)) ?? []) {
      if (i + bytes.length <= haystack.length && haystack.compare(bytes, 0, bytes.length, i, i + bytes.length) === 0) found.add(bytes.toString());
    }
  }
  return found;
}

interface StoreFiles {
  database: Set<string>;
  wal: Set<string> | null;
  shm: Set<string> | null;
}

/** Needles found in each file of the store as it is on disk right now. */
function scanStoreFiles(dataDir: string, needles: string[]): StoreFiles {
  const scan = (file: string) => (existsSync(file) ? findNeedles(readFileSync(file), needles) : null);
  const database = join(dataDir, DATABASE_FILE);
  return { database: scan(database)!, wal: scan(`${database}-wal`), shm: scan(`${database}-shm`) };
}

const allFound = (files: StoreFiles) => new Set([...files.database, ...(files.wal ?? []), ...(files.shm ?? [])]);

/** The demo clinic, then edits through the audited write path, which land in the WAL. */
function fillStore(temp: TempStore, clinic: DemoClinic): void {
  loadDemoClinic(temp.store, clinic);
  for (const { id, ...values } of extraPatients) temp.store.write({ table: 'patients', rowId: id, values, staffUserId: 'staff-1', action: 'patient.create' });
  const existing = clinic.tables.patients![0]!;
  temp.store.write({ table: 'patients', rowId: existing.id as string, values: { phone: '+1 212 555 0199' }, staffUserId: 'staff-1', action: 'patient.update' });
}

let clinic: DemoClinic;
let needles: string[];
let temp: TempStore | undefined;

beforeAll(async () => {
  clinic = await createDemoClinic({ anchorDate: '2026-03-11' });
  needles = needlesOf([...(clinic.tables.patients as unknown as PatientFields[]), ...extraPatients]);
});

afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

describe('patient data at rest', () => {
  it('covers the whole demo clinic', () => {
    expect(clinic.tables.patients).toHaveLength(2_000);
    expect(clinic.tables.appointments!.length).toBeGreaterThan(14_000);
    // Every patient contributes at least the name pair.
    expect(needles.length).toBeGreaterThanOrEqual(2_000 + extraPatients.length);
  });

  it('shows no patient name or email in the encrypted database or its WAL, while open and after closing', async () => {
    temp = await openTempStore();
    fillStore(temp, clinic);
    const file = join(temp.dataDir, DATABASE_FILE);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const open = scanStoreFiles(temp.dataDir, needles);
    expect(open.wal).not.toBeNull();
    expect([...allFound(open)]).toEqual([]);

    temp.store.close();
    expect([...allFound(scanStoreFiles(temp.dataDir, needles))]).toEqual([]);
  });

  it('finds every one of them in an unencrypted store with the same data, so the scan can fail', async () => {
    temp = await openTempStore({ unencrypted: true });
    fillStore(temp, clinic);

    const open = scanStoreFiles(temp.dataDir, needles);
    expect(needles.filter((n) => !allFound(open).has(n))).toEqual([]);
    // The edits made through the write path are in the WAL, where the encrypted scan looked too.
    expect(extraPatients.filter((p) => !open.wal?.has(p.email))).toEqual([]);

    temp.store.close();
    const closed = scanStoreFiles(temp.dataDir, needles);
    expect(needles.filter((n) => !closed.database.has(n))).toEqual([]);
  });
});
