// The replication server: enrollment, push (merge + slot-conflict rejection), pull
// (Electric shapes), health and metrics. Works on PGlite or PostgreSQL alike.
import { timingSafeEqual } from 'node:crypto';
import { EventEmitter, setMaxListeners } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Change, ChangeResult } from '../db/crdt/change';
import { HybridClock } from '../db/crdt/hlc';
import { createPairingCode, revokeDevice, deviceRoles, type DeviceRole } from './auth/devices';
import { ensureOrganization, loadServerIdentity, type ServerIdentity } from './bootstrap';
import { applyChanges, type MergeContext } from './merge/apply-changes';
import { importNewRows } from './merge/bulk-import';
import { Publisher, publishOnce } from './merge/publish';
import type { ReplicatedTableName } from '../db/schema/registry';
import { createMetrics } from './metrics';
import { registerAdminBackupRoute } from './routes/admin-backup';
import { registerAdminDeviceRoutes } from './routes/admin-devices';
import { deviceAuth } from './routes/auth-hook';
import { registerChangeRoutes } from './routes/changes';
import { registerDeviceRoutes } from './routes/devices';
import { registerShapeRoutes } from './routes/shape';
import { registerUpdateRoutes } from './routes/updates';
import type { ServerDb } from './store/server-db';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface SyncServerOptions {
  db: ServerDb;
  now?: () => number;
  /** How long a live shape request waits for news before answering "up to date". */
  liveTimeoutMs?: number;
  /** Required on /v1/admin/* (the CLI reads it from the data folder); admin routes are off without it. */
  adminToken?: string;
}

export interface SyncServer {
  app: FastifyInstance;
  db: ServerDb;
  identity: ServerIdentity;
  clock: HybridClock;
  /** Apply changes as the server itself (bootstrap, demo data, jobs), through the same merge path. */
  writeAsSystem(orgId: string, changes: Change[]): Promise<ChangeResult[]>;
  /** Import brand-new rows of one table as the server (demo, restore): bulk when possible, else writeAsSystem. */
  importAsSystem(orgId: string, table: ReplicatedTableName, changes: Change[]): Promise<ChangeResult[]>;
  ensureOrganization(name?: string): Promise<string>;
  createPairingCode(orgId: string, role: DeviceRole): Promise<{ code: string; expiresAt: number }>;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const liveTimeoutMs = options.liveTimeoutMs ?? 20_000;
  const identity = await loadServerIdentity(db);
  const clock = new HybridClock(identity.nodeId, now);
  const publisher = new Publisher(db);
  const metrics = createMetrics();

  // A crash between a push's commit and its publication leaves changes unnumbered: number them now.
  const { rows: pendingOrgs } = await db.query<{ org_id: string }>('select distinct org_id from change_log where seq is null');
  for (const { org_id } of pendingOrgs) await publishOnce(db, org_id);

  const publications = new EventEmitter();
  publications.setMaxListeners(0);
  db.onPublished((orgId) => publications.emit(orgId));
  // Closing wakes every long-poll so shutdown never waits out their timeouts.
  const closing = new AbortController();
  // One listener per waiting long-poll (every device, every table): not a leak.
  setMaxListeners(0, closing.signal);
  const waitForPublish = (orgId: string, signal: AbortSignal, timeoutMs: number) => new Promise<boolean>((resolve) => {
    const end = (published: boolean) => {
      clearTimeout(timer);
      publications.off(orgId, onPublished);
      signal.removeEventListener('abort', onStop);
      closing.signal.removeEventListener('abort', onStop);
      resolve(published);
    };
    const onPublished = () => end(true);
    const onStop = () => end(false);
    const timer = setTimeout(onStop, Math.max(0, timeoutMs));
    publications.once(orgId, onPublished);
    signal.addEventListener('abort', onStop, { once: true });
    closing.signal.addEventListener('abort', onStop, { once: true });
    // A long-poll that gets here after its client left, or after closing began, would
    // otherwise wait out the whole timeout (and hold shutdown open that long).
    if (signal.aborted || closing.signal.aborted) onStop();
  });

  const merge: MergeContext = {
    db, clock, publisher, now,
    onResult: (r) => (r.status === 'accepted' ? metrics.accepted.inc() : metrics.rejected.inc({ reason: r.reason })),
  };

