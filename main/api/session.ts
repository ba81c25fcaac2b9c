// Staff sign-in at a shared desk: pick your name, type your PIN or password. The hash is
// replicated (staff_users.secret_hash), so signing in works offline.
import { verify } from 'argon2';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { englishOf, say } from '../../db/rules/refusals';
import * as schema from '../../db/schema/sqlite';
import { defineOperations, publicOperation, refuse, type ApiLogger, type StaffRole } from './operation';
import type { SessionManager } from './session-manager';

export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
}

async function verifySecret(hash: string, secret: string, logger: ApiLogger): Promise<boolean> {
  try {
    return await verify(hash, secret);
  } catch (e) {
    // A malformed hash is a data problem, not a wrong PIN; it still must not let anyone in.
    logger.error('Could not verify a staff secret (malformed hash?)', e);
    return false;
  }
}

function describeSession(sessions: SessionManager, session: { id: string; staffUserId: string; name: string; role: StaffRole; lastActiveAt: number }) {
  return {
    sessionId: session.id,
    staff: { id: session.staffUserId, name: session.name, role: session.role },
    idleLockMs: sessions.idleLockMs,
    locksAt: session.lastActiveAt + sessions.idleLockMs,
  };
}

export const sessionOperations = defineOperations('session', {
  staff: publicOperation({
    description: 'list staff',
    input: z.object({}),
    isActivity: false,
    handler: ({ store }): StaffMember[] => {
      const s = schema.staffUsers;
      return store.db.select({ id: s.id, name: s.name, role: s.role }).from(s)
        .where(and(eq(s.active, true), eq(s.deleted, false))).orderBy(asc(s.name)).all();
    },
  }),

  signIn: publicOperation({
    description: 'sign in',
    input: z.object({ staffUserId: z.string().min(1).max(64), secret: z.string().min(1, englishOf('refusal.secretMissing')).max(256) }),
    handler: async ({ store, sessions, ctx, now, session }, { staffUserId, secret }) => {
      const clock = () => ctx.now?.() ?? Date.now();
      const permit = sessions.beginAttempt(staffUserId, now);
      if (!permit.allowed) {
        const minutes = Math.ceil(permit.retryAfterMs / 60_000);
        throw refuse('rate_limited', say('refusal.tooManyTries', { count: minutes }), { retryAfterMs: permit.retryAfterMs });
      }
      let isValid = false;
      try {
        const s = schema.staffUsers;
        const staff = store.db.select().from(s).where(and(eq(s.id, staffUserId), eq(s.active, true), eq(s.deleted, false))).get();
        // Unknown and inactive users take the same path as a wrong PIN: same answer, same limit.
        isValid = staff ? await verifySecret(staff.secretHash, secret, ctx.logger ?? console) : false;
        if (!staff || !isValid) {
          // This attempt still counts as in flight, so this is what is left after it.
          const left = sessions.remainingAttempts(staffUserId, clock());
          throw refuse('wrong_secret', [say('refusal.wrongSecret'), left > 0 ? say('refusal.triesLeft', { count: left }) : say('refusal.signInPaused')]);
        }
        // Whoever was signed in on this screen is signed out: one person per desk session.
        if (session) sessions.end(session.id);
        return describeSession(sessions, sessions.create({ id: staff.id, name: staff.name, role: staff.role }, clock()));
      } finally {
        // Settled with the clock after argon2, so a slow verify cannot shorten the pause.
        permit.settle(isValid, clock());
      }
    },
  }),

  signOut: publicOperation({
    description: 'sign out',
    input: z.object({}),
    handler: ({ session, sessions }) => {
      if (session) sessions.end(session.id);
      return { signedOut: true as const };
    },
  }),

  current: publicOperation({
    description: 'see who is signed in',
    input: z.object({}),
    isActivity: false,
    handler: ({ session, sessions, lookup }) => {
      if (session) return { state: 'signed_in' as const, ...describeSession(sessions, session) };
      if (lookup.status === 'locked') return { state: 'locked' as const, staff: lookup.staff, sessionId: null };
      return { state: 'signed_out' as const, sessionId: null };
    },
  }),
});
