import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatWallClock,
  getIsoWeekday,
  getStartOfDay,
  listDates,
  parseWallTime,
  readWallClock,
  resolveWallTime,
} from './wallclock';

const newYork = 'America/New_York';
const london = 'Europe/London';
const lordHowe = 'Australia/Lord_Howe';

const at = (iso: string): number => Date.parse(iso);

describe('resolveWallTime', () => {
  it('converts an ordinary wall time with the offset in force that day', () => {
    expect(resolveWallTime('2026-01-15', '09:00', newYork)).toBe(at('2026-01-15T14:00Z'));
    expect(resolveWallTime('2026-07-15', '09:00', newYork)).toBe(at('2026-07-15T13:00Z'));
  });

  it('moves a wall time inside the spring-forward gap to the first real instant after it', () => {
    expect(formatWallClock(resolveWallTime('2026-03-08', '02:30', newYork), newYork)).toBe('2026-03-08T03:00-04:00');
    expect(resolveWallTime('2026-03-08', '02:00', newYork)).toBe(resolveWallTime('2026-03-08', '03:00', newYork));
    expect(formatWallClock(resolveWallTime('2026-03-29', '01:30', london), london)).toBe('2026-03-29T02:00+01:00');
    expect(formatWallClock(resolveWallTime('2026-10-04', '02:15', lordHowe), lordHowe)).toBe('2026-10-04T02:30+11:00');
  });

  it('takes the first occurrence of a wall time repeated by fall back', () => {
    expect(formatWallClock(resolveWallTime('2026-11-01', '01:30', newYork), newYork)).toBe('2026-11-01T01:30-04:00');
    expect(formatWallClock(resolveWallTime('2026-10-25', '01:00', london), london)).toBe('2026-10-25T01:00+01:00');
    expect(formatWallClock(resolveWallTime('2026-04-05', '01:45', lordHowe), lordHowe)).toBe('2026-04-05T01:45+11:00');
  });

  it('reads 24:00 as midnight at the start of the next day', () => {
    expect(resolveWallTime('2026-03-07', '24:00', newYork)).toBe(resolveWallTime('2026-03-08', '00:00', newYork));
  });

  it('gives the same answer from its cache as on first call', () => {
    const first = resolveWallTime('2026-11-01', '01:15', newYork);
    expect(resolveWallTime('2026-11-01', '01:15', newYork)).toBe(first);
    expect(first).toBe(at('2026-11-01T05:15Z'));
  });

  it('rejects malformed wall times and dates', () => {
    expect(() => resolveWallTime('2026-01-15', '9:00', newYork)).toThrow(RangeError);
    expect(() => resolveWallTime('2026-01-15', '24:30', newYork)).toThrow(RangeError);
    expect(() => listDates('2026-1-1', '2026-01-03')).toThrow(RangeError);
  });
});

describe('readWallClock', () => {
  it('tells the two 01:30s of a fall-back night apart by offset', () => {
    expect(readWallClock(at('2026-11-01T05:30Z'), newYork)).toEqual({ date: '2026-11-01', time: '01:30', offset: '-04:00' });
    expect(readWallClock(at('2026-11-01T06:30Z'), newYork)).toEqual({ date: '2026-11-01', time: '01:30', offset: '-05:00' });
  });

  it('puts an instant on the local calendar day, not the UTC one', () => {
    expect(readWallClock(at('2026-06-01T02:00Z'), newYork).date).toBe('2026-05-31');
    expect(readWallClock(at('2026-06-01T02:00Z'), lordHowe).date).toBe('2026-06-01');
  });
});

describe('calendar dates', () => {
  it('lists every date of a range, both ends included, across month and year ends', () => {
    expect(listDates('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(listDates('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(listDates('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    expect(getIsoWeekday('2026-03-09')).toBe(1);
    expect(getIsoWeekday('2026-03-08')).toBe(7);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('starts a day at its first real instant, whatever the DST change that night', () => {
    expect(getStartOfDay('2026-03-08', newYork)).toBe(at('2026-03-08T05:00Z'));
    expect(getStartOfDay('2026-03-09', newYork)).toBe(at('2026-03-09T04:00Z'));
    // Santiago moves its clocks at midnight: 2026-09-06 starts at 01:00.
    expect(formatWallClock(getStartOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06T01:00-03:00');
  });

  it('parses wall times into minutes since midnight', () => {
    expect(parseWallTime('00:00')).toBe(0);
    expect(parseWallTime('17:45')).toBe(1065);
    expect(parseWallTime('24:00')).toBe(1440);
  });
});
