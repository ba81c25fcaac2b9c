// The TLS certificate kiosk tablets reach this desk with (ARCHITECTURE.md 6: patient data
// never crosses the clinic network in clear text). A clinic's own certificate wins when IT
// configures one; otherwise the desk makes itself a self-signed one on first use and keeps
// it, so its fingerprint (shown at pairing, for the tablet to pin or trust) never changes
// between launches. Renewed a month before it expires.
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface DeskCertificate {
  key: string;
  cert: string;
  fingerprint256: string;
  /** 'configured': the clinic's files; 'self-signed': made here. */
  origin: 'configured' | 'self-signed';
}

const RENEW_BEFORE_MS = 30 * 86_400_000;

export async function loadOrCreateDeskCertificate(dir: string, options: { configured?: { keyFile: string; certFile: string }; now?: () => number } = {}): Promise<DeskCertificate> {
  const now = options.now ?? Date.now;
  if (options.configured) {
    const cert = readFileSync(options.configured.certFile, 'utf8');
    return { key: readFileSync(options.configured.keyFile, 'utf8'), cert, fingerprint256: new X509Certificate(cert).fingerprint256, origin: 'configured' };
  }
  const keyFile = join(dir, 'kiosk-lan.key.pem');
  const certFile = join(dir, 'kiosk-lan.cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const x509 = new X509Certificate(cert);
    if (Date.parse(x509.validTo) - now() > RENEW_BEFORE_MS) {
      return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint256: x509.fingerprint256, origin: 'self-signed' };
    }
  }
  const name = hostname();
  const made = await generate([{ name: 'commonName', value: `Frontdesk kiosk (${name})` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now() - 86_400_000),
    // Browsers refuse server certificates valid for more than 398 days.
    notAfterDate: new Date(now() + 397 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: name }, { type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, made.private, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, made.cert);
  return { key: made.private, cert: made.cert, fingerprint256: new X509Certificate(made.cert).fingerprint256, origin: 'self-signed' };
}
