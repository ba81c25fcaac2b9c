// Device administration for managers, from their own enrolled devices:
//   GET  /v1/manage/devices                    -> {devices: [{id, name, role, createdAt, lastSeenAt, revokedAt}]}
//   POST /v1/manage/devices/pairing-codes       {role} -> {code, expiresAt}
//   POST /v1/manage/devices/:id/revoke          -> {revoked: true}
// Each request carries the device token and, in x-staff-user-id, the staff member signed in
// there. The server checks that person itself (active, this organization, manager or
// admin), so a receptionist's desk cannot do this by calling the server directly. It is the
// same trust the push path gives the staff id on a change: the device vouches for who is
// signed in, the server decides what that person may do.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createPairingCode, deviceRoles, revokeDevice, type AuthenticatedDevice } from '../auth/devices';
import type { Sql } from '../store/server-db';
import type { RequireDevice } from './auth-hook';

const STAFF_HEADER = 'x-staff-user-id';
const managerRoles = new Set(['manager', 'admin']);
const pairingInput = z.object({ role: z.enum(deviceRoles as [string, ...string[]]) });

interface DeviceRow {
  id: string;
  name: string;
  role: string;
  created_at: string | number;
  last_seen_at: string | number | null;
  revoked_at: string | number | null;
}

const toMs = (v: string | number | null) => (v === null ? null : Number(v));

async function requireManager(db: Sql, requireDevice: RequireDevice, request: FastifyRequest, reply: FastifyReply): Promise<AuthenticatedDevice | null> {
  const device = await requireDevice(request, reply);
  if (!device) return null;
  // A kiosk is nobody's desk: nobody signs in there.
  if (device.role === 'kiosk') {
    await reply.code(403).send({ message: 'A kiosk cannot manage devices.' });
    return null;
  }
  const staffUserId = request.headers[STAFF_HEADER];
  if (typeof staffUserId !== 'string' || staffUserId.length === 0 || staffUserId.length > 64) {
    await reply.code(403).send({ message: 'Sign in as a manager to manage devices.' });
    return null;
  }
  const { rows } = await db.query<{ role: string }>(
    'select role from staff_users where id = $1 and org_id = $2 and active and not deleted', [staffUserId, device.orgId]);
  const role = rows[0]?.role;
  if (!role || !managerRoles.has(role)) {
    await reply.code(403).send({ message: role ? `The ${role} role can't manage devices; ask a manager.` : 'The staff member signed in there is unknown or inactive here. Sign in again.' });
    return null;
  }
  return device;
}

export function registerAdminDeviceRoutes(app: FastifyInstance, db: Sql, requireDevice: RequireDevice, now: () => number): void {
  app.get('/v1/manage/devices', async (request, reply) => {
    const device = await requireManager(db, requireDevice, request, reply);
    if (!device) return;
    const { rows } = await db.query<DeviceRow>(
      'select id, name, role, created_at, last_seen_at, revoked_at from devices where org_id = $1 order by created_at, id', [device.orgId]);
    return {
      devices: rows.map((d) => ({
        id: d.id, name: d.name, role: d.role, createdAt: Number(d.created_at), lastSeenAt: toMs(d.last_seen_at), revokedAt: toMs(d.revoked_at),
        isThisDevice: d.id === device.deviceId,
      })),
    };
  });

  app.post('/v1/manage/devices/pairing-codes', async (request, reply) => {
    const device = await requireManager(db, requireDevice, request, reply);
    if (!device) return;
    const body = pairingInput.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ message: `Choose what the new device is: ${deviceRoles.join(', ')}.` });
    return createPairingCode(db, device.orgId, body.data.role as (typeof deviceRoles)[number], now());
  });

  app.post('/v1/manage/devices/:id/revoke', async (request, reply) => {
    const device = await requireManager(db, requireDevice, request, reply);
    if (!device) return;
    const { id } = request.params as { id: string };
    if (id === device.deviceId) return reply.code(409).send({ message: 'This is the device you are using; revoke it from another manager device.' });
    // Scoped to the organization: a manager elsewhere learns nothing about other clinics' devices.
    const { rows } = await db.query('select 1 from devices where id = $1 and org_id = $2 and revoked_at is null', [id, device.orgId]);
    if (rows.length === 0 || !(await revokeDevice(db, id, now()))) return reply.code(404).send({ message: 'No such active device in this clinic.' });
    return { revoked: true };
  });
}
