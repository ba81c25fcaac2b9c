// Working-hours administration through the router on a real encrypted desk: templates,
// exceptions, and the visits they leave outside working hours (listed, never cancelled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWallTime } from '../../db/rules/wallclock';
import { Fixtures, openTestDesk, ZONE, type TestDesk } from './testing/desk';

let desk: TestDesk;
let fixtures: Fixtures;
let manager: string;

beforeAll(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  manager = await desk.signIn('manager');
}, 120_000);
afterAll(() => desk.cleanup());

const call = (op: string, input: unknown) => desk.router.invoke(op, input, manager);
const at = (date: string, time: string) => resolveWallTime(date, time, ZONE);
// Wednesday a week after the desk's "today" (2026-03-11, noon in New York).
const WEDNESDAY = '2026-03-18';
const week = (end = '17:00') => [{ weekday: 3, start: '09:00', end, breaks: [{ start: '12:00', end: '13:00' }] }];

function statusOf(appointmentId: string): string {
  return (desk.store.sqlite.prepare('select status from appointments where id = ?').get(appointmentId) as { status: string }).status;
}

function auditCount(action: string): number {
  return (desk.store.sqlite.prepare('select count(*) as n from audit_events where action = ?').get(action) as { n: number }).n;
}

async function value<T = Record<string, unknown>>(result: Promise<{ ok: boolean }>): Promise<T> {
  const r = (await result) as { ok: boolean; value?: T };
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.value as T;
}

async function issuesOf(result: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const r = (await result) as { ok: boolean; error: { code: string; details: { issues: { path: string; message: string }[] } } };
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  return r.error.details.issues;
}

interface Orphan { id: string; patientName: string; serviceName: string | null; startAt: number; wasOutsideBefore?: boolean }

