import type { FastifyReply, FastifyRequest } from 'fastify';
import { batchedDeviceAuthenticator, type AuthenticatedDevice } from '../auth/devices';
import type { Sql } from '../store/server-db';

export type RequireDevice = (request: FastifyRequest, reply: FastifyReply) => Promise<AuthenticatedDevice | null>;

/** Every data route needs a device token that is known and not revoked: 401 otherwise. */
export function deviceAuth(db: Sql): RequireDevice {
  const authenticate = batchedDeviceAuthenticator(db);
  return async (request, reply) => {
    const device = await authenticate(request.headers.authorization);
    if (!device) {
      await reply.code(401).send({ message: 'This device is not enrolled, or its access was revoked. Enroll it again with a pairing code from a manager.' });
      return null;
    }
    return device;
  };
}
