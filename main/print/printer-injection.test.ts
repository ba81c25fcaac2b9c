// The Electron paths, with stand-ins for the windows the shell injects (Electron itself
// cannot load here), and the printer choice as the desk API uses it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Fixtures, minute, NOON, openTestDesk, type TestDesk } from '../api/testing/desk';
import { printCheckInSlips } from './auto-print';
import { ElectronPdfRenderer, ElectronSilentPrinter, type HiddenWindow, type PrintableContents } from './electron-renderer';
import type { PdfRenderer, SilentPrinter } from './pdf-renderer';
import { attachPrinting } from './print-service';

function fakeWindow(overrides: Partial<PrintableContents> = {}) {
  const log = { urls: [] as string[], pdfOptions: [] as unknown[], printOptions: [] as unknown[], destroyed: 0 };
  const window: HiddenWindow = {
    webContents: {
      loadURL: async (url) => void log.urls.push(url),
      printToPDF: async (options) => {
        log.pdfOptions.push(options);
        return new TextEncoder().encode('%PDF-fake');
      },
      print: (options, callback) => {
        log.printOptions.push(options);
        callback(true, '');
      },
      getPrintersAsync: async () => [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', isDefault: false }],
      ...overrides,
    },
    destroy: () => void log.destroyed++,
  };
  return { window, log };
}

const decodeDataUrl = (url: string) => Buffer.from(url.split(',')[1]!, 'base64').toString('utf8');

describe('Electron renderer and printer (injected windows)', () => {
  it('prints the HTML to PDF at the CSS page size and closes the window', async () => {
    const { window, log } = fakeWindow();
    const pdf = await new ElectronPdfRenderer(() => window).renderPdf('<p>Hello</p>');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-fake');
    expect(decodeDataUrl(log.urls[0]!)).toBe('<p>Hello</p>');
    expect(log.pdfOptions).toEqual([expect.objectContaining({ preferCSSPageSize: true })]);
    expect(log.destroyed).toBe(1);
  });

  it('closes the window when printing fails, and says why', async () => {
    const { window, log } = fakeWindow({ print: (_options, callback) => callback(false, 'Invalid printer settings') });
    await expect(new ElectronSilentPrinter(() => window).print('<p>x</p>', 'Zebra_GK420d')).rejects.toThrow(/Zebra_GK420d failed: Invalid printer settings/);
    expect(log.destroyed).toBe(1);
  });

  it('prints silently to the named printer', async () => {
    const { window, log } = fakeWindow();
    await new ElectronSilentPrinter(() => window).print('<p>x</p>', 'Brother_QL_820NWB');
    expect(log.printOptions).toEqual([expect.objectContaining({ silent: true, deviceName: 'Brother_QL_820NWB' })]);
  });
});

describe('printing to the printer set for a document type', () => {
  let desk: TestDesk;
  let receptionist: string;
  let fixtures: Fixtures;
  const printed: { html: string; printer: string }[] = [];
  const printer: SilentPrinter = {
    listPrinters: async () => [{ name: 'Front_Desk_Laser', displayName: 'Front desk laser', isDefault: true }],
    print: async (html, name) => void printed.push({ html, printer: name }),
  };
  const renderer: PdfRenderer = { renderPdf: async () => new Uint8Array(), close: async () => undefined };

  beforeEach(async () => {
    printed.length = 0;
    desk = await openTestDesk();
    receptionist = await desk.signIn('receptionist');
    fixtures = new Fixtures(desk.store, desk.locationId);
  });
  afterEach(() => desk.cleanup());

  function visit() {
    const patientId = fixtures.patient({ first_name: 'Ines', last_name: 'Moreau' });
    return fixtures.appointment({ providerId: fixtures.provider(), serviceId: fixtures.service(), patientId, startAt: NOON + 10 * minute });
  }

  it('refuses where there is no printer connection (browser host) or no printer chosen', async () => {
    const appointmentId = visit();
    const document = { type: 'appointment_slip', appointmentId };
    attachPrinting(desk.store, { renderer, printer: null });
    expect(await desk.router.invoke('print.send', { document }, receptionist)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    attachPrinting(desk.store, { renderer, printer });
    expect(await desk.router.invoke('print.send', { document }, receptionist)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(printed).toEqual([]);
  });

  it('sends each document type to its own printer', async () => {
    attachPrinting(desk.store, { renderer, printer });
    const appointmentId = visit();
    await desk.router.invoke('print.setPrinter', { documentType: 'appointment_slip', printerName: 'Front_Desk_Laser' }, receptionist);
    await desk.router.invoke('print.setPrinter', { documentType: 'patient_label', printerName: 'Label_Writer' }, receptionist);
    const settings = await desk.router.invoke('print.settings', {}, receptionist);
    expect(settings).toMatchObject({ ok: true, value: { printers: { appointment_slip: 'Front_Desk_Laser', patient_label: 'Label_Writer' }, canPrintDirectly: true } });

    const sent = await desk.router.invoke('print.send', { document: { type: 'appointment_slip', appointmentId } }, receptionist);
    expect(sent).toEqual({ ok: true, value: { printed: true, printerName: 'Front_Desk_Laser' } });
    expect(printed[0]!.html).toContain('Ines Moreau');
  });

  it('prints a check-in slip when a kiosk checks a patient in and a printer is set', async () => {
    attachPrinting(desk.store, { renderer, printer });
    const stop = printCheckInSlips(desk.store);
    try {
      await desk.router.invoke('print.setPrinter', { documentType: 'check_in_slip', printerName: 'Slip_Printer' }, receptionist);
      const appointmentId = visit();
      const code = (desk.store.sqlite.prepare('select confirmation_code as c from appointments where id = ?').get(appointmentId) as { c: string }).c;
      const pairing = await desk.router.invoke('kiosk.createPairingCode', { locationId: desk.locationId, name: 'Lobby' }, receptionist);
      if (!pairing.ok) throw new Error(JSON.stringify(pairing));
      const paired = await desk.router.invoke('kiosk.pair', { code: pairing.value.code });
      if (!paired.ok) throw new Error(JSON.stringify(paired));
      const found = await desk.router.invoke('kiosk.find', { kioskToken: paired.value.kioskToken, query: { by: 'code', code } });
      if (!found.ok || !found.value.appointment) throw new Error(JSON.stringify(found));
      await desk.router.invoke('kiosk.checkIn', { kioskToken: paired.value.kioskToken, ticket: found.value.appointment.ticket });
      await expect.poll(() => printed.length).toBe(1);
      expect(printed[0]).toMatchObject({ printer: 'Slip_Printer' });
      expect(printed[0]!.html).toContain('Checked in');
      expect(printed[0]!.html).toContain('Ines Moreau');
    } finally {
      stop();
    }
  });
});
