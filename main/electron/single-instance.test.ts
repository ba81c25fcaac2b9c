import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type AppLike, type WindowLike } from './single-instance';

function fakeApp(hasLock: boolean) {
  const calls: string[] = [];
  let onSecond: (() => void) | null = null;
  const app: AppLike = {
    requestSingleInstanceLock: () => hasLock,
    quit: () => void calls.push('quit'),
    on: (_event, listener) => {
      onSecond = listener;
    },
  };
  return { app, calls, secondLaunch: () => onSecond?.() };
}

function fakeWindow(state: { minimized: boolean; destroyed?: boolean }) {
  const calls: string[] = [];
  const window: WindowLike = {
    isDestroyed: () => state.destroyed ?? false,
    isMinimized: () => state.minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return { window, calls };
}

describe('one Frontdesk per computer', () => {
  it('a second launch quits instead of opening the same database again', () => {
    const second = fakeApp(false);
    expect(claimSingleInstance(second.app, () => null)).toBe(false);
    expect(second.calls).toEqual(['quit']);
  });

  it('the running one brings its window forward, restoring it if minimized', () => {
    const first = fakeApp(true);
    const { window, calls } = fakeWindow({ minimized: true });
    expect(claimSingleInstance(first.app, () => window)).toBe(true);
    expect(first.calls).toEqual([]);
    first.secondLaunch();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('ignores a second launch while no window is open, or after it was destroyed', () => {
    const first = fakeApp(true);
    const { window, calls } = fakeWindow({ minimized: false, destroyed: true });
    claimSingleInstance(first.app, () => window);
    first.secondLaunch();
    expect(calls).toEqual([]);
    const empty = fakeApp(true);
    claimSingleInstance(empty.app, () => null);
    expect(() => empty.secondLaunch()).not.toThrow();
  });
});
