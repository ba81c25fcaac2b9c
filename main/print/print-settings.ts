// Which printer each document type goes to, per device (device_meta, not replicated: printer
// names belong to this computer). No entry means "preview / save as PDF only".
import type { LocalStore } from '../store/local-store';
import { documentTypes, type DocumentType } from './pdf-renderer';

export type PrinterChoice = Partial<Record<DocumentType, string>>;

const META_KEY = 'print_printers';

export function readPrinterChoice(store: LocalStore): PrinterChoice {
  const raw = store.meta(META_KEY);
  if (!raw) return {};
  const parsed = JSON.parse(raw) as Record<string, unknown>;
  const choice: PrinterChoice = {};
  for (const type of documentTypes) if (typeof parsed[type] === 'string') choice[type] = parsed[type];
  return choice;
}

/** `null` clears the printer for that type. */
export function setPrinterFor(store: LocalStore, type: DocumentType, printerName: string | null): PrinterChoice {
  const choice = readPrinterChoice(store);
  if (printerName === null) delete choice[type];
  else choice[type] = printerName;
  store.setMeta(META_KEY, JSON.stringify(choice));
  return choice;
}
