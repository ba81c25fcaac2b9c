import { verify } from 'argon2';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoClinic } from '../../db/demo/generate';
import { replicatedTableNames } from '../../db/schema/registry';
import { FileKeyStore } from './keystore';
import { openStore } from './local-store';
import { createDemoClinic } from '../../db/demo/create-demo-clinic-node';
import { loadDemoClinic } from './seed-demo';
import { openTempStore, type TempStore } from './testing/temp-store';

let clinic: DemoClinic;
let temp: TempStore | undefined;
beforeAll(async () => {
  clinic = await createDemoClinic({ anchorDate: '2026-03-11', patients: 50 });
});
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

const countOf = (t: TempStore, table: string) => (t.store.sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;

describe('createDemoClinic', () => {
  it('stores an argon2id hash of each staff PIN, never the PIN', async () => {
    const staff = clinic.tables.staff_users!;
    expect(staff).toHaveLength(clinic.staffCredentials.length);
    for (const [i, row] of staff.entries()) {
      const { secret } = clinic.staffCredentials[i]!;
      expect(row.secret_hash).toMatch(/^\$argon2id\$/);
      expect(row.secret_hash).not.toContain(secret);
      expect(await verify(row.secret_hash as string, secret)).toBe(true);
    }
  });
});

describe('loadDemoClinic', () => {
  it('merges every table, binds the organization and records nothing as done on this device', async () => {
    temp = await openTempStore();
    const { rows } = loadDemoClinic(temp.store, clinic);

    expect(temp.store.identity.orgId).toBe(clinic.orgId);
    for (const table of replicatedTableNames) expect(countOf(temp, table)).toBe(clinic.tables[table]?.length ?? 0);
    expect(rows).toBe(Object.values(clinic.tables).reduce((n, r) => n + r.length, 0));
    expect(countOf(temp, 'outbox')).toBe(0);
  });

  it('stamps every column of every row with one timestamp, which later edits beat', async () => {
    temp = await openTempStore();
    loadDemoClinic(temp.store, clinic);
    const maps = (temp.store.sqlite.prepare('select hlc from appointments').all() as { hlc: string }[]).map((r) => JSON.parse(r.hlc) as Record<string, string>);
    const stamps = new Set(maps.flatMap((m) => Object.values(m)));
    expect(stamps.size).toBe(1);
    expect(Object.keys(maps[0]!)).toEqual(expect.arrayContaining(['start_at', 'status', 'patient_id']));
    expect(Object.keys(maps[0]!)).not.toContain('id');

    const first = clinic.tables.appointments![0]!;
    const { row } = temp.store.write({ table: 'appointments', rowId: first.id as string, values: { status: 'cancelled' }, staffUserId: null });
    expect(row.status).toBe('cancelled');
  });

  it('keeps a store opened after a crash from reissuing the demo timestamp', async () => {
    // A frozen clock makes the second store's first timestamp collide unless it knows the demo's.
    const now = () => Date.UTC(2026, 2, 11, 12);
    temp = await openTempStore({ now });
    loadDemoClinic(temp.store, clinic);
    const demoStamp = Object.values(JSON.parse((temp.store.sqlite.prepare('select hlc from patients limit 1').get() as { hlc: string }).hlc) as Record<string, string>)[0]!;

    // Opened beside the first connection, which is never closed: what a restart after a crash sees.
    const restarted = await openStore({ dataDir: temp.dataDir, keyStore: new FileKeyStore(temp.keyFile), now });
    try {
      expect(restarted.clock.now() > demoStamp).toBe(true);
    } finally {
      restarted.close();
    }
  });
});
