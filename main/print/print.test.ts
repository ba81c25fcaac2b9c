// Real PDFs from Debian's Chromium, read back with poppler-utils. One browser for the file.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveWallTime } from '../../db/rules/wallclock';
import { Fixtures, minute, openTestDesk, ZONE, type TestDesk } from '../api/testing/desk';
import { ChromiumPdfRenderer } from './chromium-renderer';
import { appointmentSlipHtml, checkInSlipHtml, daySheetHtml, patientLabelHtml } from './documents';
import { formatTime } from './format';
import { attachPrinting } from './print-service';
import { qrMatrix } from './qr';
import { pdfInfo, pdfPages } from './testing/pdf';
import { matrixFromQrSvg } from './testing/svg-qr';

const renderer = new ChromiumPdfRenderer();
let desk: TestDesk;
let fixtures: Fixtures;
let providerId: string;
let serviceId: string;

afterAll(() => renderer.close());
beforeEach(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  providerId = fixtures.provider('Dr. Imani Okafor');
  serviceId = fixtures.service(20);
  desk.store.sqlite.prepare(`update services set name = 'Annual physical', preparation = 'Fast for 8 hours. Bring your medication list.' where id = ?`).run(serviceId);
});
afterEach(() => desk.cleanup());

const codeOf = (appointmentId: string) =>
  (desk.store.sqlite.prepare('select confirmation_code as c from appointments where id = ?').get(appointmentId) as { c: string }).c;

describe('patient label', () => {
  it('is exactly one 2.25 x 1.25 in page (162 x 90 pt) with the patient on it', async () => {
    const patientId = fixtures.patient({ first_name: 'Marguerite-Alexandrine', last_name: 'Vandenberghe-Castellanos', date_of_birth: '1950-12-31' });
    const pdf = await renderer.renderPdf(patientLabelHtml(desk.store, patientId, null));
    expect(pdfInfo(pdf)).toEqual({ pages: 1, pageSize: '162 x 90 pts' });
    expect(pdfPages(pdf)[0]).toContain('DOB 1950-12-31');
  });
});

describe('appointment slip', () => {
  it('shows patient, local time, provider, preparation and a QR code of the confirmation code', async () => {
    // 14:30 in New York on a summer day is 18:30 UTC: the slip must say 2:30 PM.
    const startAt = resolveWallTime('2026-07-15', '14:30', ZONE);
    const patientId = fixtures.patient({ first_name: 'Lena', last_name: 'Hart' });
    const appointmentId = fixtures.appointment({ providerId, serviceId, patientId, startAt });
    const code = codeOf(appointmentId);

    const html = await appointmentSlipHtml(desk.store, appointmentId);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(matrixFromQrSvg(svg, 2)).toEqual(qrMatrix(code));

    const pdf = await renderer.renderPdf(html);
    const text = pdfPages(pdf).join('\n');
    expect(pdfInfo(pdf).pages).toBe(1);
    for (const expected of ['Lena Hart', 'Wednesday, July 15, 2026 at 2:30 PM', 'Dr. Imani Okafor', 'Annual physical', code, 'Fast for 8 hours.']) {
      expect(text).toContain(expected);
    }
  });

  it('prints a name with markup as text and never as markup', async () => {
    const patientId = fixtures.patient({ first_name: '<script>alert(1)</script>', last_name: '<img src=x onerror=alert(2)>' });
    const appointmentId = fixtures.appointment({ providerId, serviceId, patientId, startAt: resolveWallTime('2026-07-15', '09:00', ZONE) });
    desk.store.sqlite.prepare(`update appointments set notes = '</td></tr></table><h1>owned</h1>' where id = ?`).run(appointmentId);

    const slip = await appointmentSlipHtml(desk.store, appointmentId);
    const sheet = daySheetHtml(desk.store, { locationId: desk.locationId, date: '2026-07-15', providerId }, desk.clock.now);
    for (const html of [slip, sheet, checkInSlipHtml(desk.store, appointmentId, desk.clock.now), patientLabelHtml(desk.store, patientId, null)]) {
      expect(html).not.toMatch(/<script|<img|<h1>owned/);
    }
    expect(slip).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The check-in slip is one column, so its text reads back in order.
    const text = pdfPages(await renderer.renderPdf(checkInSlipHtml(desk.store, appointmentId, desk.clock.now))).join('\n');
    expect(text).toContain('<script>alert(1)</script>');
    // Long unbroken text may wrap anywhere; what matters is that the characters are all there.
    expect(text.replace(/\s+/g, '')).toContain('</td></tr></table><h1>owned</h1>');
  });
});

