// Printing from the desk: preview / save as PDF (the PDF comes back base64-encoded, for a
// blob URL or a save dialog in the renderer), sending to the printer set for the document
// type (desktop app only), and the per-device printer choice.
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import { documentTypes } from '../print/pdf-renderer';
import { readPrinterChoice, setPrinterFor } from '../print/print-settings';
import { printingFor } from '../print/print-service';
import { documentHtml, type DocumentRequest } from '../print/render-document';
import { defineOperations, refuse, staffOperation, staffRoles } from './operation';
import { calendarDate, entityId } from './schedule';

const documentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('appointment_slip'), appointmentId: entityId }),
  z.object({ type: z.literal('check_in_slip'), appointmentId: entityId }),
  z.object({ type: z.literal('day_sheet'), locationId: entityId, date: calendarDate, providerId: entityId.optional() }),
  z.object({ type: z.literal('patient_label'), patientId: entityId, appointmentId: entityId.optional() }),
]) satisfies z.ZodType<DocumentRequest>;

export interface PdfDocument {
  fileName: string;
  mimeType: 'application/pdf';
  pdfBase64: string;
  byteLength: number;
}

export const printOperations = defineOperations('print', {
  pdf: staffOperation({
    description: 'print documents',
    roles: staffRoles,
    input: z.object({ document: documentRequest }),
    handler: async (call, { document }): Promise<PdfDocument> => {
      const rendered = await documentHtml(call.store, document, call.now);
      const pdf = await printingFor(call.store).renderer.renderPdf(rendered.html);
      return { fileName: rendered.fileName, mimeType: 'application/pdf', pdfBase64: Buffer.from(pdf).toString('base64'), byteLength: pdf.byteLength };
    },
  }),

  send: staffOperation({
    description: 'print documents',
    roles: staffRoles,
    input: z.object({ document: documentRequest }),
    handler: async (call, { document }) => {
      const { printer } = printingFor(call.store);
      if (!printer) throw refuse('not_allowed', say('refusal.printFromBrowser'));
      const printerName = readPrinterChoice(call.store)[document.type];
      if (!printerName) throw refuse('not_allowed', say('refusal.noPrinter'));
      const rendered = await documentHtml(call.store, document, call.now);
      await printer.print(rendered.html, printerName);
      return { printed: true as const, printerName };
    },
  }),

  settings: staffOperation({
    description: 'see printer settings',
    roles: staffRoles,
    input: z.object({}),
    isActivity: false,
    handler: async (call) => {
      const { printer } = printingFor(call.store);
      return { printers: readPrinterChoice(call.store), canPrintDirectly: printer !== null, available: printer ? await printer.listPrinters() : [] };
    },
  }),

  setPrinter: staffOperation({
    description: 'choose printers',
    roles: ['receptionist', 'manager', 'admin'],
    input: z.object({ documentType: z.enum(documentTypes), printerName: z.string().trim().min(1).max(200).nullable() }),
    handler: (call, { documentType, printerName }) => ({ printers: setPrinterFor(call.store, documentType, printerName) }),
  }),
});
