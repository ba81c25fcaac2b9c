// "A check-in slip prints if a printer is set": when a kiosk checks a patient in, print the
// slip silently on the printer chosen for check-in slips. Only the desktop app has a silent
// printer; elsewhere this does nothing. A failed print is logged, never undoes the check-in.
import { kioskStateFor, type KioskCheckInEvent } from '../api/kiosk-state';
import type { LocalStore } from '../store/local-store';
import { checkInSlipHtml } from './documents';
import { readPrinterChoice } from './print-settings';
import { printingFor } from './print-service';

export function printCheckInSlips(store: LocalStore, logger: { error(message: string, error: unknown): void } = console): () => void {
  const onCheckedIn = (event: KioskCheckInEvent) => {
    const printerName = readPrinterChoice(store).check_in_slip;
    const { printer } = printingFor(store);
    if (!printerName || !printer) return;
    void (async () => {
      try {
        await printer.print(checkInSlipHtml(store, event.appointmentId, event.at), printerName);
      } catch (e) {
        logger.error(`Could not print the check-in slip on ${printerName}`, e);
      }
    })();
  };
  const events = kioskStateFor(store).events;
  events.on('checkedIn', onCheckedIn);
  return () => void events.off('checkedIn', onCheckedIn);
}