describe('day sheet', () => {
  const date = '2026-07-01';

  /** 60 visits over three providers, 08:00 to 17:50 local, with multi-line notes to make rows tall. */
  function busyDay() {
    const providers = [providerId, fixtures.provider('Dr. Bo Lindqvist'), fixtures.provider('Dr. Carmen Ruiz')];
    const visits: { code: string; time: string; patient: string; provider: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const startAt = resolveWallTime(date, '08:00', ZONE) + i * 10 * minute;
      const patient = `Patient${String(i).padStart(2, '0')}`;
      const patientId = fixtures.patient({ first_name: patient, last_name: 'Sheet' });
      const appointmentId = fixtures.appointment({ providerId: providers[i % 3]!, serviceId, patientId, startAt, durationMin: 10 });
      if (i % 4 === 0) desk.store.sqlite.prepare('update appointments set notes = ? where id = ?').run('Needs interpreter.\nWheelchair access.\nBring prior imaging.', appointmentId);
      const hour = 8 + Math.floor((i * 10) / 60);
      const time = `${hour % 12 === 0 ? 12 : hour % 12}:${String((i * 10) % 60).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
      visits.push({ code: codeOf(appointmentId), time, patient, provider: providers[i % 3]! });
    }
    return visits;
  }

  it('paginates 60 appointments without cutting a row, with local times on every page', async () => {
    const visits = busyDay();
    const pdf = await renderer.renderPdf(daySheetHtml(desk.store, { locationId: desk.locationId, date, providerId: null }, desk.clock.now));
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pdfInfo(pdf).pageSize).toBe('612 x 792 pts (letter)');
    for (const visit of visits) {
      const holding = pages.filter((page) => page.includes(visit.code));
      expect(holding, visit.code).toHaveLength(1);
      // The whole row is on that page: its local start time and its patient.
      expect(holding[0]).toContain(visit.time);
      expect(holding[0]).toContain(visit.patient);
    }
    for (const page of pages) expect(page).toMatch(/Time\s+Patient\s+Service\s+Provider\s+Status/);
    // 08:00 in New York in July is 12:00 UTC; a sheet in UTC would start at 12:00 PM.
    expect(pages[0]).toMatch(/8:00 AM.8:10 AM/);
    expect(pages.at(-1)).toMatch(/5:50 PM.6:00 PM/);
  });

  it('keeps to one provider on a provider\'s sheet', async () => {
    const visits = busyDay();
    const pdf = await renderer.renderPdf(daySheetHtml(desk.store, { locationId: desk.locationId, date, providerId }, desk.clock.now));
    const text = pdfPages(pdf).join('\n');
    expect(text).toContain('Day sheet: Dr. Imani Okafor');
    for (const visit of visits) {
      if (visit.provider === providerId) expect(text).toContain(visit.code);
      else expect(text).not.toContain(visit.code);
    }
  });
});

describe('check-in slip and the print API', () => {
  it('renders a check-in slip through print.pdf with the arrival and appointment times', async () => {
    attachPrinting(desk.store, { renderer, printer: null });
    const receptionist = await desk.signIn('receptionist');
    const patientId = fixtures.patient({ first_name: 'Omar', last_name: 'Saleh' });
    const appointmentId = fixtures.appointment({ providerId, serviceId, patientId, startAt: desk.clock.now + 10 * minute });
    const checkedIn = await desk.router.invoke('appointments.checkIn', { appointmentId }, receptionist);
    expect(checkedIn.ok).toBe(true);

    const result = await desk.router.invoke('print.pdf', { document: { type: 'check_in_slip', appointmentId } }, receptionist);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.value).toMatchObject({ mimeType: 'application/pdf', fileName: `check-in-${appointmentId}.pdf` });
    const pdf = Buffer.from(result.value.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfPages(pdf).join('\n');
    expect(text).toContain('Omar Saleh');
    // The arrival is when the store recorded the check-in (its audit event), on the location's clock.
    const audit = desk.store.sqlite.prepare(`select at from audit_events where entity_id = ? order by chain_seq desc limit 1`).get(appointmentId) as { at: number };
    expect(text).toContain(`Arrived ${formatTime(audit.at, ZONE)} for 12:10 PM`);
    expect(text).toContain(codeOf(appointmentId));
  });
});
