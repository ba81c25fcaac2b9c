import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridClock, MAX_DRIFT_MS, formatHlc, parseHlc } from './hlc';

const NODE_A = '00000000000000aa';
const NODE_B = '00000000000000bb';

describe('HybridClock', () => {
  it('issues strictly increasing timestamps even when the wall clock stands still or steps back', () => {
    let now = 1_000_000;
    const clock = new HybridClock(NODE_A, () => now);
    const a = clock.now();
    const b = clock.now();
    now -= 5_000;
    const c = clock.now();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(c)).toEqual({ millis: 1_000_000, counter: 2, node: NODE_A });
  });

  it('orders a local event after every timestamp it has received', () => {
    const slow = new HybridClock(NODE_A, () => 1_000);
    const fast = new HybridClock(NODE_B, () => 90_000);
    const remote = fast.now();
    slow.receive(remote);
    expect(slow.now() > remote).toBe(true);
  });

  it('refuses a timestamp more than five minutes ahead and keeps its state', () => {
    const clock = new HybridClock(NODE_A, () => 1_000_000);
    const before = clock.now();
    const ahead = formatHlc({ millis: 1_000_000 + MAX_DRIFT_MS + 1, counter: 0, node: NODE_B });
    expect(() => clock.receive(ahead)).toThrow(ClockDriftError);
    expect(clock.now() < ahead).toBe(true);
    expect(clock.now() > before).toBe(true);
  });

  it('sorts as strings exactly as it sorts as (millis, counter, node)', () => {
    const a = formatHlc({ millis: 9, counter: 0xffff, node: NODE_B });
    const b = formatHlc({ millis: 10, counter: 0, node: NODE_A });
    expect(a < b).toBe(true);
  });

  it('borrows the next millisecond instead of wrapping the counter', () => {
    const clock = new HybridClock(NODE_A, () => 5);
    let last = clock.now();
    for (let i = 0; i < 70_000; i++) {
      const next = clock.now();
      if (next <= last) throw new Error(`not increasing at ${i}`);
      last = next;
    }
    expect(parseHlc(last)!.millis).toBe(6);
  });

  it('rejects malformed node ids and timestamps', () => {
    expect(() => new HybridClock('xyz')).toThrow(/16 hex/);
    expect(() => new HybridClock(NODE_A).receive('yesterday')).toThrow(/Not an HLC/);
  });
});
