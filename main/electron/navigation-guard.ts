// The window only ever shows the desk. A link, a redirect or a script that tries to take it
// elsewhere is stopped: a page from the internet in this window would inherit the preload
// and could call the API as the signed-in receptionist.
import { isAppUrl } from './app-protocol';

/** For will-navigate, will-redirect and will-frame-navigate. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * For setWindowOpenHandler: no second windows, not even of the desk (every window would be
 * another IPC sender to trust). The desk has no external links; if it ever needs one, open
 * it with shell.openExternal after an allow-list, never in an Electron window.
 */
export function decideWindowOpen(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}
