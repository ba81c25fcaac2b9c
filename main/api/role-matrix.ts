// Who may do what, written once as data: every API operation with the staff roles allowed
// to call it ('public': anyone at the device, signed in or not), and every replicated table
// with the roles the sync server lets write it (db/rules/permissions.ts, which both the
// server and the device's write path enforce).
//
// The operation list is typed by the router: an operation added without a row here is a
// type error, and role-matrix.test.ts fails at runtime too. It is the expectation the tests
// hold the API to, not where operations get their roles: a change to an operation's roles
// has to be made in both places on purpose.
import { tableWriters } from '../../db/rules/permissions';
import type { Role } from '../../db/rules/types';
import type { ReplicatedTableName } from '../../db/schema/registry';
import { staffRoles, type Access, type StaffRole } from './operation';
import type { OperationName } from './router';

const everyone = staffRoles;
const clinical: readonly StaffRole[] = ['nurse', 'provider', 'manager', 'admin'];
const deskKeepers: readonly StaffRole[] = ['receptionist', 'manager', 'admin'];
const waitlistKeepers: readonly StaffRole[] = ['receptionist', 'nurse', 'manager', 'admin'];
const managers: readonly StaffRole[] = ['manager', 'admin'];

export const operationAccess: Record<OperationName, Access> = {
  'schedule.locations': everyone,
  'schedule.providers': everyone,
  'schedule.services': everyone,
  'schedule.policy': everyone,
  'schedule.dayView': everyone,
  'schedule.workingHours': everyone,
  'schedule.openSlots': everyone,
  'schedule.firstAvailable': everyone,

  'appointments.get': everyone,
  'appointments.book': everyone,
  'appointments.move': everyone,
  'appointments.cancel': everyone,
  'appointments.confirm': everyone,
  'appointments.checkIn': everyone,
  'appointments.start': clinical,
  'appointments.complete': clinical,
  'appointments.noShow': everyone,
  'appointments.setNotes': everyone,

  'patients.search': everyone,
  'patients.create': everyone,
  'patients.panel': everyone,

  'sync.state': everyone,
  'sync.rejections': everyone,
  'sync.resolveRejection': everyone,

  'session.staff': 'public',
  'session.signIn': 'public',
  'session.signOut': 'public',
  'session.current': 'public',

  // The kiosk's own calls carry a kiosk token instead of a staff session (main/api/kiosk.ts).
  'kiosk.pair': 'public',
  'kiosk.session': 'public',
  'kiosk.find': 'public',
  'kiosk.checkIn': 'public',
  'kiosk.flagDetails': 'public',
  'kiosk.lanAccess': everyone,
  'kiosk.setLanAccess': deskKeepers,
  'kiosk.createPairingCode': deskKeepers,
  'kiosk.list': everyone,
  'kiosk.revoke': deskKeepers,
  'kiosk.notices': everyone,
  'kiosk.dismissNotice': everyone,

  'print.pdf': everyone,
  'print.send': everyone,
  'print.settings': everyone,
  'print.setPrinter': deskKeepers,

  'waitlist.list': everyone,
  'waitlist.add': waitlistKeepers,
  'waitlist.remove': waitlistKeepers,
  'waitlist.matchesForSlot': everyone,
  'waitlist.bookIntoSlot': waitlistKeepers,

  'tasks.list': everyone,
  'tasks.done': everyone,

  'analytics.filterOptions': managers,
  'analytics.utilization': managers,
  'analytics.attendance': managers,
  'analytics.leadTime': managers,
  'analytics.peakHours': managers,
  'analytics.channelMix': managers,
  'analytics.productivity': managers,
  'analytics.dashboard': managers,

  'audit.events': managers,
  'audit.verifyChains': managers,

  // Administration (main/api/admin.ts); the sync server enforces the same on its tables and device routes.
  'admin.providers.list': managers,
  'admin.providers.save': managers,
  'admin.providers.archive': managers,
  'admin.services.list': managers,
  'admin.services.save': managers,
  'admin.services.archive': managers,
  'admin.resources.list': managers,
  'admin.resources.save': managers,
  'admin.resources.archive': managers,
  'admin.locations.list': managers,
  'admin.locations.save': managers,
  'admin.templates.list': managers,
  'admin.templates.preview': managers,
  'admin.templates.save': managers,
  'admin.exceptions.list': managers,
  'admin.exceptions.preview': managers,
  'admin.exceptions.save': managers,
  'admin.exceptions.remove': managers,
  'admin.orphans.list': managers,
  'admin.policies.get': managers,
  'admin.policies.save': managers,
  'admin.reminderRules.list': managers,
  'admin.reminderRules.save': managers,
  'admin.reminderRules.remove': managers,
  'admin.staff.list': managers,
  'admin.staff.save': managers,
  'admin.staff.resetSecret': managers,
  'admin.devices.list': managers,
  'admin.devices.pairingCode': managers,
  'admin.devices.revoke': managers,
};

/** The device-side roles a sync server hears from: staff users, and kiosks (which act as 'kiosk'). */
export const syncRoles = [...staffRoles, 'kiosk'] as const satisfies readonly Role[];

/** Whether `role` may write rows of `table` at all; column and row rules (a kiosk only checks in) are checkWrite's. */
export function isTableWriteAllowed(table: ReplicatedTableName, role: Role): boolean {
  return tableWriters[table].includes(role);
}
