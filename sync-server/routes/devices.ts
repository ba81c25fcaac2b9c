import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EnrollmentError, enrollDevice } from '../auth/devices';
import type { Sql } from '../store/server-db';

const enrollSchema = z.object({ code: z.string().min(4).max(40), name: z.string().trim().min(1).max(100) });

export function registerDeviceRoutes(app: FastifyInstance, db: Sql, now: () => number): void {
  // Pairing codes are short-lived but guessable in bulk: after 10 misses from one address
  // within 15 minutes, that address waits.
  const misses = new Map<string, number[]>();
  const WINDOW_MS = 15 * 60_000;
  app.post('/v1/devices/enroll', async (request, reply) => {
    const recent = (misses.get(request.ip) ?? []).filter((t) => t > now() - WINDOW_MS);
    if (recent.length >= 10) return reply.code(429).send({ message: 'Too many wrong pairing codes from this computer. Wait 15 minutes, then try a new code.' });
    const body = enrollSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send({ message: 'Expected {"code": "<pairing code>", "name": "<device name>"}.' });
    try {
      return await enrollDevice(db, body.data.code, body.data.name, now());
    } catch (e) {
      if (e instanceof EnrollmentError) {
        misses.set(request.ip, [...recent, now()]);
        return reply.code(403).send({ message: e.message });
      }
      throw e;
    }
  });
}
