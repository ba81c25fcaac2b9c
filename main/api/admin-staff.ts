// Staff accounts for managers and admins.
//   admin.staff.list {} | admin.staff.save {id?, name, role, active, providerId?, secret?} | admin.staff.resetSecret {staffUserId, secret}
// Who may touch an administrator is decided here, on the row as it is now: the replicated
// permission check (db/rules/permissions.ts) only sees the new values, so it stops a manager
// from making someone admin but not from demoting, deactivating or re-keying an admin.
import { argon2id, hash } from 'argon2';
import { and, asc, eq, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { inEnglish, say } from '../../db/rules/refusals';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { displayName, optionalId } from './admin-inputs';
import { requireProvider } from './lookups';
import { defineOperations, refuse, staffOperation, staffRoles, type StaffCall, type StaffRole } from './operation';
import { entityId } from './schedule';

const managers: readonly StaffRole[] = ['manager', 'admin'];

type StaffRow = typeof schema.staffUsers.$inferSelect;

/** A PIN of 6+ digits or a password of 10+ characters: what a shared desk can type and a thief cannot guess quickly. */
export const staffSecret = z.string().max(256, 'Keep the password under 256 characters.').superRefine((secret, ctx) => {
  const isPin = /^\d+$/.test(secret);
  if (isPin && secret.length < 6) ctx.addIssue({ code: 'custom', message: 'A PIN needs at least 6 digits.' });
  if (!isPin && secret.length < 10) ctx.addIssue({ code: 'custom', message: 'Use a PIN of at least 6 digits, or a password of at least 10 characters.' });
});

const staffView = (s: StaffRow) => ({ id: s.id, name: s.name, role: s.role, active: s.active, providerId: s.providerId });

function requireStaff(store: LocalStore, id: string): StaffRow {
  const s = schema.staffUsers;
  const row = store.db.select().from(s).where(and(eq(s.id, id), eq(s.deleted, false))).get();
  if (!row) throw refuse('not_found', say('refusal.notFound.staffMember'), { staffUserId: id });
  return row;
}

function ensureMayManage(call: StaffCall, target: StaffRow | null, newRole: StaffRole | null): void {
  if (call.session.role === 'admin') return;
  if (newRole === 'admin') throw refuse('forbidden', say('refusal.onlyAdminMakesAdmin'));
  if (target?.role === 'admin') throw refuse('forbidden', say('refusal.onlyAdminChangesAdmin'));
}

/** The clinic must keep someone who can manage administrators. */
function ensureAnotherAdmin(store: LocalStore, target: StaffRow): void {
  const s = schema.staffUsers;
  const other = store.db.select({ id: s.id }).from(s)
    .where(and(eq(s.role, 'admin'), eq(s.active, true), eq(s.deleted, false), ne(s.id, target.id))).get();
  if (!other) throw refuse('not_allowed', say('refusal.lastAdmin', { name: target.name }));
}

const hashSecret = (secret: string) => hash(secret, { type: argon2id });

export const staffOperations = defineOperations('admin', {
  'staff.list': staffOperation({
    description: 'manage staff accounts',
    roles: managers,
    input: z.object({}),
    handler: ({ store }) => store.db.select().from(schema.staffUsers).where(eq(schema.staffUsers.deleted, false)).orderBy(asc(schema.staffUsers.name)).all().map(staffView),
  }),

  'staff.save': staffOperation({
    description: 'manage staff accounts',
    roles: managers,
    input: z.object({
      id: optionalId,
      name: displayName('the staff member’s name'),
      role: z.enum(staffRoles, `Choose a role: ${staffRoles.join(', ')}.`),
      active: z.boolean().default(true),
      /** The provider this account belongs to, for the provider role. */
      providerId: entityId.nullish().transform((v) => v ?? null),
      /** Required for a new account; to change an existing one's, use resetSecret. */
      secret: staffSecret.optional(),
    }),
    handler: async (call, input) => {
      const target = input.id ? requireStaff(call.store, input.id) : null;
      ensureMayManage(call, target, input.role);
      if (input.providerId) requireProvider(call.store, input.providerId);
      if (target?.role === 'admin' && target.active && (input.role !== 'admin' || !input.active)) ensureAnotherAdmin(call.store, target);
      if (!target && !input.secret) {
        const needsSecret = say('refusal.newAccountNeedsSecret');
        throw refuse('invalid_input', [say('refusal.checkDetails'), needsSecret], { issues: [{ path: 'secret', message: inEnglish([needsSecret]) }] });
      }
      if (target && input.secret) throw refuse('invalid_input', say('refusal.secretChangedByReset'));
      const id = target?.id ?? uuidv7();
      const values: Record<string, unknown> = { name: input.name, role: input.role, active: input.active, provider_id: input.providerId };
      if (input.secret) values.secret_hash = await hashSecret(input.secret);
      call.write({ table: 'staff_users', rowId: id, isNew: !target, action: target ? 'staff.edit' : 'staff.add', values });
      return { staff: staffView(requireStaff(call.store, id)) };
    },
  }),

  'staff.resetSecret': staffOperation({
    description: 'manage staff accounts',
    roles: managers,
    input: z.object({ staffUserId: entityId, secret: staffSecret }),
    handler: async (call, { staffUserId, secret }) => {
      const target = requireStaff(call.store, staffUserId);
      ensureMayManage(call, target, null);
      const secretHash = await hashSecret(secret);
      call.write({ table: 'staff_users', rowId: target.id, isNew: false, action: 'staff.reset_secret', values: { secret_hash: secretHash } });
      return { staff: staffView(requireStaff(call.store, staffUserId)) };
    },
  }),
});
