import { describe, expect, it } from 'vitest';
import { readClinicConfig, readDeviceRole, readIdleLockMs } from './clinic';

describe('the clinic configuration', () => {
  it('takes the idle lock from FRONTDESK_IDLE_LOCK_MINUTES, leaving the default when unset', () => {
    expect(readIdleLockMs({})).toBeUndefined();
    expect(readIdleLockMs({ FRONTDESK_IDLE_LOCK_MINUTES: '10' })).toBe(600_000);
    expect(readIdleLockMs({ FRONTDESK_IDLE_LOCK_MINUTES: '1.5' })).toBe(90_000);
  });

  it('refuses an idle lock that is not a number of minutes in range, instead of guessing', () => {
    for (const value of ['0', '-5', 'ten', '241', 'Infinity']) {
      expect(() => readIdleLockMs({ FRONTDESK_IDLE_LOCK_MINUTES: value }), value).toThrow(/FRONTDESK_IDLE_LOCK_MINUTES must be/);
    }
  });

  it('knows the kiosk role and refuses a misspelt one', () => {
    expect(readDeviceRole({})).toBe('front_desk');
    expect(readDeviceRole({ FRONTDESK_DEVICE_ROLE: 'kiosk' })).toBe('kiosk');
    expect(() => readDeviceRole({ FRONTDESK_DEVICE_ROLE: 'kiosks' })).toThrow(/front_desk or kiosk/);
  });

  it('puts the device beside the server under FRONTDESK_HOME unless told otherwise', () => {
    const config = readClinicConfig({ FRONTDESK_HOME: '/srv/fd', FRONTDESK_IDLE_LOCK_MINUTES: '3' }, '/default');
    expect(config).toMatchObject({ root: '/srv/fd', deviceDir: '/srv/fd/device', syncPort: 8787, sessions: { idleLockMs: 180_000 }, deviceRole: 'front_desk' });
  });
});
