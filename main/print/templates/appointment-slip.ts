// The slip a patient takes home: when, where, with whom, how to prepare, and the QR code of
// the confirmation code that the kiosk scans to check in.
import { formatDateOf, formatTime } from '../format';
import { html, type SafeHtml } from '../html';
import { documentHtml, pageSizes } from './page';

export interface AppointmentSlipView {
  clinicName: string;
  locationName: string;
  locationAddress: string | null;
  locationPhone: string | null;
  timeZone: string;
  patientName: string;
  startAt: number;
  providerName: string;
  serviceName: string;
  preparation: string | null;
  confirmationCode: string;
  qrSvg: SafeHtml;
}

const css = `
.qr { width: 1.6in; height: 1.6in; float: right; margin-left: 8pt; }
.qr svg { width: 100%; height: 100%; }
.when { font-size: 13pt; font-weight: bold; margin: 6pt 0; }
.code { font-family: "DejaVu Sans Mono", monospace; font-size: 14pt; }
.prep { border-top: 1pt solid #000; margin-top: 10pt; padding-top: 6pt; white-space: pre-wrap; overflow-wrap: anywhere; }
.small { font-size: 8.5pt; }
`;

export function renderAppointmentSlip(view: AppointmentSlipView): string {
  const zone = view.timeZone;
  const body = html`<div class="qr" aria-label="QR code of the confirmation code">${view.qrSvg}</div>
<h1>${view.clinicName}</h1>
<p>${view.locationName}${view.locationAddress ? html`<br>${view.locationAddress}` : ''}${view.locationPhone ? html`<br>${view.locationPhone}` : ''}</p>
<h2>Appointment for ${view.patientName}</h2>
<p class="when">${formatDateOf(view.startAt, zone)} at ${formatTime(view.startAt, zone)}</p>
<p>${view.serviceName} with ${view.providerName}</p>
<p>Confirmation code: <span class="code">${view.confirmationCode}</span></p>
<p class="small">At the kiosk, scan this code or type it to check in.</p>
<div class="prep"><h2>How to prepare</h2><p>${view.preparation?.trim() || 'No special preparation is needed.'}</p></div>
<p class="small">Need to change or cancel? Call ${view.locationPhone ?? 'the front desk'}.</p>`;
  return documentHtml(`Appointment ${view.confirmationCode}`, pageSizes.halfLetter, css, body);
}
