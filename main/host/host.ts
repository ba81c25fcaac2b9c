// The browser host: the same router as the Electron shell, over HTTP on 127.0.0.1.
//   POST /api/:name          JSON body -> the router's { ok, value | error } as JSON
//                            Authorization: Bearer <launch token>; X-Session: <session id>
//   GET  /api/events?token=  Server-Sent Events: { type: 'changed', tables } and { type: 'sync', state }
//   GET  /, /<file>          the built renderer from staticDir, when there is one
// The token is new at every launch and never written to disk; the printed launch URL carries
// it in the fragment, which browsers do not send to servers or put in Referer headers.
import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyError } from 'fastify';
import { createDeskApi, type DeskApiOptions } from '../api/desk-api';
import type { ApiEvents } from '../api/events';
import type { ApiErrorBody } from '../api/operation';
import type { Router } from '../api/router';
import { KioskLan, registerKioskRoutes, type KioskLanOptions } from './kiosk-access';
import { bearerToken, isLaunchToken, isLoopbackHost, isOwnOrigin, newLaunchToken, securityHeaders } from './security';
import { readStaticFile } from './static-files';

export interface HostOptions extends DeskApiOptions {
  /** 0 or absent: any free port. */
  port?: number;
  staticDir?: string;
  /** The LAN listener for kiosk tablets (main/host/kiosk-access.ts); it only runs while the desk switches it on. */
  kioskLan?: KioskLanOptions;
}

export interface Host {
  /** http://127.0.0.1:<port> */
  url: string;
  token: string;
  /** What to open in a browser: the URL with the token in the fragment. */
  launchUrl: string;
  router: Router;
  events: ApiEvents;
  kioskLan: KioskLan;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

function errorBody(code: ApiErrorBody['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}

export async function startHost(options: HostOptions): Promise<Host> {
  const { store, sync } = options;
  const logger = options.logger ?? console;
  const token = newLaunchToken();
  const { router, events, close: unfollow } = createDeskApi({ ...options, logger });
  const streams = new Set<ServerResponse>();
  let port = 0;

  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true });

  app.addHook('onRequest', async (request, reply) => {
    // Before anything else, including 404s: a page on a rebound domain learns nothing.
    if (!isLoopbackHost(request.headers.host, port)) {
      return reply.code(403).headers(securityHeaders).send(errorBody('forbidden', 'This address only answers as 127.0.0.1 or localhost.'));
    }
    if (!isOwnOrigin(request.headers.origin, port)) {
      return reply.code(403).headers(securityHeaders).send(errorBody('forbidden', 'Requests from other sites are refused.'));
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(securityHeaders);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      logger.error('Browser host request failed', error);
      return reply.code(500).send(errorBody('internal', 'Something went wrong on this computer. It has been logged.'));
    }
    // Fastify's own 4xx (malformed JSON, wrong content type, body too large): say so plainly, no internals.
    const message = status === 413 ? 'The request is too large.' : status === 415 ? 'Send the request as JSON.' : 'The request is not valid JSON.';
    return reply.code(status).send(errorBody('invalid_input', message));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', 'Nothing here.')));

  app.get('/api/events', (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (!isLaunchToken(typeof query.token === 'string' ? query.token : undefined, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('unauthenticated', 'This stream needs the launch token.'));
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    res.write('retry: 2000\n\n');
    if (sync) send({ type: 'sync', state: sync.getState() });
    const unsubscribe = events.subscribe(send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(res);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    request.raw.on('close', stop);
    res.on('close', stop);
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    if (!isLaunchToken(bearerToken(request.headers.authorization), token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('unauthenticated', 'This API needs the launch token.'));
    }
    const session = request.headers['x-session'];
    const result = await router.invoke(request.params.name, request.body ?? {}, typeof session === 'string' ? session : null);
    return reply.code(200).send(result);
  });

  registerKioskRoutes(app, router);

  if (options.staticDir) {
    const root = options.staticDir;
    app.get('/*', (request, reply) => {
      const file = readStaticFile(root, request.url);
      if (!file) return reply.code(404).send(errorBody('not_found', 'Nothing here.'));
      return reply.code(200).type(file.contentType).send(file.body);
    });
  }

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The browser host did not get a TCP port.');
  port = address.port;
  const url = `http://127.0.0.1:${port}`;
  const kioskLan = new KioskLan(store, router, { staticDir: options.staticDir, ...options.kioskLan }, logger);
  await kioskLan.apply();

  return {
    url,
    token,
    launchUrl: `${url}/#token=${token}`,
    router,
    events,
    kioskLan,
    async close() {
      unfollow();
      await kioskLan.close();
      for (const res of streams) res.end();
      streams.clear();
      await app.close();
    },
  };
}
