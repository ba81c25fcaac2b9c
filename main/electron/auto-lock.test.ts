import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SessionManager } from '../api/session-manager';
import { lockOnSystemEvents, lockSessionNow, type PowerMonitorLike } from './auto-lock';

const staff = { id: 'staff-1', name: 'Ana Ruiz', role: 'receptionist' as const };

describe('locking at once', () => {
  it('locks a fresh session, and the lock screen can still name who was signed in', () => {
    const sessions = new SessionManager({ idleLockMs: 30 * 60_000 });
    const session = sessions.create(staff, 1_000);
    lockSessionNow(sessions, session.id);
    expect(sessions.lookup(session.id, 1_001, { touch: true })).toEqual({ status: 'locked', staff: { id: 'staff-1', name: 'Ana Ruiz' } });
  });

  it('locks when the computer sleeps or the OS locks the screen, and not on other power events', () => {
    const powerMonitor = new EventEmitter();
    const reasons: string[] = [];
    const stop = lockOnSystemEvents(powerMonitor as unknown as PowerMonitorLike, (reason) => reasons.push(reason));
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(reasons).toEqual(['suspend', 'lock-screen']);
    stop();
    powerMonitor.emit('suspend');
    expect(reasons).toHaveLength(2);
    expect(powerMonitor.listenerCount('suspend')).toBe(0);
  });
});
