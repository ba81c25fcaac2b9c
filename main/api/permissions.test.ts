// Who may do what at the desk (role-matrix.ts, the one statement of it), checked through the
// router with real inputs: an allowed role's call succeeds for real, a refused role gets
// 'forbidden' and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWallTime, addDays } from '../../db/rules/wallclock';
import { attachPrinting } from '../print/print-service';
import { setPrinterFor } from '../print/print-settings';
import { addNotice } from './kiosk-notices';
import { kioskStateFor } from './kiosk-state';
import { staffRoles, type Access, type StaffRole } from './operation';
import { operationAccess } from './role-matrix';
import { operations, type OperationName } from './router';
import { ANCHOR_DATE, countRows, Fixtures, hour, openTestDesk, ZONE, type TestDesk } from './testing/desk';


interface Case {
  op: OperationName;
  /** Distinguishes two rows for one operation (e.g. booking vs overbooking). */
  variant?: string;
  /** Only a variant says who may do it; an operation's own row follows role-matrix.ts. */
  allowed?: Access;
  input: (f: World) => unknown;
  /** Calls that end or replace the caller's session get a session of their own. */
  freshSession?: boolean;
}

interface World {
  desk: TestDesk;
  fixtures: Fixtures;
  clinicProvider: string;
  bookingProvider: string;
  service: string;
  demoService: string;
  patient: string;
  nextSlot(): number;
  appointment(status: 'booked' | 'checked_in' | 'in_progress', when: 'earlier today' | 'later today' | 'next week'): string;
  rejection(): string;
}

const managers: readonly StaffRole[] = ['manager', 'admin'];
const kioskToken = (w: World) => kioskStateFor(w.desk.store).pairing.issueToken({ name: 'Matrix kiosk', locationId: w.desk.locationId }, w.desk.clock.now).token;
/** Printing without Chromium or a printer driver: the matrix is about who, not how. */
function withFakePrinting(w: World): string {
  attachPrinting(w.desk.store, {
    renderer: { renderPdf: async () => new Uint8Array([37, 80, 68, 70]), close: async () => undefined },
    printer: { listPrinters: async () => [], print: async () => undefined },
  });
  setPrinterFor(w.desk.store, 'patient_label', 'Label_Writer');
  return w.patient;
}

/** A row an administration call acts on, written as setup. */
function adminFixture(w: World, table: 'resources' | 'schedule_exceptions' | 'reminder_rules' | 'staff_users', values: Record<string, unknown>): string {
  const rowId = `${table}-${w.nextSlot()}`;
  w.desk.store.write({ table, rowId, staffUserId: null, action: 'test.setup', values });
  return rowId;
}
const weeklyHours = (providerId: string, locationId: string) => ({ providerId, locationId, weekly: [{ weekday: 2, start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }] }] });
/** An open task as a server job raises it. */
function staffTask(w: World): string {
  const rowId = `task-${w.nextSlot()}`;
  w.desk.store.write({
    table: 'staff_tasks', rowId, staffUserId: null, action: 'test.setup',
    values: { location_id: w.desk.locationId, appointment_id: null, kind: 'unconfirmed_appointment', title: 'Call the patient', due_at: w.desk.clock.now, status: 'open', created_at: w.desk.clock.now },
  });
  return rowId;
}
/** A cancelled visit whose time a waitlisted patient could take. */
const freedSlot = (w: World) => w.fixtures.appointment({ providerId: w.bookingProvider, serviceId: w.service, patientId: w.fixtures.patient(), startAt: w.nextSlot(), status: 'cancelled' });
const timeOff = (w: World, providerId: string) => {
  const startAt = w.nextSlot();
  return { providerId, kind: 'time_off', startAt, endAt: startAt + hour };
};

