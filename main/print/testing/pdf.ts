// Reading generated PDFs back with poppler-utils, as a person would see them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfInfo(pdf: Uint8Array): { pages: number; pageSize: string } {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const pageSize = /^Page size:\s+(.+?)\s*$/m.exec(out)?.[1] ?? '';
  return { pages, pageSize };
}

/** The text of each page, in reading order. */
export function pdfPages(pdf: Uint8Array): string[] {
  return withFile(pdf, (file) => {
    const { pages } = pdfInfo(pdf);
    return Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
  });
}
