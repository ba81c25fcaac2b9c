import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { FileKeyStore } from '../store/keystore';
import { openStore } from '../store/local-store';
import { openTempStore, type TempStore } from '../store/testing/temp-store';
import { backupDeviceStore, isPlaintextSqlite } from './device-backup';

let temps: TempStore[] = [];
afterEach(() => {
  for (const t of temps) t.cleanup();
  temps = [];
});

const PATIENT = 'Quenneville-Backup';

async function storeWithPatient(options: { unencrypted?: boolean } = {}): Promise<TempStore> {
  const temp = await openTempStore({ orgId: uuidv7(), ...options });
  temps.push(temp);
  temp.store.write({ table: 'patients', rowId: uuidv7(), values: { first_name: 'Philippa', last_name: PATIENT, date_of_birth: '1970-01-01', deleted: false }, staffUserId: null });
  return temp;
}

describe('device backup', () => {
  it('is an encrypted copy: no patient name in clear, and it opens with the same key', async () => {
    const temp = await storeWithPatient();
    const out = join(temp.dataDir, 'backup.db');
    await backupDeviceStore(temp.store, out);

    expect(await isPlaintextSqlite(out)).toBe(false);
    expect(readFileSync(out).includes(Buffer.from(PATIENT))).toBe(false);

    const copy = join(temp.dataDir, 'restored');
    mkdirSync(copy);
    copyFileSync(out, join(copy, 'frontdesk.db'));
    const reopened = await openStore({ dataDir: copy, keyStore: new FileKeyStore(temp.keyFile) });
    try {
      expect(reopened.sqlite.prepare('select last_name from patients').all()).toEqual([{ last_name: PATIENT }]);
      expect(reopened.sqlite.prepare('select count(*) as n from outbox').get()).toEqual({ n: 1 });
    } finally {
      reopened.close();
    }
  });

  it('cannot be read without the key', async () => {
    const temp = await storeWithPatient();
    const out = join(temp.dataDir, 'backup.db');
    await backupDeviceStore(temp.store, out);
    const raw = new Database(out);
    try {
      expect(() => raw.prepare('select count(*) from sqlite_master').get()).toThrow(/not a database/);
    } finally {
      raw.close();
    }
  });

  it('the plaintext check can fail: an unencrypted store shows the name and the header', async () => {
    const temp = await storeWithPatient({ unencrypted: true });
    const out = join(temp.dataDir, 'backup.db');
    await backupDeviceStore(temp.store, out);
    expect(await isPlaintextSqlite(out)).toBe(true);
    expect(readFileSync(out).includes(Buffer.from(PATIENT))).toBe(true);
  });

  it('never overwrites an earlier backup', async () => {
    const temp = await storeWithPatient();
    const out = join(temp.dataDir, 'backup.db');
    await backupDeviceStore(temp.store, out);
    await expect(backupDeviceStore(temp.store, out)).rejects.toThrow(/already exists/);
  });
});
