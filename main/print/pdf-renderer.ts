// Turning a template's HTML into PDF bytes. Two implementations behind one interface:
// Chromium through playwright-core (tests, the browser host) and Electron's printToPDF (the
// desktop app). Both honour the template's @page size.
export interface PdfRenderer {
  renderPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Document types a front desk prints; each may have its own printer in settings. */
export const documentTypes = ['appointment_slip', 'day_sheet', 'check_in_slip', 'patient_label'] as const;
export type DocumentType = (typeof documentTypes)[number];

/**
 * Silent printing to a named printer: only the Electron shell can do it (Chromium's print
 * dialog-free path). Where no printer driver is reachable (browser host, tests) there is none.
 */
export interface SilentPrinter {
  listPrinters(): Promise<{ name: string; displayName: string; isDefault: boolean }[]>;
  print(html: string, printerName: string): Promise<void>;
}
