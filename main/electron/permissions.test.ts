import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permissions';

// Electron 45's permission names (setPermissionRequestHandler), and one it may add later.
const permissions = ['clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'hid', 'idle-detection',
  'local-fonts', 'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'openExternal', 'pointerLock', 'serial', 'usb',
  'window-management', 'web-printing', 'storage-access', 'unknown', 'some-permission-chromium-adds-next-year'];

describe('the permission handler', () => {
  it('denies every permission a page can ask for, including ones not invented yet', () => {
    for (const permission of permissions) expect(isPermissionGranted(permission), permission).toBe(false);
  });
});
