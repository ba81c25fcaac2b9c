// How long a failed job waits before its next attempt: doubling from `baseMs` up to `maxMs`,
// with jitter so that jobs that failed together (a provider outage) do not retry together.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** attempt: 1 after the first failure. random: [0, 1), injectable so tests are exact. */
export function retryDelayMs(attempt: number, { baseMs, maxMs }: BackoffOptions = defaultBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
