// Kiosks paired with this front-desk device: short-lived pairing codes a receptionist reads
// to a tablet, and the kiosk tokens the tablet gets for them. Only hashes of tokens are kept
// (device_meta, inside the encrypted store), so tablets stay paired across restarts and a
// copied database opens no kiosk. Codes live in memory: a restart voids them, the safe side.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { LocalStore } from '../store/local-store';

export interface KioskDevice {
  id: string;
  name: string;
  locationId: string;
  pairedAt: number;
  revokedAt: number | null;
}

interface StoredKiosk extends KioskDevice {
  tokenHash: string;
}

interface PendingCode {
  codeHash: string;
  locationId: string;
  name: string;
  expiresAt: number;
}

export const KIOSK_PAIRING_CODE_TTL_MS = 10 * 60_000;
const META_KEY = 'kiosk_devices';
// No 0/O, 1/I/L: read aloud at the desk and typed on a tablet.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
// Wrong pairing codes from anywhere, per window: 31^8 codes make guessing hopeless only if tries are few.
const MAX_FAILED_PAIRINGS = 10;
const PAIRING_WINDOW_MS = 15 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export type PairingResult =
  | { ok: true; token: string; kiosk: KioskDevice }
  | { ok: false; reason: 'wrong_code' | 'rate_limited'; retryAfterMs: number };

export class KioskPairing {
  private readonly codes: PendingCode[] = [];
  private failures: number[] = [];

  constructor(private readonly store: LocalStore) {}

  createCode(locationId: string, name: string, now: number): { code: string; expiresAt: number } {
    const raw = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const expiresAt = now + KIOSK_PAIRING_CODE_TTL_MS;
    this.dropExpired(now);
    this.codes.push({ codeHash: sha256(raw), locationId, name, expiresAt });
    return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
  }

  /** Exchanges a code once for a kiosk token; the code is spent even if the tablet never hears back. */
  pair(code: string, now: number): PairingResult {
    this.failures = this.failures.filter((at) => now - at < PAIRING_WINDOW_MS);
    if (this.failures.length >= MAX_FAILED_PAIRINGS) {
      return { ok: false, reason: 'rate_limited', retryAfterMs: this.failures[0]! + PAIRING_WINDOW_MS - now };
    }
    this.dropExpired(now);
    const hash = sha256(normalizeCode(code));
    const index = this.codes.findIndex((c) => c.codeHash === hash);
    if (index < 0) {
      this.failures.push(now);
      return { ok: false, reason: 'wrong_code', retryAfterMs: 0 };
    }
    const [pending] = this.codes.splice(index, 1);
    return { ok: true, ...this.issueToken({ name: pending!.name, locationId: pending!.locationId }, now) };
  }

  /**
   * A kiosk token without a code: for the Electron shell's own full-screen kiosk window on
   * this machine, which never crosses the network.
   */
  issueToken(kiosk: { name: string; locationId: string }, now: number): { token: string; kiosk: KioskDevice } {
    const token = `kiosk_${randomBytes(32).toString('base64url')}`;
    const stored: StoredKiosk = { id: uuidv7(), name: kiosk.name, locationId: kiosk.locationId, pairedAt: now, revokedAt: null, tokenHash: sha256(token) };
    this.save([...this.load(), stored]);
    return { token, kiosk: publicView(stored) };
  }

  /** The active kiosk a token belongs to, or null (unknown, revoked or malformed alike). */
  authenticate(token: string | undefined): KioskDevice | null {
    if (!token || !token.startsWith('kiosk_')) return null;
    const hash = sha256(token);
    const found = this.load().find((k) => k.tokenHash === hash && k.revokedAt === null);
    return found ? publicView(found) : null;
  }

  list(): KioskDevice[] {
    return this.load().map(publicView);
  }

  revoke(kioskId: string, now: number): boolean {
    const kiosks = this.load();
    const target = kiosks.find((k) => k.id === kioskId && k.revokedAt === null);
    if (!target) return false;
    target.revokedAt = now;
    this.save(kiosks);
    return true;
  }

  private dropExpired(now: number): void {
    for (let i = this.codes.length - 1; i >= 0; i--) if (this.codes[i]!.expiresAt <= now) this.codes.splice(i, 1);
  }

  private load(): StoredKiosk[] {
    const raw = this.store.meta(META_KEY);
    return raw ? (JSON.parse(raw) as StoredKiosk[]) : [];
  }

  private save(kiosks: StoredKiosk[]): void {
    this.store.setMeta(META_KEY, JSON.stringify(kiosks));
  }
}

function publicView({ id, name, locationId, pairedAt, revokedAt }: StoredKiosk): KioskDevice {
  return { id, name, locationId, pairedAt, revokedAt };
}
