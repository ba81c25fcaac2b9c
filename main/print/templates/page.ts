// The document frame every template shares: the page size as CSS (@page), so both renderers
// (Chromium's page.pdf, Electron's printToPDF, each with preferCSSPageSize) and a real printer
// use the stock the document was designed for.
import { html, trusted, type SafeHtml } from '../html';

export interface PageSize {
  /** CSS lengths, e.g. "2.25in". */
  width: string;
  height: string;
  margin: string;
}

export const pageSizes = {
  letter: { width: '8.5in', height: '11in', margin: '0.5in' },
  halfLetter: { width: '5.5in', height: '8.5in', margin: '0.4in' },
  /** 80 mm receipt paper, the usual front-desk slip printer. */
  receipt: { width: '80mm', height: '120mm', margin: '4mm' },
  /** Label stock: 2.25 x 1.25 in (e.g. DYMO 30334 / Zebra 2.25x1.25). */
  label: { width: '2.25in', height: '1.25in', margin: '0' },
} as const satisfies Record<string, PageSize>;

const baseCss = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #000; font-size: 10pt; line-height: 1.3; }
h1 { font-size: 14pt; margin: 0 0 4pt; }
h2 { font-size: 11pt; margin: 0 0 4pt; }
p { margin: 0 0 4pt; }
`;

export function documentHtml(title: string, size: PageSize, css: string, body: SafeHtml): string {
  // Only our own CSS: nothing in a template comes from a patient, and the renderer blocks
  // every request, so a printout can neither run code nor fetch anything.
  const pageCss = `@page { size: ${size.width} ${size.height}; margin: ${size.margin}; }`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${trusted(pageCss + baseCss + css)}</style></head>
<body>${body}</body></html>`.value;
}
