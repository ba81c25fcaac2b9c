// Token lookups on a busy server: one query at a time, the requests that arrive meanwhile
// answered together by the next one, and nothing cached (a revoked token is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb, Sql } from '../store/server-db';
import { batchedDeviceAuthenticator, createPairingCode, enrollDevice, revokeDevice } from './devices';

const ORG = 'org-auth-test';

describe('batched device authentication', () => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await openPgliteServerDb();
  }, 180_000);
  afterAll(() => db?.close());

  const enroll = async (name: string) => {
    const { code } = await createPairingCode(db, ORG, 'front_desk', Date.now());
    return enrollDevice(db, code, name, Date.now());
  };

  it('sends the requests that arrive while a lookup is out together in the next one', async () => {
    const [a, b, c] = [await enroll('A'), await enroll('B'), await enroll('C')];
    await revokeDevice(db, c.deviceId, Date.now());
    // The real database, with the first lookup held until the others have arrived.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const lookups: number[] = [];
    const sql: Sql = {
      async query(text, params) {
        if (text.includes('from devices where token_hash')) {
          lookups.push((params![0] as string[]).length);
          if (lookups.length === 1) await held;
        }
        return db.query(text, params);
      },
    };
    const authenticate = batchedDeviceAuthenticator(sql);

    const first = authenticate(`Bearer ${a.token}`);
    while (lookups.length === 0) await new Promise((r) => setImmediate(r));
    const later = [b.token, c.token, 'unknown-token'].map((t) => authenticate(`Bearer ${t}`));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(lookups).toEqual([1]);
    release();

    expect(await first).toMatchObject({ deviceId: a.deviceId, orgId: ORG, role: 'front_desk' });
    expect(await Promise.all(later)).toEqual([expect.objectContaining({ deviceId: b.deviceId }), null, null]);
    expect(lookups).toEqual([1, 3]);
  });
});
