// How kiosks reach the API. A kiosk token reaches exactly the kiosk-facing operations
// (KIOSK_CLIENT_OPERATIONS), nothing else, on two listeners:
//   - the browser host on 127.0.0.1 (a kiosk window on this computer): POST /kiosk/api/:name
//   - the LAN listener for tablets, only while the desk has switched it on (off by default).
//     It serves HTTPS only (patient names must not cross the clinic network in clear text),
//     and has no desk routes at all: /api/* does not exist there.
// Request: Authorization: Bearer <kiosk token>, JSON body = the operation's input without
// kioskToken (the header's token is put in, whatever the body says). kiosk.pair needs no token.
import { X509Certificate } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { isKioskClientOperation } from '../api/kiosk';
import { kioskStateFor, type KioskLanStatus } from '../api/kiosk-state';
import type { ApiErrorBody, ApiLogger } from '../api/operation';
import type { Router } from '../api/router';
import type { LocalStore } from '../store/local-store';
import { bearerToken, securityHeaders } from './security';
import { readStaticFile } from './static-files';

export interface TlsPair {
  key: string | Buffer;
  cert: string | Buffer;
}

export interface KioskLanOptions {
  /**
   * PEM key and certificate (the clinic's, or one made for this desk), or how to get them.
   * A function is called the first time the listener starts, so a desk that never switches
   * kiosk tablets on never makes or reads a certificate. Without one the listener stays off.
   */
  tls?: TlsPair | (() => Promise<TlsPair>);
  /** Default 8443: tablets bookmark the address, so it must not change between launches. */
  port?: number;
  /** Default every interface ('0.0.0.0'). */
  bindAddress?: string;
  /** The built renderer, for the kiosk page. */
  staticDir?: string;
}

const KIOSK_BODY_LIMIT = 16 * 1024;
export const DEFAULT_KIOSK_LAN_PORT = 8443;

function errorBody(code: ApiErrorBody['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}

/** POST /kiosk/api/:name on `app`, for kiosk tokens only. */
export function registerKioskRoutes(app: FastifyInstance, router: Router): void {
  app.post<{ Params: { name: string } }>('/kiosk/api/:name', async (request, reply) => {
    const name = request.params.name;
    if (!isKioskClientOperation(name)) {
      return reply.code(403).send(errorBody('forbidden', 'A kiosk can only find an appointment and check in.'));
    }
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    if (name === 'kiosk.pair') return reply.code(200).send(await router.invoke(name, body, null));
    const token = bearerToken(request.headers.authorization);
    if (!token) return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('unauthenticated', 'This kiosk is not paired.'));
    // Never a staff session: a kiosk request cannot borrow the desk's sign-in.
    return reply.code(200).send(await router.invoke(name, { ...body, kioskToken: token }, null));
  });
}

function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** The LAN listener, started and stopped as the desk's setting changes. */
export class KioskLan {
  private app: FastifyInstance | null = null;
  private applying: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: LocalStore,
    private readonly router: Router,
    private readonly options: KioskLanOptions,
    private readonly logger: ApiLogger,
  ) {
    const state = kioskStateFor(store);
    const onChange = () => void this.apply();
    state.events.on('lanSettingChanged', onChange);
    this.unsubscribe = () => void state.events.off('lanSettingChanged', onChange);
  }

  get status(): KioskLanStatus {
    return kioskStateFor(this.store).lanStatus;
  }

  /** Brings the listener in line with the setting; calls are serialized. */
  apply(): Promise<void> {
    this.applying = this.applying.then(() => this.applyNow()).catch((e: unknown) => {
      this.logger.error('The kiosk network listener could not be started', e);
      this.setStatus({ listening: false, url: null, certificateFingerprint: null, problem: 'listen_failed' });
    });
    return this.applying;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.applying;
    await this.stop();
  }

  private async applyNow(): Promise<void> {
    const enabled = kioskStateFor(this.store).getLanSetting().enabled;
    if (!enabled) {
      await this.stop();
      this.setStatus({ listening: false, url: null, certificateFingerprint: null, problem: null });
      return;
    }
    if (this.app) return;
    const tls = await this.certificate();
    if (!tls) {
      this.setStatus({ listening: false, url: null, certificateFingerprint: null, problem: 'no_certificate' });
      return;
    }
    const app = Fastify({ logger: false, bodyLimit: KIOSK_BODY_LIMIT, forceCloseConnections: true, https: { key: tls.key, cert: tls.cert } });
    app.addHook('onRequest', async (request, reply) => {
      // A browser's Origin, when sent, must be this listener's own address as the tablet used it.
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `https://${request.headers.host ?? ''}`) {
        return reply.code(403).headers(securityHeaders).send(errorBody('forbidden', 'Requests from other sites are refused.'));
      }
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.headers(securityHeaders);
      return payload;
    });
    app.setErrorHandler((error: FastifyError, _request, reply) => {
      const status = error.statusCode ?? 500;
      if (status >= 500) this.logger.error('Kiosk network request failed', error);
      return reply.code(status >= 500 ? 500 : status).send(errorBody(status >= 500 ? 'internal' : 'invalid_input', status >= 500 ? 'Something went wrong.' : 'The request is not valid.'));
    });
    app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody('not_found', 'Nothing here.')));
    registerKioskRoutes(app, this.router);
    if (this.options.staticDir) {
      const root = this.options.staticDir;
      app.get('/*', (request, reply) => {
        // Tablets bookmark the listener's bare address: its front page is the kiosk, not the desk.
        const path = request.url === '/' || request.url.startsWith('/?') ? '/kiosk.html' : request.url;
        const file = readStaticFile(root, path);
        if (!file) return reply.code(404).send(errorBody('not_found', 'Nothing here.'));
        return reply.code(200).type(file.contentType).send(file.body);
      });
    }
    await app.listen({ host: this.options.bindAddress ?? '0.0.0.0', port: this.options.port ?? DEFAULT_KIOSK_LAN_PORT });
    this.app = app;
    const address = app.server.address();
    const port = address && typeof address !== 'string' ? address.port : this.options.port ?? DEFAULT_KIOSK_LAN_PORT;
    const host = this.options.bindAddress && this.options.bindAddress !== '0.0.0.0' ? this.options.bindAddress : lanAddress() ?? '127.0.0.1';
    this.setStatus({ listening: true, url: `https://${host}:${port}`, certificateFingerprint: new X509Certificate(tls.cert).fingerprint256, problem: null });
  }

  private tls: TlsPair | undefined;

  private async certificate(): Promise<TlsPair | undefined> {
    const source = this.options.tls;
    this.tls ??= typeof source === 'function' ? await source() : source;
    return this.tls;
  }

  private async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    if (app) await app.close();
  }

  private setStatus(status: KioskLanStatus): void {
    kioskStateFor(this.store).lanStatus = status;
  }
}
