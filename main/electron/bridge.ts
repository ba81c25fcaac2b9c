// The contract between the preload and the main process: the only two channels, and what
// the page sees as window.frontdesk. Kept free of electron so the renderer can import its
// types and the preload bundle stays a few lines of code.
import type { ApiEvent } from '../api/events';
import type { ApiResult } from '../api/operation';

/** ipcRenderer.invoke -> ipcMain.handle: (name, input) -> ApiResult. */
export const invokeChannel = 'frontdesk:invoke';
/** webContents.send -> ipcRenderer.on: one DeskEvent per message, main to page only. */
export const eventChannel = 'frontdesk:event';

/** The name under which contextBridge exposes the API: window.frontdesk. */
export const bridgeKey = 'frontdesk';

/**
 * What the application menu asks the page to do. The names are the page's own shortcut
 * actions (renderer/shortcuts/shortcuts.ts), so a menu click and a key press reach the same
 * handler; 'lock' is the menu's alone (the main process locks the session too).
 */
export const menuCommands = ['newAppointment', 'checkIn', 'findPatient', 'waitlist', 'today', 'previous', 'next', 'help', 'lock'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export type DeskEvent = ApiEvent | { type: 'command'; command: MenuCommand };

export interface FrontdeskBridge {
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Returns the way to stop listening. */
  subscribe(listener: (event: DeskEvent) => void): () => void;
}