describe('weekly templates', () => {
  it('lists a booked visit a shorter day leaves outside hours, without saving on preview or cancelling on save', async () => {
    const providerId = fixtures.provider('Dr. Template Orphan');
    const serviceId = fixtures.service(30);
    const saved = await value<{ orphaned: Orphan[] }>(call('admin.templates.save', { providerId, locationId: desk.locationId, weekly: week() }));
    expect(saved.orphaned).toEqual([]);
    const late = fixtures.appointment({ providerId, serviceId, patientId: fixtures.patient({ last_name: 'Latevisit' }), startAt: at(WEDNESDAY, '15:00') });
    const early = fixtures.appointment({ providerId, serviceId, patientId: fixtures.patient(), startAt: at(WEDNESDAY, '10:00') });

    const preview = await value<{ orphaned: Orphan[] }>(call('admin.templates.preview', { providerId, locationId: desk.locationId, weekly: week('14:00') }));
    expect(preview.orphaned).toEqual([expect.objectContaining({ id: late, patientName: expect.stringMatching(/^Latevisit, Fixture\d+$/), serviceName: 'Fixture visit', startAt: at(WEDNESDAY, '15:00'), wasOutsideBefore: false })]);
    const unchanged = await value<{ templates: { end: string }[] }>(call('admin.templates.list', { providerId }));
    expect(unchanged.templates.map((t) => t.end)).toEqual(['17:00']);

    const adds = auditCount('template.add');
    const result = await value<{ templates: { end: string }[]; orphaned: Orphan[] }>(call('admin.templates.save', { providerId, locationId: desk.locationId, weekly: week('14:00') }));
    expect(result.templates.map((t) => t.end)).toEqual(['14:00']);
    expect(result.orphaned.map((o) => o.id)).toEqual([late]);
    expect(auditCount('template.add')).toBe(adds + 1);
    expect(statusOf(late)).toBe('booked');
    const toRebook = await value<{ orphaned: Orphan[] }>(call('admin.orphans.list', { providerId }));
    expect(toRebook.orphaned.map((o) => o.id)).toEqual([late]);
    expect(toRebook.orphaned.map((o) => o.id)).not.toContain(early);
  });

  it('replaces hours only from a date on, keeping the earlier weeks', async () => {
    const providerId = fixtures.provider('Dr. Spring Hours');
    await value(call('admin.templates.save', { providerId, locationId: desk.locationId, weekly: week() }));
    await value(call('admin.templates.save', { providerId, locationId: desk.locationId, weekly: week('15:00'), validFrom: '2026-04-01' }));
    const { templates } = await value<{ templates: { end: string; validFrom: string | null; validTo: string | null }[] }>(call('admin.templates.list', { providerId }));
    expect(templates).toEqual(expect.arrayContaining([
      expect.objectContaining({ end: '17:00', validFrom: null, validTo: '2026-03-31' }),
      expect.objectContaining({ end: '15:00', validFrom: '2026-04-01', validTo: null }),
    ]));
    expect(templates).toHaveLength(2);
  });

  it('refuses hours at a location the provider does not work at', async () => {
    const providerId = fixtures.provider('Dr. Elsewhere');
    const other = await value<{ location: { id: string } }>(call('admin.locations.save', { name: 'Annex', timeZone: 'America/Chicago' }));
    const result = await call('admin.templates.save', { providerId, locationId: other.location.id, weekly: week() });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Dr. Elsewhere does not work at Annex. Add the location to the provider first.',
        sentences: [{ key: 'refusal.providerNotAtLocation', values: { provider: 'Dr. Elsewhere', location: 'Annex' } }, { key: 'refusal.addLocationToProvider' }],
      },
    });
  });

  it.each([
    ['an end before the start', [{ weekday: 1, start: '17:00', end: '09:00', breaks: [] }], 'weekly.0.end', /must be after the start/],
    ['a break outside the hours', [{ weekday: 1, start: '09:00', end: '12:00', breaks: [{ start: '12:30', end: '13:00' }] }], 'weekly.0.breaks.0', /within the hours/],
    ['a break ending before it starts', [{ weekday: 1, start: '09:00', end: '17:00', breaks: [{ start: '13:00', end: '12:00' }] }], 'weekly.0.breaks.0.end', /end after it starts/],
    ['overlapping breaks', [{ weekday: 1, start: '09:00', end: '17:00', breaks: [{ start: '12:00', end: '13:00' }, { start: '12:30', end: '14:00' }] }], 'weekly.0.breaks', /overlap/],
    ['overlapping blocks on one day', [{ weekday: 2, start: '09:00', end: '13:00', breaks: [] }, { weekday: 2, start: '12:00', end: '18:00', breaks: [] }], 'weekly.1', /Tuesday.*overlap/],
    ['a weekday out of range', [{ weekday: 8, start: '09:00', end: '17:00', breaks: [] }], 'weekly.0.weekday', /1 \(Monday\) to 7/],
    ['a time without two-digit hours', [{ weekday: 1, start: '9:00', end: '17:00', breaks: [] }], 'weekly.0.start', /24-hour time/],
  ])('refuses %s with a message on the field', async (_label, weekly, path, message) => {
    const providerId = fixtures.provider();
    const issues = await issuesOf(call('admin.templates.save', { providerId, locationId: desk.locationId, weekly }));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
    expect((await value<{ templates: unknown[] }>(call('admin.templates.list', { providerId }))).templates).toEqual([]);
  });

  it('refuses a validity window that ends before it starts', async () => {
    const issues = await issuesOf(call('admin.templates.save', { providerId: fixtures.provider(), locationId: desk.locationId, weekly: week(), validFrom: '2026-05-01', validTo: '2026-04-01' }));
    expect(issues).toContainEqual({ path: 'validTo', message: 'The last day is before the first day.' });
  });

  it('judges a fall-back night in real hours at a Los Angeles location', async () => {
    const la = await value<{ location: { id: string } }>(call('admin.locations.save', { name: 'Santa Monica', timeZone: 'America/Los_Angeles' }));
    const laFixtures = new Fixtures(desk.store, la.location.id);
    const providerId = laFixtures.provider('Dr. Night Shift');
    const serviceId = laFixtures.service(30);
    // Sunday 2026-11-01, 00:00-03:00 PDT/PST: four real hours, 07:00Z-11:00Z.
    const repeatedHour = laFixtures.appointment({ providerId, serviceId, patientId: laFixtures.patient(), startAt: Date.UTC(2026, 10, 1, 10, 0) });
    const afterClosing = laFixtures.appointment({ providerId, serviceId, patientId: laFixtures.patient(), startAt: Date.UTC(2026, 10, 1, 11, 0) });
    const preview = await value<{ orphaned: Orphan[] }>(call('admin.templates.preview', { providerId, locationId: la.location.id, weekly: [{ weekday: 7, start: '00:00', end: '03:00', breaks: [] }] }));
    expect(preview.orphaned.map((o) => o.id)).toEqual([afterClosing]);
    expect(preview.orphaned.map((o) => o.id)).not.toContain(repeatedHour);
  });
});

