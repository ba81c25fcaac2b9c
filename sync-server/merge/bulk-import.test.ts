import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemChanges } from '../bootstrap';
import { appointmentValues, startTestServer, type RunningServer } from '../testing/harness';

let env: RunningServer;
beforeAll(async () => {
  env = await startTestServer();
});
afterAll(() => env.close());

const rows = (overrides: Record<string, unknown>[]) => overrides.map((o) => ({ id: uuidv7(), ...appointmentValues(o) }));

describe('importing new rows as the server', () => {
  it('imports in bulk and the imported appointments hold their slots', async () => {
    const batch = rows([{ provider_id: 'bulk-1' }, { provider_id: 'bulk-2' }]);
    const results = await env.server.importAsSystem(env.orgId, 'appointments', systemChanges('appointments', batch, () => env.server.clock.now()));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const { rows: claims } = await env.server.db.query(`select kind from claims where appointment_id = $1 order by kind`, [batch[0]!.id]);
    expect(claims).toEqual([{ kind: 'patient' }, { kind: 'provider' }]);
    const desk = await env.enroll();
    const [clash] = await desk.push([desk.change('appointments', uuidv7(), appointmentValues({ provider_id: 'bulk-1' }))]);
    expect(clash).toMatchObject({ status: 'rejected', reason: 'slot_taken', conflictsWith: batch[0]!.id });
  });

  it('falls back to the merge path for an overlapping import and reports the loser', async () => {
    const batch = rows([{ provider_id: 'bulk-3' }, { provider_id: 'bulk-3' }]);
    const results = await env.server.importAsSystem(env.orgId, 'appointments', systemChanges('appointments', batch, () => env.server.clock.now()));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(results[1]).toMatchObject({ reason: 'slot_taken', conflictsWith: batch[0]!.id });
  });

  it('falls back for rows that exist already, merging them as any change', async () => {
    const [existing] = rows([{ provider_id: 'bulk-4', notes: 'old' }]);
    await env.server.importAsSystem(env.orgId, 'appointments', systemChanges('appointments', [existing!], () => env.server.clock.now()));
    const again = await env.server.importAsSystem(env.orgId, 'appointments', systemChanges('appointments', [{ ...existing!, notes: 'new' }], () => env.server.clock.now()));
    expect(again[0]!.status).toBe('accepted');
    const { rows: stored } = await env.server.db.query<{ notes: string }>('select notes from appointments where id = $1', [existing!.id]);
    expect(stored[0]!.notes).toBe('new');
  });
});
