// Everything the kiosk operations remember between calls, one instance per store: paired
// kiosks, lookup misses per kiosk, the tickets a lookup hands out, the LAN setting and what
// the host reports about it, and the check-in events the app listens to (live desk update,
// automatic check-in slip). Keyed by store so operations stay plain functions of a Call.
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { lookupCoolDownMs, type MissLimit } from '../../db/rules/kiosk';
import type { LocalStore } from '../store/local-store';
import { KioskPairing } from './kiosk-pairing';

export interface KioskTicket {
  kioskId: string;
  appointmentId: string;
  expiresAt: number;
}

export interface KioskCheckInEvent {
  appointmentId: string;
  kioskId: string;
  at: number;
}

export interface KioskLanSetting {
  enabled: boolean;
}

/** What the host says about the LAN listener, for the desk's settings screen. */
/** no_certificate: no TLS certificate (patient data never crosses the network in clear); listen_failed: the port is taken or similar (logged). */
export type KioskLanProblem = 'no_certificate' | 'listen_failed';

export interface KioskLanStatus {
  listening: boolean;
  url: string | null;
  /** SHA-256 of the TLS certificate, which the tablet pins at pairing. */
  certificateFingerprint: string | null;
  /** Why it is not listening although switched on; the desk words it in its own language. */
  problem: KioskLanProblem | null;
}

export const DEFAULT_MISS_LIMIT: MissLimit = { maxMisses: 5, windowMs: 10 * 60_000, coolDownMs: 2 * 60_000 };
/** Long enough to read the answer and tap "Check in"; the screen resets after 60 s idle anyway. */
export const TICKET_TTL_MS = 3 * 60_000;
const LAN_SETTING_KEY = 'kiosk_lan';
/** The names change events carry, so the desk's settings read again: a tablet paired or unpaired, the listener's state. */
export const KIOSK_DEVICES_TABLE = 'kiosk_devices';
export const KIOSK_LAN_TABLE = 'kiosk_lan';

interface KioskEvents {
  checkedIn: [KioskCheckInEvent];
  lanSettingChanged: [KioskLanSetting];
  lanStatusChanged: [KioskLanStatus];
}

export class KioskState {
  readonly pairing: KioskPairing;
  readonly events = new EventEmitter<KioskEvents>();
  missLimit: MissLimit = DEFAULT_MISS_LIMIT;
  private status: KioskLanStatus = { listening: false, url: null, certificateFingerprint: null, problem: null };
  private readonly misses = new Map<string, number[]>();
  private readonly tickets = new Map<string, KioskTicket>();

  constructor(private readonly store: LocalStore) {
    this.pairing = new KioskPairing(store);
  }

  get lanStatus(): KioskLanStatus {
    return this.status;
  }

  /** Set by the LAN listener (main/host/kiosk-access.ts) as it starts, stops or fails. */
  set lanStatus(status: KioskLanStatus) {
    this.status = status;
    this.events.emit('lanStatusChanged', status);
  }

  coolDownMs(kioskId: string, now: number): number {
    return lookupCoolDownMs(this.misses.get(kioskId) ?? [], now, this.missLimit);
  }

  recordMiss(kioskId: string, now: number): void {
    const recent = (this.misses.get(kioskId) ?? []).filter((at) => now - at < this.missLimit.windowMs);
    this.misses.set(kioskId, [...recent, now]);
  }

  issueTicket(kioskId: string, appointmentId: string, now: number): string {
    for (const [id, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(id);
    const ticket = randomBytes(18).toString('base64url');
    this.tickets.set(ticket, { kioskId, appointmentId, expiresAt: now + TICKET_TTL_MS });
    return ticket;
  }

  /** A ticket only works for the kiosk it was issued to, until it expires. */
  redeemTicket(ticket: string, kioskId: string, now: number): KioskTicket | null {
    const found = this.tickets.get(ticket);
    if (!found || found.kioskId !== kioskId || found.expiresAt <= now) return null;
    return found;
  }

  getLanSetting(): KioskLanSetting {
    const raw = this.store.meta(LAN_SETTING_KEY);
    return raw ? (JSON.parse(raw) as KioskLanSetting) : { enabled: false };
  }

  setLanSetting(setting: KioskLanSetting): void {
    this.store.setMeta(LAN_SETTING_KEY, JSON.stringify(setting));
    this.events.emit('lanSettingChanged', setting);
  }
}

const states = new WeakMap<LocalStore, KioskState>();

export function kioskStateFor(store: LocalStore): KioskState {
  let state = states.get(store);
  if (!state) {
    state = new KioskState(store);
    states.set(store, state);
  }
  return state;
}
