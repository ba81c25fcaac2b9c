// When a downloaded update may be installed. Installing restarts the app: a change still in
// the outbox would wait (it is safe on disk, but the desk sees "pending" for no reason) and
// a half-typed booking would be lost, so a desk installs only when both are clear. A kiosk
// faces patients all day and installs only at night, when nobody checks in.
export type DeviceRole = 'front_desk' | 'manager' | 'kiosk';

export interface UpdateSituation {
  role: DeviceRole;
  /** Changes in the outbox not yet accepted by the server. */
  pendingChanges: number;
  /** A form or dialog holds input that is not saved yet. */
  isEditing: boolean;
  /** This computer's local time. */
  now: Date;
}

export interface NightWindow {
  /** Local hours, start inclusive and end exclusive; may wrap past midnight (22 -> 5). */
  startHour: number;
  endHour: number;
}

export const KIOSK_NIGHT: NightWindow = { startHour: 1, endHour: 5 };
const RETRY_SOON_MS = 60_000;

export type InstallDecision =
  | { install: true }
  | { install: false; reason: 'outbox_not_empty' | 'editing' | 'kiosk_daytime'; message: string; retryInMs: number };

function isInWindow(hour: number, window: NightWindow): boolean {
  return window.startHour <= window.endHour
    ? hour >= window.startHour && hour < window.endHour
    : hour >= window.startHour || hour < window.endHour;
}

/** Milliseconds from now until the window next opens (local time, so DST-aware through Date). */
function untilWindow(now: Date, window: NightWindow): number {
  const next = new Date(now);
  next.setHours(window.startHour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

export function decideInstall(situation: UpdateSituation, night: NightWindow = KIOSK_NIGHT): InstallDecision {
  if (situation.role === 'kiosk' && !isInWindow(situation.now.getHours(), night)) {
    return { install: false, reason: 'kiosk_daytime', message: `The update installs tonight at ${night.startHour}:00.`, retryInMs: untilWindow(situation.now, night) };
  }
  if (situation.pendingChanges > 0) {
    return { install: false, reason: 'outbox_not_empty', message: `The update waits until ${situation.pendingChanges} unsent change(s) reach the server.`, retryInMs: RETRY_SOON_MS };
  }
  if (situation.isEditing) {
    return { install: false, reason: 'editing', message: 'The update waits until the open form is saved or closed.', retryInMs: RETRY_SOON_MS };
  }
  return { install: true };
}
