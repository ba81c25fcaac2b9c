// Hybrid logical clock (Kulkarni et al.): physical milliseconds plus a counter, so that
// timestamps respect causality even when wall clocks disagree. Formatted as a string that
// sorts correctly, as in Actual Budget: "<ms, 15 digits>-<counter, 4 hex>-<node, 16 hex>".

export type HlcTimestamp = string;

const MAX_COUNTER = 0xffff;
/** Remote timestamps further ahead than this are refused: a bad clock must not win every merge. */
export const MAX_DRIFT_MS = 5 * 60_000;
const NODE_PATTERN = /^[0-9a-f]{16}$/;
const HLC_PATTERN = /^(\d{15})-([0-9a-f]{4})-([0-9a-f]{16})$/;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

export class ClockDriftError extends Error {
  readonly code = 'clock_drift';
  constructor(readonly aheadMs: number) {
    super(`The timestamp is ${Math.round(aheadMs / 1000)} s ahead of this clock (limit ${MAX_DRIFT_MS / 1000} s); check the device's date and time.`);
  }
}

export function formatHlc({ millis, counter, node }: HlcParts): HlcTimestamp {
  return `${String(millis).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(ts: string): HlcParts | null {
  const m = HLC_PATTERN.exec(ts);
  if (!m) return null;
  return { millis: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isHlc(ts: unknown): ts is HlcTimestamp {
  return typeof ts === 'string' && HLC_PATTERN.test(ts);
}

export function maxHlc(a: HlcTimestamp | undefined, b: HlcTimestamp | undefined): HlcTimestamp | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

export class HybridClock {
  private millis = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly physicalNow: () => number = Date.now,
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`HLC node id must be 16 hex digits, got "${node}"`);
  }

  /** A timestamp for a local event; strictly greater than every timestamp seen so far. */
  now(): HlcTimestamp {
    const physical = this.physicalNow();
    if (physical > this.millis) {
      this.millis = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return formatHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  /** The newest timestamp issued or received so far (persisted so a restart never goes back). */
  last(): HlcTimestamp {
    return formatHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  /**
   * Fold in a timestamp received from elsewhere so later local events sort after it.
   * Refuses (without changing state) a timestamp too far ahead of the physical clock.
   */
  receive(ts: HlcTimestamp): void {
    const remote = parseHlc(ts);
    if (!remote) throw new Error(`Not an HLC timestamp: "${ts}"`);
    const physical = this.physicalNow();
    if (remote.millis - physical > MAX_DRIFT_MS) throw new ClockDriftError(remote.millis - physical);
    if (remote.millis > this.millis) {
      this.millis = remote.millis;
      this.counter = remote.counter;
    } else if (remote.millis === this.millis && remote.counter > this.counter) {
      this.counter = remote.counter;
    }
  }

  private bumpCounter(): void {
    if (this.counter >= MAX_COUNTER) {
      // 65,536 events within one millisecond: borrow the next millisecond rather than wrap.
      this.millis += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}

/** Ahead-of-clock check used by the server before merging a change. */
export function driftAheadMs(ts: HlcTimestamp, physicalNow: number): number {
  const parts = parseHlc(ts);
  return parts ? parts.millis - physicalNow : Number.POSITIVE_INFINITY;
}
