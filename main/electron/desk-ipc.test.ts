// The API over IPC against a real router and encrypted store: who may call, and which
// session a call runs as. Events are shaped like Electron's IpcMainInvokeEvent.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../api/testing/desk';
import { createDeskIpc } from './desk-ipc';
import { isTrustedSender, type IpcEventLike } from './ipc-sender';

let desk: TestDesk;
afterEach(() => desk.cleanup());

const deskWindows = new Set([1, 2]);
const fromWindow = (id: number, url = 'app://desk/index.html'): IpcEventLike => ({ sender: { id }, senderFrame: { url, parent: null } });

function ipcFor(testDesk: TestDesk) {
  return createDeskIpc({ router: testDesk.router, isTrusted: (event) => isTrustedSender(event, deskWindows) });
}

async function signInThrough(ipc: ReturnType<typeof ipcFor>, windowId: number, testDesk: TestDesk) {
  return ipc.invoke(fromWindow(windowId), 'session.signIn', { staffUserId: testDesk.staffId('receptionist'), secret: testDesk.pinOf('receptionist') });
}

describe('the API over IPC', () => {
  it('refuses calls from a subframe, another page or an unknown window before the router sees them', async () => {
    desk = await openTestDesk();
    let refusals = 0;
    const ipc = createDeskIpc({ router: desk.router, isTrusted: (event) => isTrustedSender(event, deskWindows), onRefused: () => refusals++ });
    const attempts: IpcEventLike[] = [
      { sender: { id: 1 }, senderFrame: { url: 'app://desk/index.html', parent: {} } },
      fromWindow(1, 'https://attacker.example/'),
      fromWindow(9),
      { sender: { id: 1 }, senderFrame: null },
    ];
    for (const event of attempts) {
      const result = await ipc.invoke(event, 'session.signIn', { staffUserId: desk.staffId('receptionist'), secret: desk.pinOf('receptionist') });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(refusals).toBe(4);
    // None of them reached sign-in: the receptionist still has every try left.
    expect(desk.router.sessions.remainingAttempts(desk.staffId('receptionist'), desk.clock.now)).toBe(5);
  });

  it('runs later calls from the window as the staff member who signed in there, without the page sending a session id', async () => {
    desk = await openTestDesk();
    const ipc = ipcFor(desk);
    expect(await ipc.invoke(fromWindow(1), 'sync.state', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await signInThrough(ipc, 1, desk)).toMatchObject({ ok: true });
    expect(await ipc.invoke(fromWindow(1), 'sync.state', {})).toMatchObject({ ok: true });
    expect(await ipc.invoke(fromWindow(1), 'session.current', {})).toMatchObject({ ok: true, value: { state: 'signed_in', staff: { role: 'receptionist' } } });
  });

  it('does not let another window use that session', async () => {
    desk = await openTestDesk();
    const ipc = ipcFor(desk);
    await signInThrough(ipc, 1, desk);
    expect(await ipc.invoke(fromWindow(2), 'sync.state', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('signs the window out on sign-out and when the window closes or reloads', async () => {
    desk = await openTestDesk();
    const ipc = ipcFor(desk);
    await signInThrough(ipc, 1, desk);
    await ipc.invoke(fromWindow(1), 'session.signOut', {});
    expect(await ipc.invoke(fromWindow(1), 'sync.state', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const signedIn = await signInThrough(ipc, 1, desk);
    const sessionId = signedIn.ok ? (signedIn.value as { sessionId: string }).sessionId : '';
    ipc.forget(1);
    expect(await ipc.invoke(fromWindow(1), 'sync.state', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // Ended in the session manager too, not just forgotten by the window map.
    expect(await desk.router.invoke('sync.state', {}, sessionId)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('locks every window at once (OS suspend or lock screen), naming who was signed in', async () => {
    desk = await openTestDesk();
    const ipc = ipcFor(desk);
    await signInThrough(ipc, 1, desk);
    ipc.lockAll();
    const result = await ipc.invoke(fromWindow(1), 'sync.state', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'session_locked', details: { staff: { id: desk.staffId('receptionist') } } } });
  });

  it('locks only the window whose menu asked', async () => {
    desk = await openTestDesk();
    const ipc = ipcFor(desk);
    await signInThrough(ipc, 1, desk);
    await signInThrough(ipc, 2, desk);
    ipc.lock(1);
    expect(await ipc.invoke(fromWindow(1), 'sync.state', {})).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    expect(await ipc.invoke(fromWindow(2), 'sync.state', {})).toMatchObject({ ok: true });
  });
});
