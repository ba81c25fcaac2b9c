// A button that opens the print preview for one document, so a screen adds printing with one
// element and keeps no print state of its own.
import { useState } from 'react';
import { PrintPreview, type PrintDocument } from './PrintPreview';
import { usePrintText, type PrintKey } from './messages';

interface PrintButtonProps {
  document: PrintDocument;
  label: Extract<PrintKey, `entry.${string}`>;
  className?: string;
}

export function PrintButton({ document, label, className = 'button-secondary' }: PrintButtonProps) {
  const { t } = usePrintText();
  // Taken when the button is pressed: the preview shows that document even if the screen moves on.
  const [shown, setShown] = useState<PrintDocument | null>(null);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setShown(document)}>
        {t(label)}
      </button>
      {shown ? <PrintPreview document={shown} onClose={() => setShown(null)} /> : null}
    </>
  );
}

// A check-in slip says when the patient arrived, so it is offered once they have.
const arrivedStatuses: readonly string[] = ['checked_in', 'in_progress', 'completed'];

/** The appointment dialog's print group: the slip, the patient's label, and the check-in slip once arrived. */
export function AppointmentPrintActions({ appointmentId, patientId, status }: { appointmentId: string; patientId: string; status: string }) {
  const { t } = usePrintText();
  return (
    <div className="action-row" role="group" aria-label={t('entry.actions')}>
      <PrintButton document={{ type: 'appointment_slip', appointmentId }} label="entry.appointmentSlip" />
      <PrintButton document={{ type: 'patient_label', patientId, appointmentId }} label="entry.patientLabel" />
      {arrivedStatuses.includes(status) ? <PrintButton document={{ type: 'check_in_slip', appointmentId }} label="entry.checkInSlip" /> : null}
    </div>
  );
}
