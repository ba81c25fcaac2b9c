import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiResult } from './operation';
import type { Api } from './router';
import { ANCHOR_DATE, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
afterEach(() => desk.cleanup());

describe('the router', () => {
  it('answers an unknown operation, even one named like an object property, with a typed error', async () => {
    desk = await openTestDesk();
    const session = await desk.signIn('admin');
    for (const name of ['appointments.delete', '__proto__', 'constructor', 'toString']) {
      expect(await desk.router.invoke(name, {}, session)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
  });

  it('checks the session before it looks at the input', async () => {
    desk = await openTestDesk();
    expect(await desk.router.invoke('appointments.book', { nonsense: true })).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'Sign in first.' } });
    expect(await desk.router.invoke('appointments.book', {}, 'made-up-session-id')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('validates input with the operation\'s schema and says which fields are wrong', async () => {
    desk = await openTestDesk();
    const session = await desk.signIn('receptionist');
    const result = await desk.router.invoke('schedule.dayView', { locationId: desk.locationId, date: '11/03/2026' }, session);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^Please check the details: date: /), details: { issues: [{ path: 'date' }] } } });
    expect(await desk.router.invoke('schedule.dayView', 'not an object', session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns an unexpected failure into an internal error without internals, and logs it', async () => {
    desk = await openTestDesk();
    const session = await desk.signIn('receptionist');
    desk.store.sqlite.exec('drop index appointments_location_start; alter table appointments rename to appointments_gone');
    const result = await desk.router.invoke('schedule.dayView', { locationId: desk.locationId, date: ANCHOR_DATE }, session);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/It has been logged/) } });
    expect(JSON.stringify(result)).not.toMatch(/appointments|sqlite|at .*\.ts/i);
    expect(desk.logger.errors).toHaveLength(1);
  });

  it('reports the written tables after a write, and nothing after a read or a refusal', async () => {
    desk = await openTestDesk();
    const session = await desk.signIn('receptionist');
    await desk.router.invoke('schedule.dayView', { locationId: desk.locationId, date: ANCHOR_DATE }, session);
    await desk.router.invoke('patients.create', { firstName: 'Ada', lastName: 'Quill', dateOfBirth: '2030-01-01', phone: '212 555 0100' }, session);
    expect(desk.writes).toEqual([]);
    await desk.router.invoke('patients.create', { firstName: 'Ada', lastName: 'Quill', dateOfBirth: '1990-01-01', phone: '212 555 0100' }, session);
    expect(desk.writes).toEqual([['patients']]);
  });

  it('has one typed API map inferred from the definitions', () => {
    expectTypeOf<Api['appointments.book']['input']>().toHaveProperty('startAt').toEqualTypeOf<number>();
    expectTypeOf<Api['appointments.cancel']['output']['isLateCancellation']>().toEqualTypeOf<boolean>();
    expectTypeOf<Api['schedule.dayView']['output']['appointments'][number]['status']>().toEqualTypeOf<Api['appointments.get']['output']['appointment']['status']>();
    expectTypeOf<ApiResult<Api['session.signIn']['output']>>().toExtend<{ ok: true; value: { sessionId: string } } | { ok: false }>();
  });
});
