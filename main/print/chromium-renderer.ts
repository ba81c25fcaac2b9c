// PDFs from Debian's Chromium via playwright-core: where Electron is absent (tests, the
// browser host). One browser per renderer, one short-lived page per document; JavaScript off
// and every network request refused, since a printout needs neither.
import { chromium, type Browser } from 'playwright-core';
import type { PdfRenderer } from './pdf-renderer';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly executablePath = CHROMIUM_PATH) {}

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({ executablePath: this.executablePath, args: CHROMIUM_FLAGS, headless: true }).catch((e: unknown) => {
      this.browser = null;
      throw e;
    });
    return this.browser;
  }

  async renderPdf(html: string): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending).close();
  }
}
