import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuiet, scheduleOutsideQuietHours } from './quiet-hours';

const LA = 'America/Los_Angeles';
const quiet = { start: '21:00', end: '08:00' };
const at = (iso: string) => Date.parse(iso);

describe('quiet hours', () => {
  it('moves a 06:00 reminder to 08:00 local, the end of the window', () => {
    const sent = scheduleOutsideQuietHours(at('2026-06-10T06:00:00-07:00'), quiet, LA, at('2026-06-11T09:00:00-07:00'));
    expect(sent).toBe(at('2026-06-10T08:00:00-07:00'));
  });

  it('moves a 23:00 reminder to 08:00 the next morning', () => {
    const sent = scheduleOutsideQuietHours(at('2026-06-10T23:00:00-07:00'), quiet, LA, at('2026-06-12T09:00:00-07:00'));
    expect(sent).toBe(at('2026-06-11T08:00:00-07:00'));
  });

  it('sends the evening before when the window ends after the appointment starts', () => {
    const sent = scheduleOutsideQuietHours(at('2026-06-11T05:30:00-07:00'), quiet, LA, at('2026-06-11T07:30:00-07:00'));
    expect(sent).toBe(at('2026-06-10T20:59:00-07:00'));
  });

  it('keeps 08:00 local on the morning after the clocks go back', () => {
    // 2026-11-01 01:00 PDT -> 01:00 PST: the window lasts one hour longer that night.
    const sent = scheduleOutsideQuietHours(at('2026-11-01T04:00:00-08:00'), quiet, LA, at('2026-11-02T09:00:00-08:00'));
    expect(sent).toBe(at('2026-11-01T08:00:00-08:00'));
  });

  it('leaves a reminder alone outside the window or without quiet hours', () => {
    const due = at('2026-06-10T12:00:00-07:00');
    expect(scheduleOutsideQuietHours(due, quiet, LA, due + 3_600_000)).toBe(due);
    expect(scheduleOutsideQuietHours(at('2026-06-10T23:00:00-07:00'), null, LA, due + 86_400_000)).toBe(at('2026-06-10T23:00:00-07:00'));
  });

  it('never schedules inside quiet hours, never after the deadline', () => {
    const zones = fc.constantFrom(LA, 'Europe/Madrid', 'America/New_York', 'UTC', 'Australia/Lord_Howe');
    const wall = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }).map((ms) => ms - (ms % 60_000));
    fc.assert(fc.property(zones, wall, wall, instant, fc.integer({ min: 1, max: 4 * 24 * 60 }), (zone, start, end, due, leadMin) => {
      const window = { start, end };
      const deadline = due + leadMin * 60_000;
      const sent = scheduleOutsideQuietHours(due, window, zone, deadline);
      if (sent === null) return;
      expect(sent).toBeLessThan(deadline);
      expect(isQuiet(sent, window, zone)).toBe(false);
      if (!isQuiet(due, window, zone)) expect(sent).toBe(due);
    }), { numRuns: 500 });
  });
});
