// The kiosk token lives on the tablet (localStorage) so that it stays paired across restarts;
// it only opens the five kiosk operations, and the desk can revoke it.
const storageKey = 'frontdesk.kiosk.token';

export function readKioskToken(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveKioskToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(storageKey, token);
    else localStorage.removeItem(storageKey);
  } catch {
    // Not saved: the kiosk stays paired until the page reloads.
  }
}
