import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateDeskCertificate } from './desk-certificate';

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the desk's kiosk certificate", () => {
  it('is made once, kept private, and the same on the next launch', async () => {
    const first = await loadOrCreateDeskCertificate(dir);
    expect(first.origin).toBe('self-signed');
    expect(statSync(join(dir, 'kiosk-lan.key.pem')).mode & 0o777).toBe(0o600);
    const x509 = new X509Certificate(first.cert);
    expect(x509.checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(first.key)))).toBe(true);
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    const again = await loadOrCreateDeskCertificate(dir);
    expect(again.fingerprint256).toBe(first.fingerprint256);
  }, 60_000);

  it('serves TLS with that fingerprint', async () => {
    const cert = await loadOrCreateDeskCertificate(dir);
    const server = createServer({ key: cert.key, cert: cert.cert }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const seen = await new Promise<string>((resolve, reject) => {
        import('node:tls').then((tls) => {
          const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
            resolve(socket.getPeerX509Certificate()!.fingerprint256);
            socket.end();
          });
          socket.on('error', reject);
        }, reject);
      });
      expect(seen).toBe(cert.fingerprint256);
    } finally {
      server.close();
    }
  }, 60_000);

  it('is renewed when it is about to expire', async () => {
    const first = await loadOrCreateDeskCertificate(dir);
    const expires = Date.parse(new X509Certificate(first.cert).validTo);
    const renewed = await loadOrCreateDeskCertificate(dir, { now: () => expires - 86_400_000 });
    expect(renewed.fingerprint256).not.toBe(first.fingerprint256);
  }, 60_000);

  it("prefers the clinic's own certificate when IT configures one", async () => {
    const own = await loadOrCreateDeskCertificate(join(dir, 'other'));
    writeFileSync(join(dir, 'clinic.key'), own.key);
    writeFileSync(join(dir, 'clinic.crt'), own.cert);
    const chosen = await loadOrCreateDeskCertificate(dir, { configured: { keyFile: join(dir, 'clinic.key'), certFile: join(dir, 'clinic.crt') } });
    expect(chosen).toMatchObject({ origin: 'configured', fingerprint256: own.fingerprint256 });
  }, 60_000);
});
