import { describe, expect, it } from 'vitest';
import { hoursFromMinutes, minutesFromHours } from './offset';

describe('a reminder offset typed in hours', () => {
  it('becomes whole minutes, fractions of an hour included', () => {
    expect(minutesFromHours('24')).toBe(1_440);
    expect(minutesFromHours('1.5')).toBe(90);
    expect(minutesFromHours(' 0.25 ')).toBe(15);
    expect(minutesFromHours('0.01')).toBe(1);
  });

  it('leaves an empty or non-number field for the API to refuse instead of sending 0', () => {
    expect(minutesFromHours('')).toBeNaN();
    expect(minutesFromHours('soon')).toBeNaN();
  });

  it('shows stored minutes as the hours the manager would type', () => {
    expect(hoursFromMinutes(1_440)).toBe('24');
    expect(hoursFromMinutes(90)).toBe('1.5');
    expect(hoursFromMinutes(20)).toBe('0.333');
    expect(minutesFromHours(hoursFromMinutes(20))).toBe(20);
  });
});
