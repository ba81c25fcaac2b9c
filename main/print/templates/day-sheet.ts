// The day sheet: one location's (or one provider's) appointments for a local calendar day.
// Rows never split across pages (break-inside: avoid) and the column headings repeat on
// every page (a table's thead does that in Chromium's print layout).
import type { AppointmentStatus } from '../../../db/rules/types';
import { formatDate, formatTime } from '../format';
import { html } from '../html';
import { documentHtml, pageSizes } from './page';

export interface DaySheetRow {
  startAt: number;
  endAt: number;
  patientName: string;
  dateOfBirth: string | null;
  serviceName: string;
  providerName: string;
  status: AppointmentStatus;
  notes: string | null;
  confirmationCode: string;
}

export interface DaySheetView {
  clinicName: string;
  locationName: string;
  timeZone: string;
  date: string;
  /** Set for a provider's sheet; the provider column is left out then. */
  providerName: string | null;
  rows: DaySheetRow[];
  printedAt: number;
}

const statusLabels: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  checked_in: 'Checked in',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  late_cancelled: 'Cancelled late',
  no_show: 'No-show',
};

const css = `
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
th { text-align: left; font-size: 9pt; border-bottom: 1.5pt solid #000; padding: 3pt 4pt; }
td { vertical-align: top; border-bottom: 0.5pt solid #888; padding: 3pt 4pt; }
tr { break-inside: avoid; page-break-inside: avoid; }
.time { white-space: nowrap; width: 1%; }
.code { font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
.notes { font-size: 8.5pt; white-space: pre-wrap; overflow-wrap: anywhere; }
.struck td { color: #555; text-decoration: line-through; }
header { margin-bottom: 8pt; }
.meta { font-size: 8.5pt; color: #333; }
`;

export function renderDaySheet(view: DaySheetView): string {
  const zone = view.timeZone;
  const title = view.providerName ? `Day sheet: ${view.providerName}` : `Day sheet: ${view.locationName}`;
  const withProvider = view.providerName === null;
  const rows = view.rows.map((r) => {
    const isStruck = r.status === 'cancelled' || r.status === 'late_cancelled' || r.status === 'no_show';
    return html`<tr class="${isStruck ? 'struck' : ''}">
<td class="time">${formatTime(r.startAt, zone)}–${formatTime(r.endAt, zone)}</td>
<td>${r.patientName}${r.dateOfBirth ? html`<br><span class="meta">DOB ${r.dateOfBirth}</span>` : ''}</td>
<td>${r.serviceName}</td>
${withProvider ? html`<td>${r.providerName}</td>` : ''}
<td>${statusLabels[r.status]}</td>
<td class="code">${r.confirmationCode}</td>
<td class="notes">${r.notes ?? ''}</td>
</tr>`;
  });
  const body = html`<header>
<h1>${title}</h1>
<p>${view.clinicName} · ${view.locationName} · ${formatDate(view.date)}</p>
<p class="meta">${view.rows.length} appointment${view.rows.length === 1 ? '' : 's'} · times in ${zone} · printed ${formatTime(view.printedAt, zone)}</p>
</header>
<table>
<thead><tr><th>Time</th><th>Patient</th><th>Service</th>${withProvider ? html`<th>Provider</th>` : ''}<th>Status</th><th>Code</th><th>Notes</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="${withProvider ? 7 : 6}">No appointments.</td></tr>`}</tbody>
</table>`;
  return documentHtml(title, pageSizes.letter, css, body);
}
