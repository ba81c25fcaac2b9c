// The print screens' strings, registered as their own namespace beside the desk's catalog
// (translate.ts registerCatalogs), so printing can grow without touching messages.en.ts. The
// language is the desk's (useI18n): one toggle switches both. Spanish is typed against English.
import { screenCatalog } from '../i18n/screen-catalog';

const printEn = {
  'entry.actions': 'Print',
  'entry.appointmentSlip': 'Slip',
  'entry.checkInSlip': 'Check-in slip',
  'entry.patientLabel': 'Label',
  'entry.daySheet': 'Day sheet',
  'title.appointment_slip': 'Appointment slip',
  'title.check_in_slip': 'Check-in slip',
  'title.patient_label': 'Patient label',
  'title.day_sheet': 'Day sheet',
  'preview.frame': 'Preview of {document}',
  'preview.loading': 'Preparing the PDF…',
  'preview.blankHint': 'If the preview stays blank, save the PDF and open it.',
  'preview.save': 'Save as PDF',
  'preview.print': 'Print on {printer}',
  'preview.printing': 'Sending to {printer}…',
  'preview.printed': 'Sent to {printer}.',
  'preview.noDirectPrinting': 'This computer cannot send documents straight to a printer. Save the PDF and print it from your PDF viewer.',
  'preview.noPrinterChosen': 'No printer is chosen for this kind of document on this computer. Save the PDF and print it from your PDF viewer.',
} as const;

export type PrintKey = keyof typeof printEn;

const printEs: { readonly [K in PrintKey]: string } = {
  'entry.actions': 'Imprimir',
  'entry.appointmentSlip': 'Comprobante',
  'entry.checkInSlip': 'Comprobante de llegada',
  'entry.patientLabel': 'Etiqueta',
  'entry.daySheet': 'Hoja del día',
  'title.appointment_slip': 'Comprobante de cita',
  'title.check_in_slip': 'Comprobante de llegada',
  'title.patient_label': 'Etiqueta del paciente',
  'title.day_sheet': 'Hoja del día',
  'preview.frame': 'Vista previa de {document}',
  'preview.loading': 'Preparando el PDF…',
  'preview.blankHint': 'Si la vista previa sigue en blanco, guarde el PDF y ábralo.',
  'preview.save': 'Guardar como PDF',
  'preview.print': 'Imprimir en {printer}',
  'preview.printing': 'Enviando a {printer}…',
  'preview.printed': 'Enviado a {printer}.',
  'preview.noDirectPrinting': 'Este equipo no puede enviar documentos directamente a una impresora. Guarde el PDF e imprímalo desde su visor de PDF.',
  'preview.noPrinterChosen': 'No hay impresora elegida para este tipo de documento en este equipo. Guarde el PDF e imprímalo desde su visor de PDF.',
};

export const usePrintText = screenCatalog('print', printEn, printEs);
