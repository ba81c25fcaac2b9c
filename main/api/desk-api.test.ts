// The Electron window's router and change feed, on a real encrypted store.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from './events';
import { openTestDesk, type TestDesk } from './testing/desk';
import type { SyncState } from '../sync/sync-client';
import { createDeskApi } from './desk-api';
import { kioskStateFor } from './kiosk-state';

let desk: TestDesk;
afterEach(() => desk.cleanup());

class FakeSync extends EventEmitter {
  nudges = 0;
  state = { online: true, pending: 0 } as unknown as SyncState;
  getState = () => this.state;
  notifyLocalWrite = () => void this.nudges++;
}

async function signIn(api: ReturnType<typeof createDeskApi>, testDesk: TestDesk): Promise<string> {
  const result = await api.router.invoke('session.signIn', { staffUserId: testDesk.staffId('receptionist'), secret: testDesk.pinOf('receptionist') });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.sessionId;
}

describe('the desk API behind the Electron window', () => {
  it('tells the window which tables a write changed and nudges sync to push it', async () => {
    desk = await openTestDesk();
    const sync = new FakeSync();
    const api = createDeskApi({ store: desk.store, sync });
    const events: ApiEvent[] = [];
    api.events.subscribe((event) => events.push(event));
    const session = await signIn(api, desk);
    const created = await api.router.invoke('patients.create', { firstName: 'Ilse', lastName: 'Marchetti', dateOfBirth: '1979-02-03', phone: '+1 212 555 0188' }, session);
    expect(created).toMatchObject({ ok: true });
    expect(events).toContainEqual({ type: 'changed', tables: ['patients'] });
    expect(sync.nudges).toBe(1);
    api.close();
  });

  it('passes sync state changes on to the window until closed', async () => {
    desk = await openTestDesk();
    const sync = new FakeSync();
    const api = createDeskApi({ store: desk.store, sync });
    const events: ApiEvent[] = [];
    api.events.subscribe((event) => events.push(event));
    sync.emit('state', { online: false, pending: 3 });
    api.close();
    sync.emit('state', { online: true, pending: 0 });
    expect(events).toEqual([{ type: 'sync', state: { online: false, pending: 3 } }]);
  });

  it('tells the settings when a tablet pairs or is unpaired, and when the kiosk listener changes state, until closed', async () => {
    desk = await openTestDesk();
    const api = createDeskApi({ store: desk.store });
    const events: ApiEvent[] = [];
    api.events.subscribe((event) => events.push(event));
    const session = await signIn(api, desk);
    const code = await api.router.invoke('kiosk.createPairingCode', { locationId: desk.locationId, name: 'Lobby tablet' }, session);
    if (!code.ok) throw new Error(code.error.message);
    const paired = await api.router.invoke('kiosk.pair', { code: code.value.code });
    if (!paired.ok) throw new Error(paired.error.message);
    expect(events).toContainEqual({ type: 'changed', tables: ['kiosk_devices'] });
    events.length = 0;
    await api.router.invoke('kiosk.revoke', { kioskId: paired.value.kiosk.id }, session);
    expect(events).toContainEqual({ type: 'changed', tables: ['kiosk_devices'] });

    events.length = 0;
    kioskStateFor(desk.store).lanStatus = { listening: true, url: 'https://192.0.2.10:8443', certificateFingerprint: 'ab', problem: null };
    expect(events).toEqual([{ type: 'changed', tables: ['kiosk_lan'] }]);
    api.close();
    kioskStateFor(desk.store).lanStatus = { listening: false, url: null, certificateFingerprint: null, problem: null };
    expect(events).toHaveLength(1);
  });

  it('locks after the configured idle time rather than the default', async () => {
    desk = await openTestDesk();
    const clock = { now: desk.clock.now };
    const api = createDeskApi({ store: desk.store, sessions: { idleLockMs: 60_000 }, now: () => clock.now });
    const session = await signIn(api, desk);
    clock.now += 59_000;
    expect(await api.router.invoke('sync.state', {}, session)).toMatchObject({ ok: true });
    clock.now += 60_000;
    expect(await api.router.invoke('sync.state', {}, session)).toMatchObject({ ok: false, error: { code: 'session_locked', message: expect.stringContaining('after 1 minute') } });
  });
});
