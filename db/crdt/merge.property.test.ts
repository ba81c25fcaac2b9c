import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { mergeChange, type RowState } from './merge';

const columns = ['status', 'start_at', 'notes', 'provider_id'] as const;
const nodes = ['000000000000000a', '000000000000000b', '000000000000000c'];

// Small value and time domains on purpose: collisions (same column, close or equal
// timestamps, same or different values) are where merges go wrong.
const change = fc.record({
  column: fc.constantFrom(...columns),
  value: fc.oneof(fc.constantFrom('booked', 'cancelled', 'x'), fc.integer({ min: 0, max: 3 }), fc.constant(null)),
  millis: fc.integer({ min: 0, max: 6 }),
  counter: fc.integer({ min: 0, max: 2 }),
  node: fc.constantFrom(...nodes),
}).map(({ column, value, millis, counter, node }): RowState => {
  const ts = formatHlc({ millis, counter, node });
  return { values: { [column]: value }, hlc: { [column]: ts } };
});

const apply = (changes: RowState[], start?: RowState) => changes.reduce<RowState | undefined>((row, c) => mergeChange(row, c).row, start);
const canonical = (row: RowState | undefined) => JSON.stringify(Object.keys(row?.values ?? {}).sort().map((k) => [k, row!.values[k], row!.hlc[k]]));

describe('mergeChange', () => {
  it('converges whatever the delivery order (commutative)', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 25 }).chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))),
      ([changes, shuffled]) => {
        expect(canonical(apply(shuffled))).toBe(canonical(apply(changes)));
      }), { numRuns: 400 });
  });

  it('ignores duplicates and replays (idempotent)', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 20 }), (changes, repeats) => {
      const withRepeats = [...changes, ...repeats.filter(() => changes.length > 0).map((i) => changes[i % changes.length]!)];
      expect(canonical(apply(withRepeats))).toBe(canonical(apply(changes)));
    }), { numRuns: 300 });
  });

  it('groups freely: merging merged rows equals merging everything (associative)', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 15 }), fc.array(change, { maxLength: 15 }), fc.array(change, { maxLength: 15 }), (a, b, c) => {
      const left = apply([apply([...a, ...b])!, ...c].filter(Boolean) as RowState[]);
      const right = apply([...a, apply([...b, ...c])!].filter(Boolean) as RowState[]);
      expect(canonical(left)).toBe(canonical(right));
    }), { numRuns: 300 });
  });

  it('keeps, per column, the value written with the greatest timestamp', () => {
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 25 }), (changes) => {
      const merged = apply(changes)!;
      for (const column of columns) {
        const writes = changes.filter((c) => column in c.values);
        if (writes.length === 0) {
          expect(column in merged.values).toBe(false);
          continue;
        }
        const newest = writes.reduce((m, c) => (c.hlc[column]! > m ? c.hlc[column]! : m), '');
        expect(merged.hlc[column]).toBe(newest);
      }
    }), { numRuns: 300 });
  });

  it('reports which columns the change won', () => {
    const older = { values: { status: 'booked' }, hlc: { status: formatHlc({ millis: 1, counter: 0, node: nodes[0]! }) } };
    const newer = { values: { status: 'cancelled', notes: 'n' }, hlc: { status: formatHlc({ millis: 2, counter: 0, node: nodes[1]! }), notes: formatHlc({ millis: 2, counter: 0, node: nodes[1]! }) } };
    expect(mergeChange(older, newer).won).toEqual(['status', 'notes']);
    expect(mergeChange(mergeChange(older, newer).row, older).won).toEqual([]);
  });
});
