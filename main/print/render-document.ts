// One entry point from "which document" to its HTML and a file name, shared by the print
// operations and automatic printing.
import type { LocalStore } from '../store/local-store';
import { appointmentSlipHtml, checkInSlipHtml, daySheetHtml, patientLabelHtml } from './documents';
import type { DocumentType } from './pdf-renderer';

export type DocumentRequest =
  | { type: 'appointment_slip'; appointmentId: string }
  | { type: 'check_in_slip'; appointmentId: string }
  | { type: 'day_sheet'; locationId: string; date: string; providerId?: string }
  | { type: 'patient_label'; patientId: string; appointmentId?: string };

export interface RenderedHtml {
  type: DocumentType;
  html: string;
  fileName: string;
}

export async function documentHtml(store: LocalStore, request: DocumentRequest, now: number): Promise<RenderedHtml> {
  switch (request.type) {
    case 'appointment_slip':
      return { type: request.type, html: await appointmentSlipHtml(store, request.appointmentId), fileName: `appointment-${request.appointmentId}.pdf` };
    case 'check_in_slip':
      return { type: request.type, html: checkInSlipHtml(store, request.appointmentId, now), fileName: `check-in-${request.appointmentId}.pdf` };
    case 'day_sheet': {
      const who = request.providerId ? `provider-${request.providerId}` : `location-${request.locationId}`;
      return { type: request.type, html: daySheetHtml(store, { locationId: request.locationId, date: request.date, providerId: request.providerId ?? null }, now), fileName: `day-sheet-${request.date}-${who}.pdf` };
    }
    case 'patient_label':
      return { type: request.type, html: patientLabelHtml(store, request.patientId, request.appointmentId ?? null), fileName: `label-${request.patientId}.pdf` };
  }
}
