// The browser host over real HTTP on loopback: its defences first, then the API and the
// change stream as the renderer will use them.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncState } from '../sync/sync-client';
import { Fixtures, NOON, openTestDesk, type TestDesk } from '../api/testing/desk';
import { startHost, type Host } from './host';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: () => unknown;
}

function send(host: Host, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function call(host: Host, name: string, input: unknown, extra: { session?: string; token?: string | null } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (extra.token !== null) headers.authorization = `Bearer ${extra.token ?? host.token}`;
  if (extra.session) headers['x-session'] = extra.session;
  return send(host, `/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
}

/** An EventSource as the renderer opens it: collects parsed `data:` events. */
function listen(host: Host, token = host.token) {
  const { port } = new URL(host.url);
  const events: unknown[] = [];
  const waiters: { test: (e: unknown) => boolean; resolve: (e: unknown) => void }[] = [];
  let headers: IncomingHttpHeaders = {};
  let buffer = '';
  let stop = (): void => undefined;
  const opened = new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: `/api/events?token=${encodeURIComponent(token)}`, headers: { accept: 'text/event-stream' } }, (res) => {
      headers = res.headers;
      resolve(res.statusCode ?? 0);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const event = JSON.parse(data) as unknown;
          events.push(event);
          for (const w of [...waiters]) {
            if (!w.test(event)) continue;
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(event);
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
    stop = () => void req.destroy();
  });
  return {
    opened,
    headers: () => headers,
    events,
    next(test: (e: unknown) => boolean): Promise<unknown> {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    close: () => stop(),
  };
}

class FakeSync extends EventEmitter {
  nudges = 0;
  state: SyncState = { online: true, pending: 0, lastSyncAt: NOON, unresolvedRejections: 0, problem: null, revoked: false };
  getState(): SyncState {
    return this.state;
  }
  notifyLocalWrite(): void {
    this.nudges++;
  }
}

let desk: TestDesk;
let host: Host;
let sync: FakeSync;
let staticDir: string;

beforeAll(async () => {
  desk = await openTestDesk();
  sync = new FakeSync();
  staticDir = mkdtempSync(join(tmpdir(), 'frontdesk-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Frontdesk</title><script type="module" src="/app.js"></script>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log("renderer")');
  mkdirSync(join(staticDir, '.secret'));
  writeFileSync(join(staticDir, '.secret', 'key.txt'), 'do not serve');
  host = await startHost({ store: desk.store, sync, staticDir, now: () => desk.clock.now, logger: desk.logger });
});

afterAll(async () => {
  await host.close();
  desk.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

async function signIn(role: 'receptionist' | 'manager' = 'receptionist'): Promise<string> {
  const reply = await call(host, 'session.signIn', { staffUserId: desk.staffId(role), secret: desk.pinOf(role) });
  return (reply.json() as { value: { sessionId: string } }).value.sessionId;
}

function expectSecurityHeaders(headers: IncomingHttpHeaders): void {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("frame-src 'self' blob:");
  expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'cross-origin-opener-policy': 'same-origin' });
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 only, with a fresh random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.token).toMatch(/^[\w-]{43}$/);
    expect(host.launchUrl).toBe(`${host.url}/#token=${host.token}`);
  });

  it('refuses API calls without the launch token, or with another', async () => {
    for (const token of [null, 'wrong-token', `${host.token}x`]) {
      const reply = await call(host, 'session.staff', {}, { token });
      expect(reply.status).toBe(401);
      expect(reply.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expectSecurityHeaders(reply.headers);
    }
    const listener = listen(host, 'wrong-token');
    expect(await listener.opened).toBe(401);
    listener.close();
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, before anything else', async () => {
    for (const hostHeader of ['evil.example:80', `attacker.test:${new URL(host.url).port}`, '127.0.0.1']) {
      const reply = await send(host, '/api/session.staff', { method: 'POST', headers: { host: hostHeader, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(reply.status, hostHeader).toBe(403);
      expectSecurityHeaders(reply.headers);
    }
    expect((await send(host, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    const foreign = await send(host, '/api/session.staff', { method: 'POST', headers: { origin: 'https://evil.example', authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(foreign.status).toBe(403);
    const local = await send(host, '/api/session.staff', { method: 'POST', headers: { host: `localhost:${new URL(host.url).port}`, origin: `http://localhost:${new URL(host.url).port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(local.status).toBe(200);
  });

  it('answers with the router\'s typed results, never a stack trace', async () => {
    const session = await signIn();
    expect((await call(host, 'appointments.book', {})).json()).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Sign in first.' } });
    expect((await call(host, 'appointments.explode', {}, { session })).json()).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect((await call(host, 'appointments.start', { appointmentId: 'x' }, { session })).json()).toMatchObject({ ok: false, error: { code: 'forbidden', message: "The receptionist role can't start visits." } });
    expect((await call(host, 'schedule.dayView', { date: 'today' }, { session })).json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const malformed = await send(host, '/api/schedule.locations', { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', 'x-session': session }, body: '{"oops":' });
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request is not valid JSON.' } });
    expect(malformed.body).not.toMatch(/at .*\(|node_modules|fastify/i);
    const notFound = await send(host, '/api/nothing/here');
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound.headers);
  });

  it('books through the API and streams a change event to listeners, nudging sync', async () => {
    const session = await signIn();
    const listener = listen(host);
    expect(await listener.opened).toBe(200);
    expect(listener.headers()['content-type']).toMatch(/^text\/event-stream/);
    expectSecurityHeaders(listener.headers());
    await listener.next((e) => (e as { type: string }).type === 'sync');

    const fixtures = new Fixtures(desk.store, desk.locationId);
    const nudges = sync.nudges;
    const reply = await call(host, 'appointments.book', {
      locationId: desk.locationId, providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + 48 * 3_600_000,
    }, { session });
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ ok: true, value: { appointment: { status: 'booked' } } });
    expectSecurityHeaders(reply.headers);

    expect(await listener.next((e) => (e as { type: string }).type === 'changed')).toEqual({ type: 'changed', tables: ['appointments'] });
    expect(sync.nudges).toBe(nudges + 1);
    listener.close();
  });

  it('streams sync state changes and a change event after a pull', async () => {
    const listener = listen(host);
    await listener.opened;
    sync.state = { ...sync.state, online: false, problem: 'The sync server is unreachable.' };
    sync.emit('state', sync.getState());
    expect(await listener.next((e) => (e as { type: string; state?: SyncState }).type === 'sync' && (e as { state: SyncState }).state.online === false))
      .toMatchObject({ type: 'sync', state: { online: false, problem: 'The sync server is unreachable.' } });
    // A burst of pulled batches: one event naming the tables they brought.
    sync.emit('pulled', 'appointments');
    sync.emit('pulled', 'patients');
    sync.emit('pulled', 'appointments');
    const changed = await listener.next((e) => (e as { type: string }).type === 'changed');
    expect((changed as { tables: string[] }).tables.sort()).toEqual(['appointments', 'patients']);
    // A pull that names no table (rejections, which may restore rows of any table).
    sync.emit('pulled', null);
    const restored = await listener.next((e) => e !== changed && (e as { type: string }).type === 'changed');
    expect((restored as { tables: string[] }).tables).toEqual(expect.arrayContaining(['appointments', 'patients', 'staff_tasks', 'sync_rejections']));
    listener.close();
  });

  it('serves the renderer from staticDir with the same headers, and nothing outside it', async () => {
    const index = await send(host, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toContain('<title>Frontdesk</title>');
    expectSecurityHeaders(index.headers);
    expect((await send(host, '/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/.secret/key.txt', '/../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json']) {
      expect((await send(host, path)).status, path).toBe(404);
    }
  });
});
