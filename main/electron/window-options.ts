// The desk window. Every web preference that weakens the renderer's isolation is set
// explicitly, even where Electron's default already agrees: a default can change between
// versions, and a reviewer should see the whole decision here.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { DeviceRole } from '../clinic';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (dist/electron/preload.cjs). */
  preload: string;
  role: DeviceRole;
  isDevelopment: boolean;
}

export function createWindowOptions({ preload, role, isDevelopment }: WindowOptionsInput): BrowserWindowConstructorOptions {
  const isKiosk = role === 'kiosk';
  return {
    title: 'Frontdesk',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show, so nobody sees a white frame before the desk paints.
    show: false,
    backgroundColor: '#ffffff',
    // The kiosk role (a check-in PC in the waiting room): full screen, no way out through the window frame.
    kiosk: isKiosk,
    autoHideMenuBar: isKiosk,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file or link on the window would otherwise navigate it away from the desk.
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: isDevelopment && !isKiosk,
      spellcheck: false,
    },
  };
}
