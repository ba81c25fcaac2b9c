import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options';

describe('the desk window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    const { webPreferences } = createWindowOptions({ preload: '/app/dist/electron/preload.cjs', role: 'front_desk', isDevelopment: false });
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('is an ordinary window at a front desk and a full-screen kiosk on a kiosk PC', () => {
    expect(createWindowOptions({ preload: '/p', role: 'front_desk', isDevelopment: false }).kiosk).toBe(false);
    const kiosk = createWindowOptions({ preload: '/p', role: 'kiosk', isDevelopment: true });
    expect(kiosk.kiosk).toBe(true);
    // Not even a developer's run gives a patient the developer tools.
    expect(kiosk.webPreferences?.devTools).toBe(false);
  });
});
