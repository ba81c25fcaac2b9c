// Numbers as the manager reads them. Rates arrive rounded to 4 decimals, so a percentage with
// up to 2 decimals shows exactly the number in the CSV, only scaled.
const locales: Record<string, string> = { en: 'en-US', es: 'es-US' };

export function localeOf(language: string): string {
  return locales[language] ?? 'en-US';
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
}

export function formatRate(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 2 }).format(value);
}

/** A rate as a chart's percentage (0.1234 -> 12.34), or null where there is none. */
export function percentOf(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 100;
}

export function shortId(id: string): string {
  return id.slice(-8);
}
