// Staged rollout by enrolled device id rather than electron-updater's default (a random id
// in the user profile): the same PC is in or out whoever signs in, a reinstall does not
// move it, and IT can tell which devices took a 30 % rollout. The shell sets
// autoUpdater.isUserWithinRollout = (info) => isInRollout(deviceId, info.stagingPercentage).
import { createHash } from 'node:crypto';

/** A device's fixed place in [0, 1): widening a rollout only ever adds devices. */
export function rolloutPosition(deviceId: string): number {
  return createHash('sha256').update(deviceId).digest().readUInt32BE(0) / 2 ** 32;
}

/** percentage undefined: the channel has no staged rollout, every device takes it. */
export function isInRollout(deviceId: string, percentage: number | undefined): boolean {
  if (percentage === undefined) return true;
  return rolloutPosition(deviceId) < Math.min(100, Math.max(0, percentage)) / 100;
}
