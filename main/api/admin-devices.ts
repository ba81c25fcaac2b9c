// Devices live on the sync server, so these ask it, with this device's enrollment and the
// signed-in manager's staff id (sync-server/routes/admin-devices.ts checks both itself).
//   admin.devices.list {}                 -> {status: 'online', devices} | Unreachable
//   admin.devices.pairingCode {role}      -> {status: 'online', code, expiresAt} | Unreachable
//   admin.devices.revoke {deviceId}       -> {status: 'online', revoked: true} | Unreachable
// Unreachable = {status: 'offline' | 'not_enrolled', message}: a manager laptop is often
// offline, and that is a state to show, not a failure.
import { z } from 'zod';
import { savedEnrollment } from '../sync/enroll';
import { ApiError, defineOperations, staffOperation, type StaffCall, type StaffRole } from './operation';
import { entityId } from './schedule';

const managers: readonly StaffRole[] = ['manager', 'admin'];
const REQUEST_TIMEOUT_MS = 8_000;

export interface DeviceView {
  id: string;
  name: string;
  role: 'front_desk' | 'manager' | 'kiosk';
  createdAt: number;
  /** Last authenticated request (push or pull), to the minute; null: never synced. */
  lastSeenAt: number | null;
  revokedAt: number | null;
  isThisDevice: boolean;
}

export type Unreachable = { status: 'offline' | 'not_enrolled'; message: string };

async function askServer<T>(call: StaffCall, method: 'GET' | 'POST', path: string, body?: unknown): Promise<({ status: 'online' } & T) | Unreachable> {
  const enrollment = savedEnrollment(call.store);
  if (!enrollment) return { status: 'not_enrolled', message: 'This computer is not connected to a sync server yet, so it has no devices to manage.' };
  let response: Response;
  try {
    response = await fetch(`${enrollment.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${enrollment.token}`,
        'x-staff-user-id': call.session.staffUserId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { status: 'offline', message: 'The sync server cannot be reached from this computer right now. Devices can be managed once it is back online.' };
  }
  const answer = (await response.json().catch(() => ({}))) as { message?: string } & T;
  if (response.ok) return { status: 'online', ...answer };
  const message = answer.message ?? `The sync server refused (${response.status}).`;
  if (response.status === 401 || response.status === 403) throw new ApiError('forbidden', message);
  if (response.status === 404) throw new ApiError('not_found', message);
  if (response.status === 400 || response.status === 409) throw new ApiError('not_allowed', message);
  return { status: 'offline', message: `The sync server could not answer: ${message}` };
}

export const deviceOperations = defineOperations('admin', {
  'devices.list': staffOperation({
    description: 'manage devices',
    roles: managers,
    input: z.object({}),
    handler: (call) => askServer<{ devices: DeviceView[] }>(call, 'GET', '/v1/manage/devices'),
  }),

  'devices.pairingCode': staffOperation({
    description: 'manage devices',
    roles: managers,
    input: z.object({ role: z.enum(['front_desk', 'manager', 'kiosk'], 'Choose what the new device is: front desk, manager or kiosk.') }),
    handler: (call, { role }) => askServer<{ code: string; expiresAt: number }>(call, 'POST', '/v1/manage/devices/pairing-codes', { role }),
  }),

  'devices.revoke': staffOperation({
    description: 'manage devices',
    roles: managers,
    input: z.object({ deviceId: entityId }),
    handler: (call, { deviceId }) => askServer<{ revoked: true }>(call, 'POST', `/v1/manage/devices/${encodeURIComponent(deviceId)}/revoke`, {}),
  }),
});
