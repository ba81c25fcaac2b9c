// PDFs and silent printing in the desktop app. This file never imports 'electron' (tests run
// in plain Node): the shell in main/electron/ passes a factory for hidden windows, typed here
// by the few members used, which Electron's BrowserWindow and WebContents satisfy.
import type { PdfRenderer, SilentPrinter } from './pdf-renderer';

export interface PrintableContents {
  loadURL(url: string): Promise<void>;
  printToPDF(options: { preferCSSPageSize?: boolean; printBackground?: boolean; generateTaggedPDF?: boolean }): Promise<Uint8Array>;
  print(options: { silent?: boolean; deviceName?: string; printBackground?: boolean }, callback: (success: boolean, failureReason: string) => void): void;
  getPrintersAsync(): Promise<{ name: string; displayName: string; isDefault: boolean }[]>;
}

export interface HiddenWindow {
  webContents: PrintableContents;
  destroy(): void;
}

/**
 * Must create a window that is never shown, with JavaScript disabled, a sandbox, no preload
 * and no network (e.g. `new BrowserWindow({ show: false, webPreferences: { javascript: false,
 * sandbox: true } })` plus a session that cancels every request).
 */
export type HiddenWindowFactory = () => HiddenWindow;

const toDataUrl = (html: string) => `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;

async function withWindow<T>(create: HiddenWindowFactory, html: string, use: (contents: PrintableContents) => Promise<T>): Promise<T> {
  const window = create();
  try {
    await window.webContents.loadURL(toDataUrl(html));
    return await use(window.webContents);
  } finally {
    window.destroy();
  }
}

export class ElectronPdfRenderer implements PdfRenderer {
  constructor(private readonly createWindow: HiddenWindowFactory) {}

  renderPdf(html: string): Promise<Uint8Array> {
    return withWindow(this.createWindow, html, async (contents) =>
      new Uint8Array(await contents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true })));
  }

  async close(): Promise<void> {}
}

export class ElectronSilentPrinter implements SilentPrinter {
  constructor(private readonly createWindow: HiddenWindowFactory) {}

  listPrinters() {
    return withWindow(this.createWindow, '<!doctype html><title>printers</title>', (contents) => contents.getPrintersAsync());
  }

  print(html: string, printerName: string): Promise<void> {
    return withWindow(this.createWindow, html, (contents) => new Promise<void>((resolve, reject) => {
      // deviceName is the system's printer name (e.g. "Brother_QL_820NWB"), not the display name.
      contents.print({ silent: true, deviceName: printerName, printBackground: true }, (success, failureReason) => {
        if (success) resolve();
        else reject(new Error(`Printing to ${printerName} failed: ${failureReason}`));
      });
    }));
  }
}
