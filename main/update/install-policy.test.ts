import { describe, expect, it } from 'vitest';
import { decideInstall, type UpdateSituation } from './install-policy';

const at = (hour: number, minute = 0) => new Date(2026, 4, 12, hour, minute);
const desk = (patch: Partial<UpdateSituation> = {}): UpdateSituation => ({ role: 'front_desk', pendingChanges: 0, isEditing: false, now: at(11), ...patch });

describe('when an update may install', () => {
  it('installs on an idle desk with nothing left to send', () => {
    expect(decideInstall(desk())).toEqual({ install: true });
  });

  it('waits while changes are still in the outbox', () => {
    expect(decideInstall(desk({ pendingChanges: 3 }))).toMatchObject({ install: false, reason: 'outbox_not_empty' });
  });

  it('waits while someone is in the middle of an edit', () => {
    expect(decideInstall(desk({ isEditing: true }))).toMatchObject({ install: false, reason: 'editing' });
  });

  it('waits on a kiosk during the day until the night window, then installs', () => {
    const day = decideInstall(desk({ role: 'kiosk', now: at(14, 30) }));
    expect(day).toMatchObject({ install: false, reason: 'kiosk_daytime', retryInMs: (10 * 60 + 30) * 60_000 });
    expect(decideInstall(desk({ role: 'kiosk', now: at(2) }))).toEqual({ install: true });
  });

  it('still waits for the outbox on a kiosk at night', () => {
    expect(decideInstall(desk({ role: 'kiosk', now: at(3), pendingChanges: 1 }))).toMatchObject({ install: false, reason: 'outbox_not_empty' });
  });

  it('handles a night window that wraps past midnight', () => {
    const night = { startHour: 22, endHour: 5 };
    expect(decideInstall(desk({ role: 'kiosk', now: at(23) }), night)).toEqual({ install: true });
    expect(decideInstall(desk({ role: 'kiosk', now: at(4) }), night)).toEqual({ install: true });
    expect(decideInstall(desk({ role: 'kiosk', now: at(5) }), night)).toMatchObject({ install: false, retryInMs: 17 * 3_600_000 });
  });
});
