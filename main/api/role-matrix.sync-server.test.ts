// The table half of the role matrix against a real sync server: for every replicated table
// and every role a device can act as, a new row is pushed and the server must accept or
// refuse it exactly as db/rules/permissions.ts says. The column and row rules get rows of
// their own: overbooking, making someone an administrator, editing an audit event, and a
// kiosk checking in (allowed) or cancelling (refused) an existing appointment.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEvent } from '../../db/audit/chain';
import { auditEventFromChange, checkChainContinuation } from '../../db/audit/continuation';
import { checkWrite } from '../../db/rules/permissions';
import type { Role } from '../../db/rules/types';
import { replicatedTableNames, tableSpecs, type ReplicatedTableName } from '../../db/schema/registry';
import { systemChanges } from '../../sync-server/bootstrap';
import { appointmentValues, startTestServer, type RunningServer, type TestDevice } from '../../sync-server/testing/harness';
import { isTableWriteAllowed, syncRoles } from './role-matrix';

type SyncRole = (typeof syncRoles)[number];

let env: RunningServer;
let desk: TestDevice;
let kiosk: TestDevice;
const staffIds = new Map<SyncRole, string>();
let serial = 0;

/** Values for a new row: every required column without a default, typed as the registry says. */
function newRowValues(table: ReplicatedTableName, author: TestDevice): Record<string, unknown> {
  const n = ++serial;
  if (table === 'appointments') return appointmentValues({ provider_id: `prov-matrix-${n}` });
  const values: Record<string, unknown> = {};
  for (const c of tableSpecs[table].columns) {
    if (!tableSpecs[table].writable.has(c.name) || !c.notNull || c.hasDefault) continue;
    values[c.name] = c.kind === 'integer' ? n : c.kind === 'boolean' ? false : c.kind === 'json' ? {} : `matrix ${n}`;
  }
  if (table === 'staff_users') Object.assign(values, { role: 'receptionist', secret_hash: 'not-used-here' });
  if (table === 'schedule_templates') Object.assign(values, { weekday: 1, start: '09:00', end: '17:00' });
  if (table === 'schedule_exceptions') Object.assign(values, { kind: 'time_off', start_at: Date.UTC(2026, 11, 1), end_at: Date.UTC(2026, 11, 2) });
  if (table === 'reminder_rules') values.rule = { channel: 'sms', offsetMinutes: 1440, kind: 'reminder', quietHours: null };
  if (table === 'audit_events') return nextAuditEvent(author);
  if (table === 'waitlist_entries') Object.assign(values, { earliest_date: '2026-12-01', latest_date: '2026-12-31' });
  return values;
}

// Audit events are pushed as real links of each device's chain, so the matrix keeps holding
// once the server verifies chains on push (db/audit/continuation.ts).
const chainTails = new Map<string, { seq: number; hash: string }>();
let pendingAuditId = '';

function nextAuditEvent(author: TestDevice): Record<string, unknown> {
  const tail = chainTails.get(author.deviceId) ?? { seq: 0, hash: GENESIS_HASH };
  pendingAuditId = uuidv7();
  const content = {
    id: pendingAuditId, orgId: env.orgId, deviceId: author.deviceId, chainSeq: tail.seq + 1, staffUserId: null, at: Date.now(),
    action: 'test.matrix', entityTable: 'patients', entityId: `p-${serial}`, before: null, after: { n: serial },
  };
  const hash = hashAuditEvent(content, tail.hash);
  return {
    device_id: content.deviceId, chain_seq: content.chainSeq, staff_user_id: null, at: content.at, action: content.action,
    entity_table: content.entityTable, entity_id: content.entityId, before: null, after: content.after, prev_hash: tail.hash, hash,
  };
}

function recordAppended(author: TestDevice, values: Record<string, unknown>): void {
  chainTails.set(author.deviceId, { seq: values.chain_seq as number, hash: values.hash as string });
}

