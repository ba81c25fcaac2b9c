// Printed at the desk when a patient checks in (at the kiosk or the desk): who arrived, when,
// and for which visit, so the clinical team can pick the chart.
import { formatDateOf, formatTime } from '../format';
import { html } from '../html';
import { documentHtml, pageSizes } from './page';

export interface CheckInSlipView {
  locationName: string;
  timeZone: string;
  patientName: string;
  dateOfBirth: string;
  startAt: number;
  checkedInAt: number;
  providerName: string;
  serviceName: string;
  confirmationCode: string;
  notes: string | null;
}

const css = `
body { font-size: 9.5pt; }
.big { font-size: 13pt; font-weight: bold; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; border-top: 0.5pt solid #000; padding-top: 3pt; }
`;

export function renderCheckInSlip(view: CheckInSlipView): string {
  const zone = view.timeZone;
  const body = html`<h1>Checked in</h1>
<p class="big">${view.patientName}</p>
<p>DOB ${view.dateOfBirth}</p>
<p>Arrived ${formatTime(view.checkedInAt, zone)} for ${formatTime(view.startAt, zone)}<br>${formatDateOf(view.startAt, zone)}</p>
<p>${view.serviceName}<br>${view.providerName}</p>
<p>${view.locationName} · ${view.confirmationCode}</p>
${view.notes ? html`<p class="notes">${view.notes}</p>` : ''}`;
  return documentHtml(`Check-in ${view.confirmationCode}`, pageSizes.receipt, css, body);
}
