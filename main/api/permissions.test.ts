// Who may do what at the desk, written once as data and checked through the router: an
// allowed role's call succeeds for real, a refused role gets 'forbidden' and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWallTime, addDays } from '../../db/rules/wallclock';
import { staffRoles, type StaffRole } from './operation';
import { operations, type OperationName } from './router';
import { ANCHOR_DATE, countRows, Fixtures, hour, openTestDesk, ZONE, type TestDesk } from './testing/desk';

type Access = readonly StaffRole[] | 'public';

interface Case {
  op: OperationName;
  /** Distinguishes two rows for one operation (e.g. booking vs overbooking). */
  variant?: string;
  allowed: Access;
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

const everyone = staffRoles;
const clinical: readonly StaffRole[] = ['nurse', 'provider', 'manager', 'admin'];
const managers: readonly StaffRole[] = ['manager', 'admin'];

const matrix: Case[] = [
  { op: 'schedule.locations', allowed: everyone, input: () => ({}) },
  { op: 'schedule.providers', allowed: everyone, input: (w) => ({ locationId: w.desk.locationId }) },
  { op: 'schedule.services', allowed: everyone, input: () => ({}) },
  { op: 'schedule.policy', allowed: everyone, input: (w) => ({ locationId: w.desk.locationId }) },
  { op: 'schedule.dayView', allowed: everyone, input: (w) => ({ locationId: w.desk.locationId, date: ANCHOR_DATE }) },
  { op: 'schedule.openSlots', allowed: everyone, input: (w) => ({ serviceId: w.demoService, locationId: w.desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 2) }) },
  { op: 'schedule.firstAvailable', allowed: everyone, input: (w) => ({ serviceId: w.demoService, locationId: w.desk.locationId, from: ANCHOR_DATE }) },

  { op: 'appointments.get', allowed: everyone, input: (w) => ({ appointmentId: w.appointment('booked', 'next week') }) },
  {
    op: 'appointments.book', allowed: everyone,
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
    op: 'appointments.move', allowed: everyone,
    input: (w) => {
      const appointmentId = w.fixtures.appointment({ providerId: w.bookingProvider, serviceId: w.service, patientId: w.patient, startAt: w.nextSlot() });
      return { appointmentId, startAt: w.nextSlot() };
    },
  },
  { op: 'appointments.cancel', allowed: everyone, input: (w) => ({ appointmentId: w.appointment('booked', 'next week'), reason: 'Patient called to cancel' }) },
  { op: 'appointments.confirm', allowed: everyone, input: (w) => ({ appointmentId: w.appointment('booked', 'next week') }) },
  { op: 'appointments.checkIn', allowed: everyone, input: (w) => ({ appointmentId: w.appointment('booked', 'later today') }) },
  { op: 'appointments.start', allowed: clinical, input: (w) => ({ appointmentId: w.appointment('checked_in', 'earlier today') }) },
  { op: 'appointments.complete', allowed: clinical, input: (w) => ({ appointmentId: w.appointment('in_progress', 'earlier today') }) },
  { op: 'appointments.noShow', allowed: everyone, input: (w) => ({ appointmentId: w.appointment('booked', 'earlier today') }) },
  { op: 'appointments.setNotes', allowed: everyone, input: (w) => ({ appointmentId: w.appointment('booked', 'next week'), notes: 'Prefers mornings' }) },

  { op: 'patients.search', allowed: everyone, input: () => ({ query: 'zzpat' }) },
  {
    op: 'patients.create', allowed: everyone,
    input: () => ({ firstName: `New${Math.random().toString(36).slice(2, 8)}`, lastName: 'Registrant', dateOfBirth: '1990-01-02', phone: '+1 646 555 0123' }),
  },
  { op: 'patients.panel', allowed: everyone, input: (w) => ({ patientId: w.patient }) },

  { op: 'sync.state', allowed: everyone, input: () => ({}) },
  { op: 'sync.rejections', allowed: everyone, input: () => ({}) },
  { op: 'sync.resolveRejection', allowed: everyone, input: (w) => ({ changeId: w.rejection() }) },

  { op: 'session.staff', allowed: 'public', input: () => ({}) },
  { op: 'session.current', allowed: 'public', input: () => ({}) },
  { op: 'session.signIn', allowed: 'public', freshSession: true, input: (w) => ({ staffUserId: w.desk.staffId('nurse'), secret: w.desk.pinOf('nurse') }) },
  { op: 'session.signOut', allowed: 'public', freshSession: true, input: () => ({}) },
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
const rows = matrix.flatMap((c) => callers.map((caller) => ({ ...c, caller, label: `${c.op}${c.variant ? ` (${c.variant})` : ''}` })));

describe('the role x operation matrix', () => {
  it('covers every operation', () => {
    expect(new Set(matrix.map((c) => c.op))).toEqual(new Set(Object.keys(operations)));
  });

  it('declares on each operation the roles the matrix expects', () => {
    for (const c of matrix.filter((m) => !m.variant)) expect([c.op, operations[c.op].roles]).toEqual([c.op, c.allowed]);
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
