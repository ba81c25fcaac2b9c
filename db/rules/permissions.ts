// Who may write what, as data: the same matrix is enforced by the sync server on every
// change and by the device's API, and tested against both.
import type { ReplicatedTableName } from '../schema/registry';
import { inEnglish, say, type Sentence } from './refusals';
import type { Role } from './types';

const staff: Role[] = ['receptionist', 'nurse', 'provider', 'manager', 'admin'];
const managers: Role[] = ['manager', 'admin'];
// 'system' is the server itself (bootstrap, demo seeding, jobs); no device can act as it.
const managersAndServer: Role[] = [...managers, 'system'];

/** Roles that may write each table (subject to the column rules below). */
export const tableWriters: Record<ReplicatedTableName, readonly Role[]> = {
  appointments: [...staff, 'kiosk', 'system'],
  patients: [...staff, 'system'],
  waitlist_entries: ['receptionist', 'nurse', 'manager', 'admin', 'system'],
  organizations: ['admin', 'system'],
  locations: managersAndServer,
  providers: managersAndServer,
  resources: managersAndServer,
  services: managersAndServer,
  schedule_templates: managersAndServer,
  schedule_exceptions: managersAndServer,
  policies: managersAndServer,
  reminder_rules: managersAndServer,
  staff_users: managersAndServer,
  // Raised by server jobs; any staff member at the desk may close one.
  staff_tasks: [...staff, 'system'],
  // Every device appends its own chain; nobody edits one (checked by the server separately).
  audit_events: [...staff, 'kiosk', 'system'],
};

/** A kiosk may only move an appointment to checked_in; nothing else, anywhere. */
const kioskColumns = new Set(['status']);

/** `message` in English for the server's answers and logs; `sentence` what the desk says in its language. */
export type WriteCheck = { ok: true } | { ok: false; message: string; sentence: Sentence };

export interface WriteRequest {
  role: Role;
  table: ReplicatedTableName;
  values: Record<string, unknown>;
  /** Whether the row exists already (kiosks and audit events may not create or edit). */
  isNew: boolean;
}

function keyed(sentence: Sentence): WriteCheck {
  return { ok: false, message: inEnglish([sentence]), sentence };
}

export function checkWrite({ role, table, values, isNew }: WriteRequest): WriteCheck {
  if (!tableWriters[table].includes(role)) {
    return { ok: false, message: `A ${roleLabel(role)} may not change ${table.replace(/_/g, ' ')}.`, sentence: say(`refusal.roleMayNot.${role}`) };
  }
  if (role === 'kiosk' && table === 'appointments') {
    const onlyStatus = Object.keys(values).every((c) => kioskColumns.has(c));
    if (isNew || !onlyStatus || values.status !== 'checked_in') return { ok: false, message: 'A kiosk may only check in an existing appointment.', sentence: say('refusal.roleMayNot.kiosk') };
  }
  if (table === 'audit_events' && !isNew) return { ok: false, message: 'Audit events are never edited.', sentence: say(`refusal.roleMayNot.${role}`) };
  if (table === 'appointments' && values.overbook === true && !managers.includes(role)) {
    return keyed(say('refusal.onlyManagerOverbooks'));
  }
  if (table === 'staff_users' && values.role === 'admin' && role !== 'admin' && role !== 'system') {
    return keyed(say('refusal.onlyAdminMakesAdmin'));
  }
  return { ok: true };
}

export function roleLabel(role: Role): string {
  return role === 'system' ? 'server job' : role;
}
