// Seeded randomness for the demo clinic. Everything the generator draws comes from here, so
// the same seed gives the same clinic on every machine (no Math.random, no clock).

/** 32-bit avalanche mix (the murmur3 finalizer), used to turn labels and seeds into states. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashLabel(label: string): number {
  let h = 0x811c9dc5; // FNV-1a offset basis
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for demo data (not for secrets). */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed) >>> 0;
  }

  /** An independent stream for one part of the clinic, so adding patients does not reshuffle providers. */
  fork(label: string): SeededRandom {
    return new SeededRandom(mix32(this.state ^ hashLabel(label)));
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Fisher-Yates on a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * A UUID in the version 7 layout (48-bit millisecond timestamp, version, variant) whose
 * random bits come from the seeded stream: sortable by creation time, and reproducible.
 */
export function seededUuid(rng: SeededRandom, millis: number): string {
  const ms = hex(Math.max(0, Math.floor(millis)), 12).slice(-12);
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  const randA = a & 0x0fff;
  const variant = 0x8000 | ((a >>> 12) & 0x3fff);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(randA, 3)}-${hex(variant, 4)}-${hex(b >>> 16, 4)}${hex(c, 8)}`;
}
