// HTML built only through the `html` tag: every interpolated value is escaped unless it is a
// fragment the tag itself produced. Patient names, notes and preparation text come from
// people; a name like "<script>" must print as those characters, never run or reshape a page.
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** Markup the tag built (or an SVG the QR encoder produced from an escaped-safe alphabet). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Only for markup produced by code in this folder from non-patient input. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
