// "My phone or address changed": a patient at the kiosk may flag it, and the desk follows
// up in person. The kiosk never edits a patient (permissions.ts), so this is a note to the
// desk kept on this device only (device_meta), bounded so a stuck kiosk cannot fill the disk.
import { v7 as uuidv7 } from 'uuid';
import type { LocalStore } from '../store/local-store';

export interface KioskNotice {
  id: string;
  at: number;
  kioskId: string;
  appointmentId: string;
  patientId: string;
  phoneChanged: boolean;
  addressChanged: boolean;
}

const META_KEY = 'kiosk_notices';
const MAX_NOTICES = 500;
/** The table name change events carry, so the desk re-reads its notices. */
export const KIOSK_NOTICES_TABLE = 'kiosk_notices';

export function readNotices(store: LocalStore): KioskNotice[] {
  const raw = store.meta(META_KEY);
  return raw ? (JSON.parse(raw) as KioskNotice[]) : [];
}

export function addNotice(store: LocalStore, notice: Omit<KioskNotice, 'id'>): KioskNotice {
  const saved = { id: uuidv7(), ...notice };
  // One open notice per appointment: a patient tapping twice is one thing to follow up.
  const others = readNotices(store).filter((n) => n.appointmentId !== notice.appointmentId);
  store.setMeta(META_KEY, JSON.stringify([...others, saved].slice(-MAX_NOTICES)));
  return saved;
}

export function dismissNotice(store: LocalStore, id: string): boolean {
  const notices = readNotices(store);
  const kept = notices.filter((n) => n.id !== id);
  store.setMeta(META_KEY, JSON.stringify(kept));
  return kept.length < notices.length;
}
