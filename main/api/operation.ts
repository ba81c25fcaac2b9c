// The shape every API operation has, the context it runs in, and the typed errors it may
// answer with. Transports (Electron IPC, the browser host) only ever see these results.
import type { z } from 'zod';
import { checkWrite } from '../../db/rules/permissions';
import { inEnglish, type Sentence } from '../../db/rules/refusals';
import type { Role } from '../../db/rules/types';
import type { ReplicatedTableName } from '../../db/schema/registry';
import type { ColumnValues } from '../../db/crdt/merge';
import type { LocalStore } from '../store/local-store';
import type { Row } from '../store/codec';
import type { SyncState } from '../sync/sync-client';
import type { Session, SessionLookup, SessionManager, SessionOptions } from './session-manager';

export const staffRoles = ['receptionist', 'nurse', 'provider', 'manager', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_operation'
  | 'unauthenticated'
  | 'session_locked'
  | 'forbidden'
  | 'not_found'
  | 'collision'
  | 'duplicate'
  | 'not_allowed'
  | 'too_early'
  | 'too_late'
  | 'wrong_secret'
  | 'rate_limited'
  | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  /**
   * In English: for logs, tests, and a desk with no translation of the sentences below. Usually
   * the sentences themselves; a role refusal's also names the action the sentences leave out.
   */
  message: string;
  details?: unknown;
  /** The message as keyed sentences (db/rules/refusals.ts), which the desk says in its own language. */
  sentences?: Sentence[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** A refusal a person can act on. Anything else a handler throws is a bug and becomes 'internal'. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message: string, readonly details?: unknown, readonly sentences?: readonly Sentence[]) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A refusal in keyed sentences; its English message is theirs. */
export function refuse(code: ApiErrorCode, said: Sentence | readonly Sentence[], details?: unknown): ApiError {
  const sentences = 'key' in said ? [said] : said;
  return new ApiError(code, inEnglish(sentences), details, sentences);
}

export interface ApiLogger {
  error(message: string, error: unknown): void;
}

export interface ApiContext {
  store: LocalStore;
  /** The app passes its SyncClient; without one the device is treated as offline. */
  sync?: { getState(): SyncState };
  now?: () => number;
  /** After every operation that wrote, with the tables it wrote (the app wires SyncClient.notifyLocalWrite and change events). */
  onLocalWrite?: (tables: string[]) => void;
  logger?: ApiLogger;
  sessions?: SessionOptions;
  /** The desk's IANA zone, for "today" where no location says otherwise; default the system's. */
  timeZone?: string;
}

export interface WriteRequest {
  table: ReplicatedTableName;
  rowId: string;
  values: ColumnValues;
  /** The audit trail's word for what the person did, e.g. "appointment.book". */
  action: string;
  isNew: boolean;
}

/** What a handler gets: the context, the caller and the moment of the call. */
export interface Call {
  ctx: ApiContext;
  store: LocalStore;
  now: number;
  session: Session | null;
  /** How the caller's session id resolved (a locked session has no `session` but says who it was). */
  lookup: SessionLookup;
  sessions: SessionManager;
  /** The single write path for handlers: role check as the server does it, then store.write as the signed-in user. */
  write(request: WriteRequest): Row;
  /** For device-only tables that store.write does not cover, so change events still go out. */
  markChanged(table: string): void;
}

export interface StaffCall extends Call {
  session: Session;
}

export type Access = readonly StaffRole[] | 'public';

export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  /** "domain.verb"; filled in by defineOperations from the map key. */
  name: string;
  /** What the operation does, as the end of "The receptionist role can't ...". */
  description: string;
  input: I;
  roles: Access;
  /** false: calling it is not activity (a status poll must not keep a desk unlocked). */
  isActivity: boolean;
  handler(call: Call, input: z.output<I>): O | Promise<O>;
}

interface Spec<I extends z.ZodType, O, C extends Call> {
  description: string;
  input: I;
  isActivity?: boolean;
  handler(call: C, input: z.output<I>): O | Promise<O>;
}

/** An operation for signed-in staff in `roles`; the router guarantees the session. */
export function staffOperation<I extends z.ZodType, O>(spec: Spec<I, O, StaffCall> & { roles: readonly StaffRole[] }): Operation<I, O> {
  return {
    name: '',
    description: spec.description,
    input: spec.input,
    roles: spec.roles,
    isActivity: spec.isActivity ?? true,
    handler: (call, input) => {
      if (!call.session) throw new Error(`Staff operation ${spec.description} reached without a session.`);
      return spec.handler(call as StaffCall, input);
    },
  };
}

/** An operation anyone at the device may call: the sign-in screen's. */
export function publicOperation<I extends z.ZodType, O>(spec: Spec<I, O, Call>): Operation<I, O> {
  return { name: '', description: spec.description, input: spec.input, roles: 'public', isActivity: spec.isActivity ?? true, handler: spec.handler };
}

type Named<D extends string, T> = { [K in keyof T & string as `${D}.${K}`]: T[K] };

/** One domain's operations, named "domain.key". */
export function defineOperations<D extends string, T extends Record<string, Operation>>(domain: D, operations: T): Named<D, T> {
  const named: Record<string, Operation> = {};
  for (const [key, operation] of Object.entries(operations)) named[`${domain}.${key}`] = { ...operation, name: `${domain}.${key}` };
  return named as Named<D, T>;
}

/** checkWrite with the roles a staff session can hold. */
export function ensureMayWrite(role: Role, request: WriteRequest): void {
  const check = checkWrite({ role, table: request.table, values: request.values, isNew: request.isNew });
  if (!check.ok) throw new ApiError('forbidden', check.message, undefined, [check.sentence]);
}