describe('time off and extra hours', () => {
  it('previews, saves and removes time off over a booked visit', async () => {
    const providerId = fixtures.provider('Dr. Vacation');
    const serviceId = fixtures.service(30);
    await value(call('admin.templates.save', { providerId, locationId: desk.locationId, weekly: week() }));
    const covered = fixtures.appointment({ providerId, serviceId, patientId: fixtures.patient(), startAt: at(WEDNESDAY, '10:00') });
    const timeOff = { providerId, kind: 'time_off', startAt: at(WEDNESDAY, '09:30'), endAt: at(WEDNESDAY, '11:00'), note: 'Dentist' };

    const preview = await value<{ orphaned: Orphan[] }>(call('admin.exceptions.preview', timeOff));
    expect(preview.orphaned).toEqual([expect.objectContaining({ id: covered, wasOutsideBefore: false })]);
    expect(await value<unknown[]>(call('admin.exceptions.list', { providerId }))).toEqual([]);

    const saved = await value<{ exception: { id: string; note: string; locationId: string | null }; orphaned: Orphan[] }>(call('admin.exceptions.save', timeOff));
    expect(saved.exception).toMatchObject({ note: 'Dentist', locationId: null, kind: 'time_off' });
    expect(saved.orphaned.map((o) => o.id)).toEqual([covered]);
    expect(statusOf(covered)).toBe('booked');
    expect(await value<unknown[]>(call('admin.exceptions.list', { providerId }))).toEqual([expect.objectContaining({ id: saved.exception.id })]);
    expect((await value<{ orphaned: Orphan[] }>(call('admin.orphans.list', { providerId }))).orphaned.map((o) => o.id)).toEqual([covered]);

    const shortened = await value<{ orphaned: Orphan[] }>(call('admin.exceptions.save', { ...timeOff, id: saved.exception.id, endAt: at(WEDNESDAY, '10:00') }));
    expect(shortened.orphaned).toEqual([]);
    await value(call('admin.exceptions.save', { ...timeOff, id: saved.exception.id }));

    const removed = await value<{ removed: true; orphaned: Orphan[] }>(call('admin.exceptions.remove', { exceptionId: saved.exception.id }));
    expect(removed.orphaned).toEqual([]);
    expect((await value<{ orphaned: Orphan[] }>(call('admin.orphans.list', { providerId }))).orphaned).toEqual([]);
  });

  it('lists visits that removing extra hours would orphan', async () => {
    const providerId = fixtures.provider('Dr. Saturday');
    const serviceId = fixtures.service(30);
    const extra = await value<{ exception: { id: string } }>(call('admin.exceptions.save', {
      providerId, locationId: desk.locationId, kind: 'extra_hours', startAt: at('2026-03-21', '09:00'), endAt: at('2026-03-21', '12:00'),
    }));
    const saturday = fixtures.appointment({ providerId, serviceId, patientId: fixtures.patient(), startAt: at('2026-03-21', '10:00') });
    const removed = await value<{ orphaned: Orphan[] }>(call('admin.exceptions.remove', { exceptionId: extra.exception.id }));
    expect(removed.orphaned.map((o) => o.id)).toEqual([saturday]);
  });

  it('refuses an exception that ends before it starts, an unknown kind, and an unknown provider', async () => {
    const providerId = fixtures.provider();
    const backwards = await issuesOf(call('admin.exceptions.save', { providerId, kind: 'time_off', startAt: at(WEDNESDAY, '11:00'), endAt: at(WEDNESDAY, '10:00') }));
    expect(backwards).toContainEqual({ path: 'endAt', message: 'The end must be after the start.' });
    const kind = await issuesOf(call('admin.exceptions.save', { providerId, kind: 'holiday', startAt: 1, endAt: 2 }));
    expect(kind).toContainEqual({ path: 'kind', message: 'Choose time off or extra hours.' });
    const unknown = await call('admin.exceptions.save', { providerId: 'nobody', kind: 'time_off', startAt: 1, endAt: 2 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('admin.exceptions.remove', { exceptionId: 'nothing' })).toMatchObject({ ok: false, error: { code: 'not_found', sentences: [{ key: 'refusal.notFound.scheduleException' }] } });
  });
});
