import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffTaskKind } from '../../db/schema/shared';
import { readChain } from '../store/testing/audit';
import { countRows, Fixtures, hour, NOON, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
let fixtures: Fixtures;
let receptionist: string;

beforeEach(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  receptionist = await desk.signIn('receptionist');
});
afterEach(() => desk.cleanup());

let taskCount = 0;
/** A task as the server's jobs raise it: a replicated row that arrives by sync. */
function serverTask(t: { kind?: StaffTaskKind; appointmentId?: string | null; dueAt?: number; locationId?: string; status?: 'open' | 'done' } = {}): string {
  const rowId = `task-${++taskCount}`;
  desk.store.write({
    table: 'staff_tasks', rowId, staffUserId: null, action: 'test.setup',
    values: {
      location_id: t.locationId ?? desk.locationId, appointment_id: t.appointmentId ?? null, kind: t.kind ?? 'unconfirmed_appointment',
      title: 'Call Ana: Fixture visit on Thursday is not confirmed.', due_at: t.dueAt ?? NOON + 24 * hour, status: t.status ?? 'open', created_at: NOON,
    },
  });
  return rowId;
}

describe('desk tasks', () => {
  it('lists the open tasks of the location, soonest due first, with the visit and how to reach the patient', async () => {
    const provider = fixtures.provider('Dr. Tasks');
    const service = fixtures.service();
    const patient = fixtures.patient({ first_name: 'Ana', last_name: 'Quintero', phone: '+1 212 555 0142' });
    const appointmentId = fixtures.appointment({ providerId: provider, serviceId: service, patientId: patient, startAt: NOON + 26 * hour });
    const later = serverTask({ kind: 'reschedule_requested', appointmentId, dueAt: NOON + 26 * hour });
    const sooner = serverTask({ kind: 'unconfirmed_appointment', appointmentId, dueAt: NOON + 2 * hour });
    const noVisit = serverTask({ kind: 'reminder_undeliverable', appointmentId: 'not-synced-yet', dueAt: NOON + 3 * hour });
    serverTask({ status: 'done' });
    const otherLocation = desk.store.sqlite.prepare('select id from locations where id <> ? limit 1').get(desk.locationId) as { id: string };
    serverTask({ locationId: otherLocation.id });

    const list = await desk.router.invoke('tasks.list', { locationId: desk.locationId }, receptionist);
    if (!list.ok) throw new Error(JSON.stringify(list));
    expect(list.value.map((t) => t.id)).toEqual([sooner, noVisit, later]);
    expect(list.value[0]).toMatchObject({
      kind: 'unconfirmed_appointment', dueAt: NOON + 2 * hour,
      appointment: { id: appointmentId, startAt: NOON + 26 * hour, status: 'booked', serviceName: 'Fixture visit', providerName: 'Dr. Tasks', patientId: patient, patientName: 'Quintero, Ana', patientPhone: '+1 212 555 0142' },
    });
    // A task whose visit has not reached this desk still shows, so nobody misses it.
    expect(list.value[1]).toMatchObject({ kind: 'reminder_undeliverable', appointment: null });
  });

  it('closes a task: audited, queued for the server, gone from the list; closing again writes nothing', async () => {
    const task = serverTask();
    const outbox = countRows(desk.store, 'outbox');
    expect(await desk.router.invoke('tasks.done', { taskId: task }, receptionist)).toEqual({ ok: true, value: { alreadyDone: false } });
    expect(countRows(desk.store, 'outbox')).toBe(outbox + 1);
    expect(readChain(desk.store).at(-1)).toMatchObject({ action: 'staff_tasks.done', entityId: task, staffUserId: desk.staffId('receptionist') });
    const list = await desk.router.invoke('tasks.list', { locationId: desk.locationId }, receptionist);
    expect(list.ok && list.value.some((t) => t.id === task)).toBe(false);

    expect(await desk.router.invoke('tasks.done', { taskId: task }, receptionist)).toEqual({ ok: true, value: { alreadyDone: true } });
    expect(countRows(desk.store, 'outbox')).toBe(outbox + 1);
  });

  it('answers a task or location that does not exist with not_found, not an empty success', async () => {
    expect(await desk.router.invoke('tasks.done', { taskId: 'no-such-task' }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'That task does not exist on this device.', sentences: [{ key: 'refusal.notFound.task' }] } });
    expect(await desk.router.invoke('tasks.list', { locationId: 'no-such-location' }, receptionist))
      .toMatchObject({ ok: false, error: { code: 'not_found', sentences: [{ key: 'refusal.notFound.location' }] } });
  });
});
