// One Frontdesk per computer: two main processes would open the same encrypted database and
// both run the embedded sync server. A second launch (a double-click on the icon) brings the
// running window forward instead.

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

export interface WindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** True when this process is the one instance and should go on starting; otherwise it has asked to quit. */
export function claimSingleInstance(app: AppLike, currentWindow: () => WindowLike | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window) bringToFront(window);
  });
  return true;
}

export function bringToFront(window: WindowLike): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
