// First start on a pre-configured machine: enroll with the pairing code IT provided, so
// nobody at the desk has to. Pairing codes are single-use and expire after 15 minutes
// (sync-server/auth/devices.ts), so IT creates the code just before deploying, or leaves it
// out and the manager pairs the device on the spot.
import { hostname } from 'node:os';
import type { LocalStore } from '../store/local-store';
import { enrollDevice, savedEnrollment } from '../sync/enroll';
import type { MachineConfig } from './machine-config';

export type FirstStartOutcome =
  | { status: 'enrolled'; url: string }
  | { status: 'already_enrolled'; url: string }
  /** Enrolled with another server than the configuration names: nothing is changed; IT decides. */
  | { status: 'server_mismatch'; url: string; configured: string; message: string }
  | { status: 'needs_pairing'; url: string; message: string }
  | { status: 'enrollment_failed'; url: string; message: string };

export interface FirstStartDeps {
  enroll?: typeof enrollDevice;
  hostname?: () => string;
}

export function deviceNameFor(config: MachineConfig, host: string): string {
  if (config.deviceName) return config.deviceName;
  const role = { front_desk: 'front desk', manager: 'manager', kiosk: 'kiosk' }[config.deviceRole];
  return [config.location, role, `(${host})`].filter(Boolean).join(' ').slice(0, 100);
}

export async function enrollFromMachineConfig(store: LocalStore, config: MachineConfig, deps: FirstStartDeps = {}): Promise<FirstStartOutcome> {
  const url = config.serverUrl;
  // What the shell needs before any pairing: kiosk or desk window, default location, channel.
  store.setMeta('device_role', config.deviceRole);
  if (config.location) store.setMeta('configured_location', config.location);
  store.setMeta('update_channel', config.updateChannel);

  const saved = savedEnrollment(store);
  if (saved) {
    if (saved.url === url) return { status: 'already_enrolled', url };
    return { status: 'server_mismatch', url: saved.url, configured: url, message: `This device is paired with ${saved.url}, but the machine configuration names ${url}. It stays with ${saved.url}; to move it, IT removes its data folder and pairs it again.` };
  }
  if (!config.pairingCode) return { status: 'needs_pairing', url, message: 'Ask a manager for a pairing code to connect this device to the clinic.' };
  try {
    await (deps.enroll ?? enrollDevice)(store, url, config.pairingCode, deviceNameFor(config, (deps.hostname ?? hostname)()));
    return { status: 'enrolled', url };
  } catch (e) {
    return { status: 'enrollment_failed', url, message: `Could not pair with ${url} using the configured pairing code: ${(e as Error).message} Ask a manager for a new code.` };
  }
}
