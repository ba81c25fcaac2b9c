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

/** Locks (not ends) the session, so the lock screen can still name who was signed in. */
export function lockSessionNow(sessions: Pick<SessionManager, 'lock'>, sessionId: string): void {
  sessions.lock(sessionId);
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