beforeAll(async () => {
  env = await startTestServer();
  desk = await env.enroll('front_desk');
  kiosk = await env.enroll('kiosk');
  // The harness seeds a receptionist, a manager and a nurse; the matrix needs every role.
  const extra = (['provider', 'admin'] as const).map((role) => ({ id: uuidv7(), name: `Matrix ${role}`, role, secret_hash: 'not-used-here', active: true, deleted: false }));
  const seeded = await env.server.writeAsSystem(env.orgId, systemChanges('staff_users', extra, () => env.server.clock.now()));
  expect(seeded.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  for (const [role, id] of Object.entries(env.staff)) staffIds.set(role as SyncRole, id);
  for (const row of extra) staffIds.set(row.role, row.id);
}, 120_000);

afterAll(() => env?.close());

/** Push one change as `role`: a kiosk device acts as 'kiosk', the desk as its signed-in staff user. */
async function pushAs(role: SyncRole, table: string, row: string, values: Record<string, unknown>) {
  const device = role === 'kiosk' ? kiosk : desk;
  const [result] = await device.push([device.change(table, row, values, role === 'kiosk' ? null : staffIds.get(role)!)]);
  return result!;
}

const expectAnswer = (result: { status: string; reason?: string; message?: string }, allowed: boolean) => {
  if (allowed) expect(result, JSON.stringify(result)).toMatchObject({ status: 'accepted' });
  else expect(result, JSON.stringify(result)).toMatchObject({ status: 'rejected', reason: 'forbidden' });
};

const creations = replicatedTableNames.flatMap((table) => syncRoles.map((role) => ({ table, role })));

describe('the role x table matrix on a real sync server', () => {
  it('knows every role a device can act as', () => {
    expect([...syncRoles].sort()).toEqual(['admin', 'kiosk', 'manager', 'nurse', 'provider', 'receptionist']);
  });

  it.each(creations)('$role creating a row in $table', async ({ table, role }) => {
    const author = role === 'kiosk' ? kiosk : desk;
    const values = newRowValues(table, author);
    const expected = checkWrite({ role, table, values, isNew: true }).ok;
    // Creation is refused exactly where the table is closed to the role, except that a kiosk
    // may not create an appointment (it may only check in an existing one).
    expect(expected).toBe(isTableWriteAllowed(table, role) && !(role === 'kiosk' && table === 'appointments'));
    const result = await pushAs(role, table, table === 'audit_events' ? pendingAuditId : uuidv7(), values);
    expectAnswer(result, expected);
    if (table === 'audit_events' && result.status === 'accepted') recordAppended(author, values);
  });

  it.each(syncRoles)('%s overbooking an appointment', async (role) => {
    const values = appointmentValues({ provider_id: `prov-overbook-${role}`, overbook: true });
    const expected = checkWrite({ role: role as Role, table: 'appointments', values, isNew: true }).ok;
    expect(expected).toBe(role === 'manager' || role === 'admin');
    expectAnswer(await pushAs(role, 'appointments', uuidv7(), values), expected);
  });

  it.each(syncRoles)('%s making a staff user an administrator', async (role) => {
    const values = { ...newRowValues('staff_users', desk), role: 'admin' };
    const expected = checkWrite({ role, table: 'staff_users', values, isNew: true }).ok;
    expect(expected).toBe(role === 'admin');
    expectAnswer(await pushAs(role, 'staff_users', uuidv7(), values), expected);
  });

  it.each(syncRoles)('%s appending to its device audit trail, then editing the event', async (role) => {
    const author = role === 'kiosk' ? kiosk : desk;
    const created = newRowValues('audit_events', author);
    const id = pendingAuditId;
    expectAnswer(await pushAs(role, 'audit_events', id, created), true);
    recordAppended(author, created);
    expect(checkWrite({ role, table: 'audit_events', values: { action: 'forged' }, isNew: false }).ok).toBe(false);
    expectAnswer(await pushAs(role, 'audit_events', id, { action: 'forged' }), false);
  });

  it('a kiosk checks in an existing appointment and may do nothing else to it', async () => {
    const id = uuidv7();
    expectAnswer(await pushAs('manager', 'appointments', id, appointmentValues({ provider_id: 'prov-kiosk-matrix' })), true);
    for (const [values, allowed] of [[{ status: 'cancelled' }, false], [{ notes: 'hello' }, false], [{ status: 'checked_in' }, true]] as const) {
      expect(checkWrite({ role: 'kiosk', table: 'appointments', values, isNew: false }).ok).toBe(allowed);
      expectAnswer(await pushAs('kiosk', 'appointments', id, values), allowed);
    }
  });

  it('leaves each device with an intact chain on the server, as the merge will check it', async () => {
    for (const device of [desk, kiosk]) {
      const { rows } = await env.server.db.query<Record<string, unknown>>('select * from audit_events where device_id = $1 order by chain_seq', [device.deviceId]);
      expect(rows.length).toBe(chainTails.get(device.deviceId)!.seq);
      const events = rows.map((r) => auditEventFromChange(env.orgId, r.id as string, r));
      expect(checkChainContinuation(device.deviceId, null, events)).toMatchObject({ ok: true, tail: { chainSeq: rows.length } });
    }
  });
});
