/** Exponential backoff with full jitter, so many desks coming back online do not retry in step. */
export function backoffDelay(failures: number, { baseMs = 500, maxMs = 30_000, random = Math.random } = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
