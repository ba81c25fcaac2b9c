// How a store's device prints: the PDF renderer and, in the desktop app, the silent printer.
// The Electron shell attaches its own (printToPDF, named printers); anywhere else the first
// PDF request starts Chromium. Keyed by store so API operations reach it through their Call.
import type { LocalStore } from '../store/local-store';
import { ChromiumPdfRenderer } from './chromium-renderer';
import type { PdfRenderer, SilentPrinter } from './pdf-renderer';

export interface PrintServices {
  renderer: PdfRenderer;
  printer: SilentPrinter | null;
}

const attached = new WeakMap<LocalStore, PrintServices>();

export function attachPrinting(store: LocalStore, services: PrintServices): void {
  attached.set(store, services);
}

export function printingFor(store: LocalStore): PrintServices {
  let services = attached.get(store);
  if (!services) {
    services = { renderer: new ChromiumPdfRenderer(), printer: null };
    attached.set(store, services);
  }
  return services;
}
