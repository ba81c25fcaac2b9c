// POST /v1/admin/backup -> the embedded store as a gzipped tar (application/gzip).
// How `npm run sync-server -- backup` backs up a running embedded server: the server owns
// its PGlite data folder, and a second process opening it would corrupt it, so the server
// takes the dump from its own live instance (open-pglite.ts dumpLivePglite). Registered
// with the other admin routes, behind their loopback and admin-token check (app.ts).
import type { FastifyInstance } from 'fastify';
import type { ServerDb } from '../store/server-db';

export function registerAdminBackupRoute(app: FastifyInstance, db: ServerDb): void {
  app.post('/v1/admin/backup', async (_request, reply) => {
    if (!db.dumpDataDir) {
      return reply.code(409).send({ message: 'This server stores its data in PostgreSQL: the backup command runs pg_dump against DATABASE_URL itself.' });
    }
    const dump = await db.dumpDataDir();
    return reply.type('application/gzip').header('cache-control', 'no-store').send(Buffer.from(await dump.arrayBuffer()));
  });
}
