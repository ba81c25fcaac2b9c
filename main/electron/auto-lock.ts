// The desk locks after the configured idle time (SessionManager does that on every call),
// and at once when the computer sleeps or the OS screen locks: someone who walks away and
// locks Windows expects the schedule to be locked too when the screen comes back.
import type { SessionManager } from '../api/session-manager';

export const systemLockEvents = ['suspend', 'lock-screen'] as const;
export type SystemLockEvent = (typeof systemLockEvents)[number];

export interface PowerMonitorLike {
  on(event: SystemLockEvent, listener: () => void): unknown;
  off(event: SystemLockEvent, listener: () => void): unknown;
}

/**
 * Locks (not ends) the session, so the lock screen can still name who was signed in.
 * SessionManager has no explicit lock: a lookup at a time past any idle limit takes its own
 * idle-lock path, which keeps this in step with however it records a lock.
 */
export function lockSessionNow(sessions: Pick<SessionManager, 'lookup'>, sessionId: string): void {
  sessions.lookup(sessionId, Number.POSITIVE_INFINITY, { touch: false });
}

/** Returns the way to stop listening. */
export function lockOnSystemEvents(powerMonitor: PowerMonitorLike, lockAll: (reason: SystemLockEvent) => void): () => void {
  const listeners = systemLockEvents.map((event) => {
    const listener = () => lockAll(event);
    powerMonitor.on(event, listener);
    return { event, listener };
  });
  return () => {
    for (const { event, listener } of listeners) powerMonitor.off(event, listener);
  };
}
