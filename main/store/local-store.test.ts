import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit/chain';
import { FileKeyStore, KeytarKeyStore, type KeytarLike } from './keystore';
import { openStore } from './local-store';
import { knownSchemaVersion } from './migrate';
import { DATABASE_FILE } from './paths';
import { readChain } from './testing/audit';
import { openTempStore, type TempStore } from './testing/temp-store';

const ORG = '0190a0f0-0000-7000-8000-000000000001';
let temp: TempStore;
afterEach(() => temp?.cleanup());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function bookingValues(overrides: Record<string, unknown> = {}) {
  return {
    location_id: 'loc-1', provider_id: 'prov-1', service_id: 'svc-1', patient_id: 'pat-1',
    start_at: Date.UTC(2026, 11, 1, 14), end_at: Date.UTC(2026, 11, 1, 14, 30),
    confirmation_code: 'K7WQ2M', booked_at: Date.UTC(2026, 10, 28), ...overrides,
  };
}

describe('opening the encrypted store', () => {
  it('creates a 32-byte key on first run and reopens with it', async () => {
    temp = await openTempStore({ orgId: ORG });
    expect(readFileSync(temp.keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(temp.keyFile).mode & 0o777).toBe(0o600);
    temp.store.write({ table: 'appointments', rowId: '0190a0f0-0000-7000-8000-0000000000a1', values: bookingValues(), staffUserId: 'staff-1' });
    const store = await temp.reopen();
    expect(store.db.query.appointments.findMany().sync()).toHaveLength(1);
    expect(store.schemaVersion).toBe(knownSchemaVersion());
  });

  it('refuses a wrong key with a clear error and leaves the file untouched', async () => {
    temp = await openTempStore({ orgId: ORG });
    temp.store.close();
    const file = join(temp.dataDir, DATABASE_FILE);
    const before = sha(file);
    writeFileSync(temp.keyFile, 'ab'.repeat(32));
    await expect(openStore({ dataDir: temp.dataDir, keyStore: new FileKeyStore(temp.keyFile) })).rejects.toMatchObject({
      code: 'wrong_key', message: expect.stringContaining('cannot be opened with this device\'s key'),
    });
    expect(sha(file)).toBe(before);
  });

  it('never creates a new empty database when the key is missing', async () => {
    temp = await openTempStore({ orgId: ORG });
    temp.store.close();
    const file = join(temp.dataDir, DATABASE_FILE);
    const before = sha(file);
    await expect(openStore({ dataDir: temp.dataDir, keyStore: new FileKeyStore(join(temp.dataDir, 'nowhere.key')) }))
      .rejects.toMatchObject({ code: 'key_missing' });
    expect(sha(file)).toBe(before);
  });

  it('reports a keychain that answers null for an existing database as locked, not as a first run', async () => {
    temp = await openTempStore({ orgId: ORG });
    temp.store.close();
    const lockedKeychain: KeytarLike = { getPassword: async () => null, setPassword: async () => { throw new Error('must not be called'); } };
    await expect(openStore({ dataDir: temp.dataDir, keyStore: new KeytarKeyStore(lockedKeychain, 'test') }))
      .rejects.toMatchObject({ code: 'keychain_locked' });
  });

  it('refuses a database written by a newer schema version', async () => {
    temp = await openTempStore({ orgId: ORG });
    temp.store.sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', Date.now());
    await expect(temp.reopen()).rejects.toMatchObject({ code: 'schema_too_new' });
  });
});

describe('the write path', () => {
  it('writes the row, its outbox change and a chained audit event together', async () => {
    temp = await openTempStore({ orgId: ORG });
    const id = '0190a0f0-0000-7000-8000-0000000000a2';
    temp.store.write({ table: 'appointments', rowId: id, values: bookingValues(), staffUserId: 'staff-1', action: 'appointment.book' });
    temp.store.write({ table: 'appointments', rowId: id, values: { status: 'checked_in' }, staffUserId: 'staff-2', action: 'appointment.check_in' });

    const row = temp.store.sqlite.prepare('select status, hlc from appointments where id = ?').get(id) as { status: string; hlc: string };
    expect(row.status).toBe('checked_in');
    const outbox = temp.store.sqlite.prepare('select row_id, "values" from outbox order by seq').all() as { values: string }[];
    expect(outbox.map((o) => JSON.parse(o.values))).toEqual([bookingValues(), { status: 'checked_in' }]);
    const chain = readChain(temp.store);
    expect(chain.map((e) => [e.action, e.staffUserId, e.before, e.after?.status ?? null])).toEqual([
      ['appointment.book', 'staff-1', null, null],
      ['appointment.check_in', 'staff-2', { status: 'booked' }, 'checked_in'],
    ]);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, length: 2 });
    expect(Object.keys(JSON.parse(row.hlc))).toContain('status');
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    temp = await openTempStore({ orgId: ORG });
    // confirmation_code is NOT NULL without a default: the row insert fails after the HLC tick.
    const { confirmation_code: _omit, ...incomplete } = bookingValues();
    expect(() => temp.store.write({ table: 'appointments', rowId: '0190a0f0-0000-7000-8000-0000000000a3', values: incomplete, staffUserId: null })).toThrow();
    const count = (t: string) => (temp.store.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    expect([count('appointments'), count('outbox'), count('audit_events')]).toEqual([0, 0, 0]);
  });

  it('refuses columns that are not in the allow-list', async () => {
    temp = await openTempStore({ orgId: ORG });
    expect(() => temp.store.write({ table: 'appointments', rowId: 'x', values: { 'status"; drop table patients; --': 1 }, staffUserId: null }))
      .toThrow(/no writable column/);
    expect(() => temp.store.write({ table: 'appointments', rowId: 'x', values: { server_seq: 5 }, staffUserId: null })).toThrow(/no writable column/);
  });

  it('detects an audit event edited in place', async () => {
    temp = await openTempStore({ orgId: ORG });
    for (let i = 0; i < 5; i++) {
      temp.store.write({ table: 'appointments', rowId: `0190a0f0-0000-7000-8000-00000000010${i}`, values: bookingValues({ confirmation_code: `CODE${i}` }), staffUserId: 'staff-1' });
    }
    expect(verifyAuditChain(readChain(temp.store)).ok).toBe(true);
    temp.store.sqlite.prepare(`update audit_events set staff_user_id = 'someone-else' where chain_seq = 3`).run();
    expect(verifyAuditChain(readChain(temp.store))).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('keeps the clock ahead of every timestamp it issued, across a restart', async () => {
    let fakeNow = Date.UTC(2026, 10, 28, 12);
    temp = await openTempStore({ orgId: ORG, now: () => fakeNow });
    const written = temp.store.write({ table: 'appointments', rowId: '0190a0f0-0000-7000-8000-0000000000a4', values: bookingValues(), staffUserId: null });
    const first = written.row.hlc as Record<string, string>;
    fakeNow -= 60_000; // the wall clock steps back a minute (NTP correction)
    const store = await temp.reopen();
    expect(store.clock.now() > Object.values(first)[0]!).toBe(true);
  });
});
