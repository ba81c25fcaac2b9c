// Kiosk tokens over real HTTP: on the loopback host and on the LAN listener (HTTPS with a
// throwaway certificate made by openssl), attacked the way a stolen tablet would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, minute, NOON, openTestDesk, type TestDesk } from '../api/testing/desk';
import { startHost, type Host } from './host';

interface Reply {
  status: number;
  json: () => { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
}

function post(target: { url: string; ca?: Buffer }, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(target.url);
  const isHttps = url.protocol === 'https:';
  const options = {
    host: url.hostname, port: url.port, path, method: 'POST', ca: target.ca, agent: false,
    headers: { host: url.host, 'content-type': 'application/json', ...headers },
  };
  return new Promise((resolve, reject) => {
    const req = (isHttps ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

let desk: TestDesk;
let host: Host;
let receptionist: string;
let certDir: string;
let tls: { key: Buffer; cert: Buffer };
let code: string;
let appointmentId: string;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'frontdesk-kiosk-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
  tls = { key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) };
  desk = await openTestDesk();
  host = await startHost({ store: desk.store, now: () => desk.clock.now, kioskLan: { tls, port: 0, bindAddress: '127.0.0.1' } });
  const signIn = await host.router.invoke('session.signIn', { staffUserId: desk.staffId('receptionist'), secret: desk.pinOf('receptionist') });
  if (!signIn.ok) throw new Error(JSON.stringify(signIn));
  receptionist = signIn.value.sessionId;
  const fixtures = new Fixtures(desk.store, desk.locationId);
  appointmentId = fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: NOON + 15 * minute });
  code = (desk.store.sqlite.prepare('select confirmation_code as c from appointments where id = ?').get(appointmentId) as { c: string }).c;
});
afterAll(async () => {
  await host?.close();
  desk?.cleanup();
  rmSync(certDir, { recursive: true, force: true });
});

async function pairOver(target: { url: string; ca?: Buffer }): Promise<string> {
  const pairing = await host.router.invoke('kiosk.createPairingCode', { locationId: desk.locationId, name: 'Tablet' }, receptionist);
  if (!pairing.ok) throw new Error(JSON.stringify(pairing));
  const paired = (await post(target, '/kiosk/api/kiosk.pair', { code: pairing.value.code })).json();
  return paired.value!.kioskToken as string;
}

async function setLan(enabled: boolean) {
  const result = await host.router.invoke('kiosk.setLanAccess', { enabled }, receptionist);
  if (!result.ok) throw new Error(JSON.stringify(result));
  await host.kioskLan.apply();
}

describe('on the loopback host', () => {
  it('lets a kiosk token find and check in, and nothing else', async () => {
    const token = await pairOver(host);
    const auth = { authorization: `Bearer ${token}` };
    const found = (await post(host, '/kiosk/api/kiosk.find', { query: { by: 'code', code } }, auth)).json();
    expect(found).toMatchObject({ ok: true, value: { found: true } });

    for (const name of ['appointments.book', 'appointments.cancel', 'schedule.dayView', 'patients.search', 'kiosk.list', 'print.pdf', 'session.staff']) {
      expect((await post(host, `/kiosk/api/${name}`, {}, auth)).status, name).toBe(403);
      const viaDeskApi = await post(host, `/api/${name}`, {}, auth);
      expect(viaDeskApi.status, name).toBe(401);
    }
    // The token in the header wins over one smuggled in the body.
    const smuggled = (await post(host, '/kiosk/api/kiosk.session', { kioskToken: token }, { authorization: 'Bearer kiosk_forged' })).json();
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await post(host, '/kiosk/api/kiosk.find', { query: { by: 'code', code } })).status).toBe(401);
  });

  it('tells the desk at once when a patient checks in at the kiosk', async () => {
    const token = await pairOver(host);
    const auth = { authorization: `Bearer ${token}` };
    const events: unknown[] = [];
    const unsubscribe = host.events.subscribe((e) => events.push(e));
    try {
      const found = (await post(host, '/kiosk/api/kiosk.find', { query: { by: 'code', code } }, auth)).json();
      const ticket = (found.value!.appointment as { ticket: string }).ticket;
      const checkedIn = (await post(host, '/kiosk/api/kiosk.checkIn', { ticket }, auth)).json();
      expect(checkedIn).toEqual({ ok: true, value: { outcome: 'checked_in', checkInOpensAt: null } });
      expect(events).toContainEqual({ type: 'changed', tables: ['appointments'] });
      const seen = await host.router.invoke('appointments.get', { appointmentId }, receptionist);
      expect(seen).toMatchObject({ ok: true, value: { appointment: { status: 'checked_in' } } });
    } finally {
      unsubscribe();
    }
  });

  it('never lets a kiosk request use a staff session', async () => {
    const token = await pairOver(host);
    const reply = await post(host, '/kiosk/api/kiosk.find', { query: { by: 'code', code } }, { authorization: `Bearer ${token}`, 'x-session': receptionist });
    expect(reply.json()).toMatchObject({ ok: true });
    expect((await post(host, '/kiosk/api/appointments.get', { appointmentId }, { authorization: `Bearer ${token}`, 'x-session': receptionist })).status).toBe(403);
  });
});

