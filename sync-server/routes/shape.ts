import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { serveShape, type ShapeContext } from '../shapes/serve-shape';
import type { RequireDevice } from './auth-hook';

// Electric's client sends more parameters (cursor, cache busters...); they are accepted and ignored.
const shapeQuery = z.object({
  table: z.string().max(64),
  offset: z.string().max(64).default('-1'),
  handle: z.string().max(128).optional(),
  live: z.enum(['true', 'false']).optional(),
});

export function registerShapeRoutes(app: FastifyInstance, ctx: ShapeContext, requireDevice: RequireDevice): void {
  app.get('/v1/shape', async (request, reply) => {
    const device = await requireDevice(request, reply);
    if (!device) return;
    const query = shapeQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send({ message: 'Expected ?table=<name>&offset=<offset>[&handle=...&live=true].' });
    const abort = new AbortController();
    request.raw.once('close', () => abort.abort());
    const res = await serveShape(ctx, device, { ...query.data, live: query.data.live === 'true' }, abort.signal);
    return reply.code(res.status).headers(res.headers).send(res.body);
  });
}
