// A chart / specimen label on 2.25 x 1.25 in stock: exactly one label per document, so the
// body is clipped to the label rather than spilling onto a second one.
import { html } from '../html';
import { documentHtml, pageSizes } from './page';

export interface PatientLabelView {
  patientName: string;
  dateOfBirth: string;
  /** The first characters of the patient's id: enough to tell two same-named patients apart. */
  patientRef: string;
  line: string | null;
}

const css = `
html, body { width: 2.25in; height: 1.25in; overflow: hidden; }
body { padding: 0.08in 0.1in; font-size: 8pt; line-height: 1.2; }
.name { font-size: 10.5pt; font-weight: bold; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
p { margin: 0 0 1pt; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
`;

export function renderPatientLabel(view: PatientLabelView): string {
  const body = html`<p class="name">${view.patientName}</p>
<p>DOB ${view.dateOfBirth}</p>
<p>ID ${view.patientRef}</p>
${view.line ? html`<p>${view.line}</p>` : ''}`;
  return documentHtml(`Label ${view.patientRef}`, pageSizes.label, css, body);
}
