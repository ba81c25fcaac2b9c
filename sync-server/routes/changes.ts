import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { applyChanges, type MergeContext } from '../merge/apply-changes';
import type { RequireDevice } from './auth-hook';

export const MAX_CHANGES_PER_PUSH = 1_000;
const pushSchema = z.object({ changes: z.array(z.unknown()).max(MAX_CHANGES_PER_PUSH, `at most ${MAX_CHANGES_PER_PUSH} changes per push`) });

export function registerChangeRoutes(app: FastifyInstance, merge: MergeContext, requireDevice: RequireDevice): void {
  app.post('/v1/changes', async (request, reply) => {
    const device = await requireDevice(request, reply);
    if (!device) return;
    const body = pushSchema.safeParse(request.body);
    if (!body.success) {
      const tooMany = body.error.issues.some((i) => i.code === 'too_big');
      return reply.code(tooMany ? 413 : 400).send({ message: `Expected {"changes": [...]}: ${body.error.issues.map((i) => i.message).join('; ')}.` });
    }
    const results = await applyChanges(merge, { orgId: device.orgId, deviceId: device.deviceId, deviceRole: device.role }, body.data.changes);
    return { results };
  });
}
