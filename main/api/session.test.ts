import { afterEach, describe, expect, it } from 'vitest';
import { minute, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
afterEach(() => desk.cleanup());

const wrongPin = (pin: string) => (pin === '000001' ? '000002' : '000001');

describe('signing in', () => {
  it('lists the active staff for the picker, without their hashes', async () => {
    desk = await openTestDesk();
    const result = await desk.router.invoke('session.staff', {});
    expect(result.ok && result.value.map((s) => s.role).sort()).toEqual(['admin', 'manager', 'nurse', 'nurse', 'provider', 'provider', 'provider', 'receptionist', 'receptionist']);
    expect(JSON.stringify(result)).not.toContain('argon2');
  });

  it('opens a session with the right PIN and reports it as current', async () => {
    desk = await openTestDesk();
    const signedIn = await desk.router.invoke('session.signIn', { staffUserId: desk.staffId('nurse'), secret: desk.pinOf('nurse') });
    expect(signedIn).toMatchObject({ ok: true, value: { staff: { id: desk.staffId('nurse'), role: 'nurse' }, idleLockMs: 5 * minute } });
    const sessionId = signedIn.ok ? signedIn.value.sessionId : '';
    expect(sessionId).toMatch(/^[\w-]{32}$/);
    expect(await desk.router.invoke('session.current', {}, sessionId)).toMatchObject({ ok: true, value: { state: 'signed_in', staff: { role: 'nurse' } } });
  });

  it('refuses a wrong PIN, counting down the tries left', async () => {
    desk = await openTestDesk();
    const staffUserId = desk.staffId('receptionist');
    const result = await desk.router.invoke('session.signIn', { staffUserId, secret: wrongPin(desk.pinOf('receptionist')) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'wrong_secret',
        message: 'That PIN or password is not right. 4 tries left.',
        sentences: [{ key: 'refusal.wrongSecret' }, { key: 'refusal.triesLeft', values: { count: 4 } }],
      },
    });
  });

  it('pauses sign-in for a user after 5 wrong tries, even with the right PIN, until the window passes', async () => {
    desk = await openTestDesk();
    const staffUserId = desk.staffId('receptionist');
    const pin = desk.pinOf('receptionist');
    for (let i = 0; i < 5; i++) {
      expect(await desk.router.invoke('session.signIn', { staffUserId, secret: wrongPin(pin) })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    }
    const paused = await desk.router.invoke('session.signIn', { staffUserId, secret: pin });
    expect(paused).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/Too many wrong tries/), details: { retryAfterMs: expect.any(Number) } } });

    // Another user at the same desk is not affected.
    expect(await desk.router.invoke('session.signIn', { staffUserId: desk.staffId('nurse'), secret: desk.pinOf('nurse') })).toMatchObject({ ok: true });

    desk.clock.now += 5 * minute;
    expect(await desk.router.invoke('session.signIn', { staffUserId, secret: pin })).toMatchObject({ ok: true });
  });

  it('counts wrong tries sent at once before any of them is verified', async () => {
    desk = await openTestDesk();
    const staffUserId = desk.staffId('manager');
    const results = await Promise.all(Array.from({ length: 8 }, () => desk.router.invoke('session.signIn', { staffUserId, secret: wrongPin(desk.pinOf('manager')) })));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'wrong_secret')).toHaveLength(5);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(3);
  });

  it('answers an unknown or deactivated user like a wrong PIN', async () => {
    desk = await openTestDesk();
    expect(await desk.router.invoke('session.signIn', { staffUserId: 'nobody', secret: '123456' })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
    desk.store.write({ table: 'staff_users', rowId: desk.staffId('nurse'), values: { active: false }, staffUserId: null });
    expect(await desk.router.invoke('session.signIn', { staffUserId: desk.staffId('nurse'), secret: desk.pinOf('nurse') })).toMatchObject({ ok: false, error: { code: 'wrong_secret' } });
  });
});

describe('a session', () => {
  it('locks after the idle time; activity keeps it open, status polls do not', async () => {
    desk = await openTestDesk({ sessions: { idleLockMs: 10 * minute } });
    const sessionId = await desk.signIn('receptionist');
    desk.clock.now += 9 * minute;
    expect(await desk.router.invoke('schedule.locations', {}, sessionId)).toMatchObject({ ok: true });
    desk.clock.now += 9 * minute;
    expect(await desk.router.invoke('sync.state', {}, sessionId)).toMatchObject({ ok: true });
    desk.clock.now += 2 * minute;

    expect(await desk.router.invoke('schedule.locations', {}, sessionId)).toEqual({
      ok: false,
      error: { code: 'session_locked', message: 'The screen locked after 10 minutes without activity. Sign in again.', details: { staff: { id: desk.staffId('receptionist'), name: expect.any(String) } } },
    });
    expect(await desk.router.invoke('session.current', {}, sessionId)).toMatchObject({ ok: true, value: { state: 'locked', staff: { id: desk.staffId('receptionist') } } });
  });

  it('ends at sign-out', async () => {
    desk = await openTestDesk();
    const sessionId = await desk.signIn('receptionist');
    expect(await desk.router.invoke('session.signOut', {}, sessionId)).toEqual({ ok: true, value: { signedOut: true } });
    expect(await desk.router.invoke('schedule.locations', {}, sessionId)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await desk.router.invoke('session.current', {}, sessionId)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
  });

  it('follows the staff record: a deactivated user is out, a changed role applies at once', async () => {
    desk = await openTestDesk();
    const nurse = await desk.signIn('nurse');
    const receptionist = await desk.signIn('receptionist');
    desk.store.write({ table: 'staff_users', rowId: desk.staffId('receptionist'), values: { role: 'nurse' }, staffUserId: null });
    desk.store.write({ table: 'staff_users', rowId: desk.staffId('nurse'), values: { active: false }, staffUserId: null });
    expect(await desk.router.invoke('session.current', {}, receptionist)).toMatchObject({ ok: true, value: { staff: { role: 'nurse' } } });
    expect(await desk.router.invoke('schedule.locations', {}, nurse)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('signing in on a screen signs its previous user out', async () => {
    desk = await openTestDesk();
    const first = await desk.signIn('receptionist');
    const second = await desk.router.invoke('session.signIn', { staffUserId: desk.staffId('nurse'), secret: desk.pinOf('nurse') }, first);
    expect(second.ok).toBe(true);
    expect(await desk.router.invoke('schedule.locations', {}, first)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