  // Patients' signed links carry their claims in the path (/p/<token>, db/reminders/links.ts):
  // a waitlist offer's token is longer than the router's default 100-character parameter.
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false, forceCloseConnections: 'idle', routerOptions: { maxParamLength: 256 } });
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; push fewer changes at a time.`
      : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'The request body is not valid JSON.'
        : status < 500 ? error.message : 'The server could not process this request; nothing was changed. It will be retried.';
    if (status >= 500) console.error(error);
    void reply.code(status).send({ message });
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    metrics.requests.inc({ route, status: String(reply.statusCode) });
    if (!(route === '/v1/shape' && (request.query as { live?: string }).live === 'true')) metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });

  // Node's close() waits for every connection to end, and counts as busy both a socket that
  // has not sent a request yet (a client's spare connection) and the keep-alive connection
  // of a request answered during shutdown: either held close() open until the client hung
  // up (Fastify keeps connections alive for 72 s). Once no request is in flight, drop them.
  let inFlight = 0;
  let draining = false;
  app.server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => {
      if (--inFlight === 0 && draining) app.server.closeAllConnections();
    });
  });

  const requireDevice = deviceAuth(db);
  registerDeviceRoutes(app, db, now);
  registerAdminDeviceRoutes(app, db, requireDevice, now);
  registerChangeRoutes(app, merge, requireDevice);
  registerShapeRoutes(app, { db, epoch: identity.epoch, liveTimeoutMs, waitForPublish }, requireDevice);
  registerUpdateRoutes(app);

  app.get('/health', async () => ({
    status: 'ok',
    store: db.kind,
    durability: db.durability,
    durabilityNote: db.durability === 'durable' ? 'PostgreSQL with fsync: accepted changes survive crashes and power loss.'
      : db.durability === 'process-crash-safe' ? 'Embedded PGlite: accepted changes survive the server being killed, but not an OS crash or power loss (PGlite on Node never fsyncs). Use PostgreSQL where that matters.'
        : 'In memory: nothing survives a restart (tests only).',
  }));
  app.get('/metrics', async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  const writeAsSystem = (orgId: string, changes: Change[]) => applyChanges(merge, { orgId, deviceId: `server-${identity.nodeId}`, deviceRole: 'system' }, changes);
  const systemDevice = `server-${identity.nodeId}`;
  const importAsSystem = async (orgId: string, table: ReplicatedTableName, changes: Change[]) => {
    const imported = await importNewRows(db, publisher, orgId, systemDevice, table, changes, now());
    if (imported) for (const r of imported) merge.onResult?.(r);
    return imported ?? writeAsSystem(orgId, changes);
  };
  const server: SyncServer = {
    app, db, identity, clock, writeAsSystem, importAsSystem,
    ensureOrganization: (name) => ensureOrganization(db, writeAsSystem, () => clock.now(), name),
    createPairingCode: (orgId, role) => createPairingCode(db, orgId, role, now()),
    async listen(port, host = '127.0.0.1') {
      return app.listen({ port, host });
    },
    async close() {
      closing.abort();
      draining = true;
      const closed = app.close();
      if (inFlight === 0) app.server.closeAllConnections();
      await closed;
    },
  };

  if (options.adminToken) registerAdminRoutes(app, server, options.adminToken, now);
  return server;
}

function isAdminToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Loopback-only, token-protected: how the CLI asks a running server for pairing codes and
 * backups. The token is written at start into the data folder (server.json, mode 0600), so
 * only the server's own account can read it. A reverse proxy on this machine (TLS,
 * docs/deploy.md) connects from loopback too, so a request that says it was forwarded is
 * refused: behind a proxy that passes /v1/admin/* on, only the token would stand in the way.
 */
function registerAdminRoutes(app: FastifyInstance, server: SyncServer, token: string, now: () => number): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/admin/')) return;
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.ip);
    const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    if (!loopback || forwarded || !isAdminToken(request.headers['x-admin-token'], token)) {
      await reply.code(403).send({ message: 'Administration is only available on this computer, with the admin token.' });
    }
  });
  app.post('/v1/admin/pairing-codes', async (request, reply) => {
    const role = (request.body as { role?: string })?.role;
    if (!deviceRoles.includes(role as DeviceRole)) return reply.code(400).send({ message: `role must be one of ${deviceRoles.join(', ')}` });
    const orgId = await server.ensureOrganization();
    return server.createPairingCode(orgId, role as DeviceRole);
  });
  app.post('/v1/admin/devices/:id/revoke', async (request, reply) => {
    const revoked = await revokeDevice(server.db, (request.params as { id: string }).id, now());
    return revoked ? { revoked: true } : reply.code(404).send({ message: 'No such active device.' });
  });
  registerAdminBackupRoute(app, server.db);
}
