// Every operation in one typed map, and the single entry point both transports call:
// session -> role -> input -> handler -> typed result. Nothing a handler throws reaches a
// transport as anything but { ok: false, error: { code, message } }.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { findSentence, say, type Sentence } from '../../db/rules/refusals';
import * as schema from '../../db/schema/sqlite';
import { adminOperations } from './admin';
import { analyticsOperations } from './analytics';
import { appointmentOperations } from './appointments';
import { auditOperations } from './audit';
import { kioskOperations } from './kiosk';
import { ApiError, ensureMayWrite, type ApiContext, type ApiErrorBody, type ApiErrorCode, type ApiResult, type Call, type Operation } from './operation';
import { patientOperations } from './patients';
import { printOperations } from './print';
import { scheduleOperations } from './schedule';
import { sessionOperations } from './session';
import { SessionManager, type Session, type SessionLookup } from './session-manager';
import { syncOperations } from './sync';
import { taskOperations } from './tasks';
import { waitlistOperations } from './waitlist';

export const operations = {
  ...scheduleOperations,
  ...appointmentOperations,
  ...patientOperations,
  ...syncOperations,
  ...sessionOperations,
  ...kioskOperations,
  ...printOperations,
  ...waitlistOperations,
  ...taskOperations,
  ...analyticsOperations, ...auditOperations,
  ...adminOperations,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;

type InputOf<O> = O extends Operation<infer I, unknown> ? z.input<I> : never;
type OutputOf<O> = O extends Operation<z.ZodType, infer R> ? R : never;

/** The whole API as types only: what the preload and the browser client are typed against. */
export type Api = { [K in OperationName]: { input: InputOf<Operations[K]>; output: OutputOf<Operations[K]> } };

export interface Router {
  invoke<K extends OperationName>(name: K, rawInput: unknown, sessionId?: string | null): Promise<ApiResult<Api[K]['output']>>;
  /** Names from a transport are untrusted strings; an unknown one is answered, not thrown. */
  invoke(name: string, rawInput: unknown, sessionId?: string | null): Promise<ApiResult<unknown>>;
  readonly sessions: SessionManager;
}

function fail(code: ApiErrorCode, message: string, details?: unknown, sentences?: readonly Sentence[]): { ok: false; error: ApiErrorBody } {
  return { ok: false, error: { code, message, ...(details === undefined ? {} : { details }), ...(sentences ? { sentences: [...sentences] } : {}) } };
}

/** A zod issue as a sentence the desk can translate: its own, where the schema's message came from the catalog. */
function sayIssue(issue: { path: string; message: string }): Sentence {
  return findSentence(issue.message) ?? say('refusal.fieldInvalid', { field: issue.path || 'input' });
}

function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

const internalMessage = 'Something went wrong on this computer and the action may not have been saved. It has been logged; check the schedule before trying again.';

/**
 * The session argument is the opaque id a sign-in returned. The router resolves it on every
 * call, so the idle lock, sign-out and a role changed by a manager apply the same way over
 * IPC and HTTP.
 */
export function createRouter(ctx: ApiContext): Router {
  const { store } = ctx;
  const sessions = new SessionManager(ctx.sessions);
  const logger = ctx.logger ?? console;
  const clock = ctx.now ?? Date.now;

  /** The staff row decides, not what the session remembered: deactivated staff are out at once. */
  function currentStaff(lookup: SessionLookup): Session | null {
    if (lookup.status !== 'active') return null;
    const s = schema.staffUsers;
    const staff = store.db.select({ role: s.role, name: s.name }).from(s)
      .where(and(eq(s.id, lookup.session.staffUserId), eq(s.active, true), eq(s.deleted, false))).get();
    if (!staff) {
      sessions.end(lookup.session.id);
      return null;
    }
    sessions.refresh(lookup.session.id, staff.role, staff.name);
    return lookup.session;
  }

  async function invoke(name: string, rawInput: unknown, sessionId?: string | null): Promise<ApiResult<unknown>> {
    if (typeof name !== 'string' || !isOperationName(name)) {
      return fail('unknown_operation', `There is no operation called "${String(name).slice(0, 80)}".`);
    }
    const operation: Operation = operations[name];
    const now = clock();
    const lookup = sessions.lookup(sessionId, now, { touch: operation.isActivity });
    const session = currentStaff(lookup);

    if (operation.roles !== 'public') {
      if (!session) {
        if (lookup.status === 'locked') {
          const minutes = Math.round(sessions.idleLockMs / 60_000);
          return fail('session_locked', `The screen locked after ${minutes} minute${minutes === 1 ? '' : 's'} without activity. Sign in again.`, { staff: lookup.staff });
        }
        return fail('unauthenticated', 'Sign in first.');
      }
      if (!operation.roles.includes(session.role)) {
        // The English names the action for the logs; the desk's sentence names only the role, as the person knows what they tried.
        return fail('forbidden', `The ${session.role} role can't ${operation.description}.`, { operation: name, role: session.role }, [say(`refusal.roleMayNot.${session.role}`)]);
      }
    }

    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      const summary = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      return fail('invalid_input', `Please check the details: ${summary}.`, { issues }, [say('refusal.checkDetails'), ...issues.slice(0, 3).map(sayIssue)]);
    }

    const changed = new Set<string>();
    const call: Call = {
      ctx,
      store,
      now,
      session,
      lookup,
      sessions,
      write(request) {
        if (!session) throw new Error(`${name} wrote without a signed-in staff user.`);
        ensureMayWrite(session.role, request);
        const { row } = store.write({ table: request.table, rowId: request.rowId, values: request.values, staffUserId: session.staffUserId, action: request.action });
        changed.add(request.table);
        return row;
      },
      markChanged: (table) => changed.add(table),
    };
    try {
      return { ok: true, value: await operation.handler(call, parsed.data) };
    } catch (e) {
      if (e instanceof ApiError) return fail(e.code, e.message, e.details, e.sentences);
      logger.error(`Operation ${name} failed`, e);
      return fail('internal', internalMessage);
    } finally {
      // Also after a handler failed late: what it wrote is committed and must sync.
      if (changed.size > 0) {
        try {
          ctx.onLocalWrite?.([...changed]);
        } catch (e) {
          logger.error('A local-write listener failed', e);
        }
      }
    }
  }

  return { invoke: invoke as Router['invoke'], sessions };
}