const matrix: Case[] = [
  { op: 'schedule.locations', input: () => ({}) },
  { op: 'schedule.providers', input: (w) => ({ locationId: w.desk.locationId }) },
  { op: 'schedule.services', input: () => ({}) },
  { op: 'schedule.policy', input: (w) => ({ locationId: w.desk.locationId }) },
  { op: 'schedule.dayView', input: (w) => ({ locationId: w.desk.locationId, date: ANCHOR_DATE }) },
  { op: 'schedule.workingHours', input: (w) => ({ locationId: w.desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 6) }) },
  { op: 'schedule.openSlots', input: (w) => ({ serviceId: w.demoService, locationId: w.desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 2) }) },
  { op: 'schedule.firstAvailable', input: (w) => ({ serviceId: w.demoService, locationId: w.desk.locationId, from: ANCHOR_DATE }) },

  { op: 'appointments.get', input: (w) => ({ appointmentId: w.appointment('booked', 'next week') }) },
  {
    op: 'appointments.book',
    input: (w) => ({ locationId: w.desk.locationId, providerId: w.bookingProvider, serviceId: w.service, patientId: w.patient, startAt: w.nextSlot() }),
  },
  {
    op: 'appointments.book', variant: 'overbooking a taken time', allowed: managers,
    input: (w) => {
      const startAt = w.nextSlot();
      w.fixtures.appointment({ providerId: w.bookingProvider, serviceId: w.service, patientId: w.fixtures.patient(), startAt });
      return { locationId: w.desk.locationId, providerId: w.bookingProvider, serviceId: w.service, patientId: w.patient, startAt, overbook: true };
    },
  },
  {
    op: 'appointments.move',
    input: (w) => {
      const appointmentId = w.fixtures.appointment({ providerId: w.bookingProvider, serviceId: w.service, patientId: w.patient, startAt: w.nextSlot() });
      return { appointmentId, startAt: w.nextSlot() };
    },
  },
  { op: 'appointments.cancel', input: (w) => ({ appointmentId: w.appointment('booked', 'next week'), reason: 'Patient called to cancel' }) },
  { op: 'appointments.confirm', input: (w) => ({ appointmentId: w.appointment('booked', 'next week') }) },
  { op: 'appointments.checkIn', input: (w) => ({ appointmentId: w.appointment('booked', 'later today') }) },
  { op: 'appointments.start', input: (w) => ({ appointmentId: w.appointment('checked_in', 'earlier today') }) },
  { op: 'appointments.complete', input: (w) => ({ appointmentId: w.appointment('in_progress', 'earlier today') }) },
  { op: 'appointments.noShow', input: (w) => ({ appointmentId: w.appointment('booked', 'earlier today') }) },
  { op: 'appointments.setNotes', input: (w) => ({ appointmentId: w.appointment('booked', 'next week'), notes: 'Prefers mornings' }) },

  { op: 'patients.search', input: () => ({ query: 'zzpat' }) },
  {
    op: 'patients.create',
    input: () => ({ firstName: `New${Math.random().toString(36).slice(2, 8)}`, lastName: 'Registrant', dateOfBirth: '1990-01-02', phone: '+1 646 555 0123' }),
  },
  { op: 'patients.panel', input: (w) => ({ patientId: w.patient }) },

  { op: 'sync.state', input: () => ({}) },
  { op: 'sync.rejections', input: () => ({}) },
  { op: 'sync.resolveRejection', input: (w) => ({ changeId: w.rejection() }) },

  { op: 'analytics.filterOptions', input: () => ({}) },
  { op: 'analytics.utilization', input: (w) => ({ from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 6), locationId: w.desk.locationId }) },
  { op: 'analytics.attendance', input: () => ({ from: addDays(ANCHOR_DATE, -28), to: ANCHOR_DATE }) },
  { op: 'analytics.leadTime', input: () => ({ from: ANCHOR_DATE, to: ANCHOR_DATE }) },
  { op: 'analytics.peakHours', input: () => ({ from: ANCHOR_DATE, to: ANCHOR_DATE, basis: 'bookings' }) },
  { op: 'analytics.channelMix', input: () => ({ from: ANCHOR_DATE, to: ANCHOR_DATE }) },
  { op: 'analytics.productivity', input: () => ({ from: addDays(ANCHOR_DATE, -7), to: ANCHOR_DATE }) },
  { op: 'analytics.dashboard', input: (w) => ({ from: addDays(ANCHOR_DATE, -7), to: ANCHOR_DATE, locationId: w.desk.locationId }) },
  { op: 'audit.events', input: () => ({ limit: 5 }) },
  { op: 'audit.verifyChains', input: () => ({}) },

  { op: 'waitlist.list', input: (w) => ({ locationId: w.desk.locationId }) },
  {
    op: 'waitlist.add',
    input: (w) => ({ patientId: w.fixtures.patient(), serviceId: w.service, locationId: w.desk.locationId, earliestDate: ANCHOR_DATE, latestDate: addDays(ANCHOR_DATE, 30) }),
  },
  {
    op: 'waitlist.remove',
    input: (w) => {
      const entryId = `waitlist-${w.nextSlot()}`;
      w.desk.store.write({
        table: 'waitlist_entries', rowId: entryId, staffUserId: null, action: 'test.setup',
        values: { patient_id: w.patient, service_id: w.service, location_id: w.desk.locationId, earliest_date: ANCHOR_DATE, latest_date: ANCHOR_DATE, created_at: 0 },
      });
      return { entryId };
    },
  },
  { op: 'waitlist.matchesForSlot', input: (w) => ({ appointmentId: freedSlot(w) }) },
  {
    op: 'waitlist.bookIntoSlot',
    input: (w) => {
      const patientId = w.fixtures.patient();
      const entryId = `waitlist-${w.nextSlot()}`;
      w.desk.store.write({
        table: 'waitlist_entries', rowId: entryId, staffUserId: null, action: 'test.setup',
        values: { patient_id: patientId, service_id: w.service, location_id: w.desk.locationId, earliest_date: ANCHOR_DATE, latest_date: addDays(ANCHOR_DATE, 365), created_at: 0 },
      });
      return { entryId, appointmentId: freedSlot(w) };
    },
  },

  { op: 'tasks.list', input: (w) => ({ locationId: w.desk.locationId }) },
  { op: 'tasks.done', input: (w) => ({ taskId: staffTask(w) }) },

  { op: 'kiosk.pair', input: (w) => ({ code: kioskStateFor(w.desk.store).pairing.createCode(w.desk.locationId, 'Matrix kiosk', w.desk.clock.now).code }) },
  { op: 'kiosk.session', input: (w) => ({ kioskToken: kioskToken(w) }) },
  { op: 'kiosk.find', input: (w) => ({ kioskToken: kioskToken(w), query: { by: 'code', code: 'NOSUCH' } }) },
  { op: 'kiosk.checkIn', input: (w) => ({ kioskToken: kioskToken(w), ticket: 'expired' }) },
  { op: 'kiosk.flagDetails', input: (w) => ({ kioskToken: kioskToken(w), ticket: 'expired', phoneChanged: true, addressChanged: false }) },
  { op: 'kiosk.lanAccess', input: () => ({}) },
  { op: 'kiosk.setLanAccess', input: () => ({ enabled: false }) },
  { op: 'kiosk.createPairingCode', input: (w) => ({ locationId: w.desk.locationId, name: 'Matrix kiosk' }) },
  { op: 'kiosk.list', input: () => ({}) },
  { op: 'kiosk.revoke', input: (w) => ({ kioskId: kioskStateFor(w.desk.store).pairing.issueToken({ name: 'Matrix kiosk', locationId: w.desk.locationId }, w.desk.clock.now).kiosk.id }) },
  { op: 'kiosk.notices', input: () => ({}) },
  {
    op: 'kiosk.dismissNotice',
    input: (w) => ({ noticeId: addNotice(w.desk.store, { at: 0, kioskId: 'k', appointmentId: `a-${w.nextSlot()}`, patientId: w.patient, phoneChanged: true, addressChanged: false }).id }),
  },

  { op: 'print.pdf', input: (w) => ({ document: { type: 'patient_label', patientId: withFakePrinting(w) } }) },
  { op: 'print.send', input: (w) => ({ document: { type: 'patient_label', patientId: withFakePrinting(w) } }) },
  { op: 'print.settings', input: () => ({}) },
  { op: 'print.setPrinter', input: () => ({ documentType: 'check_in_slip', printerName: 'Slip_Printer' }) },

  { op: 'admin.providers.list', input: () => ({}) },
  { op: 'admin.providers.save', input: (w) => ({ name: 'Dr. Matrix', specialty: 'family medicine', locationIds: [w.desk.locationId] }) },
  { op: 'admin.providers.archive', input: (w) => ({ providerId: w.fixtures.provider('Dr. Leaving') }) },
  { op: 'admin.services.list', input: () => ({}) },
  { op: 'admin.services.save', input: () => ({ name: 'Matrix visit', durationMin: 20 }) },
  { op: 'admin.services.archive', input: (w) => ({ serviceId: w.fixtures.service() }) },
  { op: 'admin.resources.list', input: (w) => ({ locationId: w.desk.locationId }) },
  { op: 'admin.resources.save', input: (w) => ({ locationId: w.desk.locationId, name: 'Matrix room', kind: 'room' }) },
  { op: 'admin.resources.archive', input: (w) => ({ resourceId: adminFixture(w, 'resources', { location_id: w.desk.locationId, name: 'Old room', kind: 'room' }) }) },
  { op: 'admin.locations.list', input: () => ({}) },
  { op: 'admin.locations.save', input: () => ({ name: 'Matrix annex', timeZone: 'America/Chicago' }) },
  { op: 'admin.templates.list', input: (w) => ({ providerId: w.bookingProvider }) },
  { op: 'admin.templates.preview', input: (w) => weeklyHours(w.fixtures.provider(), w.desk.locationId) },
  { op: 'admin.templates.save', input: (w) => weeklyHours(w.fixtures.provider(), w.desk.locationId) },
  { op: 'admin.exceptions.list', input: () => ({}) },
  { op: 'admin.exceptions.preview', input: (w) => timeOff(w, w.fixtures.provider()) },
  { op: 'admin.exceptions.save', input: (w) => timeOff(w, w.fixtures.provider()) },
  {
    op: 'admin.exceptions.remove',
    input: (w) => ({ exceptionId: adminFixture(w, 'schedule_exceptions', { provider_id: w.clinicProvider, kind: 'time_off', start_at: w.nextSlot(), end_at: w.nextSlot() + hour }) }),
  },
  { op: 'admin.orphans.list', input: () => ({}) },
  { op: 'admin.policies.get', input: (w) => ({ locationId: w.desk.locationId }) },
  {
    op: 'admin.policies.save',
    input: (w) => ({ locationId: w.desk.locationId, cancellationNoticeHours: 24, lateCancelFeeCents: 0, noShowGraceMinutes: 15, noShowThreshold: 3, checkInEarlyMinutes: 60, lateArrivalMinutes: 15 }),
  },
  { op: 'admin.reminderRules.list', input: () => ({}) },
  { op: 'admin.reminderRules.save', input: (w) => ({ locationId: w.desk.locationId, channel: 'email', offsetMinutes: 1440 }) },
  {
    op: 'admin.reminderRules.remove',
    input: (w) => ({ ruleId: adminFixture(w, 'reminder_rules', { rule: { channel: 'sms', offsetMinutes: 60, kind: 'reminder', quietHours: null } }) }),
  },
  { op: 'admin.staff.list', input: () => ({}) },
  { op: 'admin.staff.save', input: () => ({ name: 'Matrix Receptionist', role: 'receptionist', secret: '736251' }) },
  { op: 'admin.staff.resetSecret', input: (w) => ({ staffUserId: adminFixture(w, 'staff_users', { name: 'Matrix Nurse', role: 'nurse', secret_hash: 'unused', active: true }), secret: '918273' }) },
  // Without an enrolled sync server these answer "not enrolled": the matrix is about who may ask.
  { op: 'admin.devices.list', input: () => ({}) },
  { op: 'admin.devices.pairingCode', input: () => ({ role: 'front_desk' }) },
  { op: 'admin.devices.revoke', input: () => ({ deviceId: 'some-device' }) },

  { op: 'session.staff', input: () => ({}) },
  { op: 'session.current', input: () => ({}) },
  { op: 'session.signIn', freshSession: true, input: (w) => ({ staffUserId: w.desk.staffId('nurse'), secret: w.desk.pinOf('nurse') }) },
  { op: 'session.signOut', freshSession: true, input: () => ({}) },
];

