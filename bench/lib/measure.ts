// Timing helpers. Figures are reported as ratios to a baseline measured in the same run,
// because these machines are noisy; absolute numbers are printed for context only.

export interface Stats {
  median: number;
  p99: number;
  mean: number;
  samples: number;
}

export function stats(samplesMs: number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length, samples: sorted.length };
}

/** Time `fn` once per sample, in milliseconds. */
export function sample(fn: () => unknown, samples: number, warmup = Math.ceil(samples / 10)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/**
 * Measure a subject and its baseline in alternating rounds so that a noisy neighbour
 * slows both alike, then compare medians.
 */
export function compare(subject: () => unknown, baseline: () => unknown, { rounds = 10, perRound = 100 } = {}) {
  const s: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    s.push(...sample(subject, perRound, r === 0 ? perRound : 0));
    b.push(...sample(baseline, perRound, r === 0 ? perRound : 0));
  }
  const subjectStats = stats(s);
  const baselineStats = stats(b);
  return { subject: subjectStats, baseline: baselineStats, ratio: subjectStats.median / baselineStats.median };
}

export interface Figure {
  name: string;
  value: string;
  baseline: string;
  ratio?: number;
  target: string;
  met: boolean;
}

export const ms = (x: number) => `${x < 0.1 ? (x * 1000).toFixed(1) + ' µs' : x.toFixed(2) + ' ms'}`;