describe('on the clinic network', () => {
  it('is off by default: nothing listens beyond 127.0.0.1', () => {
    expect(host.kioskLan.status).toMatchObject({ listening: false, url: null });
  });

  it('serves only the kiosk operations over HTTPS while switched on, and stops when switched off', async () => {
    await setLan(true);
    const status = host.kioskLan.status;
    expect(status).toMatchObject({ listening: true, problem: null });
    expect(status.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const lan = { url: status.url!, ca: tls.cert };
    expect(lan.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const token = await pairOver(lan);
    const session = (await post(lan, '/kiosk/api/kiosk.session', {}, { authorization: `Bearer ${token}` })).json();
    expect(session).toMatchObject({ ok: true, value: { idleResetMs: 60_000 } });
    // The desk API does not exist on this listener, not even with the launch token.
    expect((await post(lan, '/api/session.staff', {}, { authorization: `Bearer ${host.token}` })).status).toBe(404);
    expect((await post(lan, '/kiosk/api/appointments.book', {}, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await post(lan, '/kiosk/api/kiosk.session', {}, { authorization: `Bearer ${token}`, origin: 'https://evil.example' })).status).toBe(403);

    await setLan(false);
    expect(host.kioskLan.status.listening).toBe(false);
    await expect(post(lan, '/kiosk/api/kiosk.session', {}, { authorization: `Bearer ${token}` })).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('without a certificate', () => {
  it('refuses to put the kiosk page on the network in clear text', async () => {
    const plain = await startHost({ store: desk.store, now: () => desk.clock.now, kioskLan: { port: 0 } });
    try {
      await host.router.invoke('kiosk.setLanAccess', { enabled: true }, receptionist);
      await plain.kioskLan.apply();
      expect(plain.kioskLan.status).toMatchObject({ listening: false });
      expect(plain.kioskLan.status.problem).toBe('no_certificate');
    } finally {
      await host.router.invoke('kiosk.setLanAccess', { enabled: false }, receptionist);
      await plain.close();
    }
  });
});

describe('a certificate made on demand', () => {
  it('is not made or read while kiosk tablets are off, and is made once when they are switched on', async () => {
    let made = 0;
    const onDemand = await startHost({
      store: desk.store, now: () => desk.clock.now,
      kioskLan: { port: 0, bindAddress: '127.0.0.1', tls: async () => { made++; return tls; } },
    });
    try {
      expect(made).toBe(0);
      await host.router.invoke('kiosk.setLanAccess', { enabled: true }, receptionist);
      await onDemand.kioskLan.apply();
      expect(onDemand.kioskLan.status).toMatchObject({ listening: true, problem: null });
      await host.router.invoke('kiosk.setLanAccess', { enabled: false }, receptionist);
      await onDemand.kioskLan.apply();
      await host.router.invoke('kiosk.setLanAccess', { enabled: true }, receptionist);
      await onDemand.kioskLan.apply();
      expect(onDemand.kioskLan.status.listening).toBe(true);
      expect(made).toBe(1);
    } finally {
      await host.router.invoke('kiosk.setLanAccess', { enabled: false }, receptionist);
      await onDemand.close();
    }
  });
});