let world: World;
const sessions = new Map<StaffRole, string>();

beforeAll(async () => {
  const desk = await openTestDesk();
  const fixtures = new Fixtures(desk.store, desk.locationId);
  const clinicProvider = fixtures.provider('Dr. Status Fixture');
  const bookingProvider = fixtures.provider('Dr. Booking Fixture');
  const service = fixtures.service(30);
  const patient = fixtures.patient();
  const demoService = (desk.store.sqlite.prepare(`select id from services where name = 'Follow-up visit'`).get() as { id: string }).id;
  let slot = 0;
  const at = (date: string, time: string) => resolveWallTime(date, time, ZONE);
  world = {
    desk, fixtures, clinicProvider, bookingProvider, service, demoService, patient,
    // Unique half-hour slots far beyond the demo bookings, so booking and moving never clash with each other.
    nextSlot: () => {
      const n = slot++;
      return at(addDays(ANCHOR_DATE, 120 + Math.floor(n / 20)), '08:00') + (n % 20) * 0.5 * hour;
    },
    // Status fixtures are written directly, so they may overlap each other freely.
    appointment: (status, when) => {
      const startAt = when === 'earlier today' ? at(ANCHOR_DATE, '09:00') : when === 'later today' ? at(ANCHOR_DATE, '15:00') : at(addDays(ANCHOR_DATE, 7), '10:00');
      return fixtures.appointment({ providerId: clinicProvider, serviceId: service, patientId: fixtures.patient(), startAt, status });
    },
    rejection: () => {
      const changeId = `rejected-${slot++}`;
      desk.store.sqlite.prepare(`insert into sync_rejections (change_id, table_name, row_id, reason, message, "values", created_at) values (?, 'appointments', 'gone', 'slot_taken', 'Taken by another desk', '{}', ?)`)
        .run(changeId, desk.clock.now);
      return changeId;
    },
  };
  for (const role of staffRoles) sessions.set(role, await desk.signIn(role));
});

afterAll(() => world.desk.cleanup());

const callers: (StaffRole | 'nobody')[] = [...staffRoles, 'nobody'];
const rows = matrix.flatMap((c) => callers.map((caller) => ({ ...c, allowed: c.allowed ?? operationAccess[c.op], caller, label: `${c.op}${c.variant ? ` (${c.variant})` : ''}` })));

describe('the role x operation matrix', () => {
  it('covers every operation', () => {
    expect(new Set(matrix.map((c) => c.op))).toEqual(new Set(Object.keys(operations)));
  });

  it.each(rows)('$label as $caller', async ({ op, allowed, input, caller, freshSession }) => {
    const { router, store } = world.desk;
    const sessionId = caller === 'nobody' ? null : freshSession ? await world.desk.signIn(caller) : sessions.get(caller)!;
    const rawInput = input(world);
    const outboxBefore = countRows(store, 'outbox');
    const result = await router.invoke(op, rawInput, sessionId);
    const isAllowed = allowed === 'public' || (caller !== 'nobody' && allowed.includes(caller));
    if (isAllowed) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: caller === 'nobody' ? 'unauthenticated' : 'forbidden' } });
      expect(countRows(store, 'outbox')).toBe(outboxBefore);
    }
  });
});
