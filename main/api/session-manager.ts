// Who is at the desk: opaque session ids for signed-in staff, the idle auto-lock, and the
// limit on wrong PINs. Sessions live in memory only: a restart signs everyone out, which is
// the safe side for a shared front-desk computer.
import { randomBytes } from 'node:crypto';
import type { StaffRole } from './operation';

export interface SessionOptions {
  /** Lock after this long without activity; default 5 minutes. */
  idleLockMs?: number;
  /** Wrong secrets for one staff user within signInWindowMs before further tries are refused; default 5. */
  maxFailedSignIns?: number;
  /** default 5 minutes. */
  signInWindowMs?: number;
}

export interface Session {
  id: string;
  staffUserId: string;
  name: string;
  role: StaffRole;
  signedInAt: number;
  lastActiveAt: number;
}

export type SessionLookup =
  | { status: 'active'; session: Session }
  | { status: 'locked'; staff: { id: string; name: string } }
  | { status: 'none' };

export type AttemptPermit = { allowed: true; settle(success: boolean, now: number): void } | { allowed: false; retryAfterMs: number };

const minute = 60_000;
// Locked sessions are remembered only so the lock screen can name who was signed in.
const maxRememberedLocks = 100;

export class SessionManager {
  readonly idleLockMs: number;
  readonly maxFailedSignIns: number;
  readonly signInWindowMs: number;
  private readonly sessions = new Map<string, Session>();
  private readonly locked = new Map<string, { id: string; name: string }>();
  private readonly failures = new Map<string, number[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(options: SessionOptions = {}) {
    this.idleLockMs = options.idleLockMs ?? 5 * minute;
    this.maxFailedSignIns = options.maxFailedSignIns ?? 5;
    this.signInWindowMs = options.signInWindowMs ?? 5 * minute;
  }

  create(staff: { id: string; name: string; role: StaffRole }, now: number): Session {
    const session: Session = {
      id: randomBytes(24).toString('base64url'),
      staffUserId: staff.id,
      name: staff.name,
      role: staff.role,
      signedInAt: now,
      lastActiveAt: now,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Looks a session up; one idle past the limit becomes locked here, so every transport gets the auto-lock. */
  lookup(id: string | null | undefined, now: number, { touch }: { touch: boolean }): SessionLookup {
    if (!id) return { status: 'none' };
    const session = this.sessions.get(id);
    if (!session) {
      const staff = this.locked.get(id);
      return staff ? { status: 'locked', staff } : { status: 'none' };
    }
    if (now - session.lastActiveAt >= this.idleLockMs) return this.lock(id) ?? { status: 'none' };
    if (touch) session.lastActiveAt = Math.max(session.lastActiveAt, now);
    return { status: 'active', session };
  }

  /** Lock at once (the computer slept, the OS screen locked); the lock screen can still name who it was. */
  lock(id: string): Extract<SessionLookup, { status: 'locked' }> | null {
    const session = this.sessions.get(id);
    if (!session) return null;
    this.sessions.delete(id);
    if (this.locked.size >= maxRememberedLocks) this.locked.delete(this.locked.keys().next().value as string);
    const staff = { id: session.staffUserId, name: session.name };
    this.locked.set(id, staff);
    return { status: 'locked', staff };
  }

  /** The role is re-read from staff_users on every call; a change applies at once. */
  refresh(id: string, role: StaffRole, name: string): void {
    const session = this.sessions.get(id);
    if (session) Object.assign(session, { role, name });
  }

  end(id: string | null | undefined): void {
    if (!id) return;
    this.sessions.delete(id);
    this.locked.delete(id);
  }

  /**
   * A sign-in attempt for one staff user. Attempts still being verified count as failures
   * until they settle: argon2 takes a while, and ten wrong PINs sent at once must not all
   * get past a limit that only counts finished ones.
   */
  beginAttempt(staffUserId: string, now: number): AttemptPermit {
    const recent = (this.failures.get(staffUserId) ?? []).filter((at) => now - at < this.signInWindowMs);
    this.failures.set(staffUserId, recent);
    const pending = this.inFlight.get(staffUserId) ?? 0;
    if (recent.length + pending >= this.maxFailedSignIns) {
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterMs: Math.max(1_000, oldest + this.signInWindowMs - now) };
    }
    this.inFlight.set(staffUserId, pending + 1);
    let settled = false;
    return {
      allowed: true,
      settle: (success, at) => {
        if (settled) return;
        settled = true;
        this.inFlight.set(staffUserId, (this.inFlight.get(staffUserId) ?? 1) - 1);
        if (success) this.failures.delete(staffUserId);
        else this.failures.set(staffUserId, [...(this.failures.get(staffUserId) ?? []), at]);
      },
    };
  }

  remainingAttempts(staffUserId: string, now: number): number {
    const recent = (this.failures.get(staffUserId) ?? []).filter((at) => now - at < this.signInWindowMs);
    return Math.max(0, this.maxFailedSignIns - recent.length - (this.inFlight.get(staffUserId) ?? 0));
  }
}
