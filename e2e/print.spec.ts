// Printing from the desk and the desk's check-in notice, end to end against the real host:
// the preview's "Save as PDF" is a real download whose bytes are read back (pdftotext), and the
// kiosk checks a patient in while another browser context holds the desk. Build the renderer
// into your own folder with FRONTDESK_E2E_STATIC_DIR when another build is in use.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { Temporal } from 'temporal-polyfill';
import { seriousViolations } from './support/axe';
import { expect, signIn, test } from './support/fixtures';
import { DeskApi, escapeRegExp, kioskClock, pairKiosk, takeVisit } from './support/kiosk';
import type { TestDeskHost } from './support/start-desk';

async function openAppointment(page: Page, label: string): Promise<Locator> {
  const event = page.getByRole('main', { name: 'Schedule' }).getByRole('button', { name: new RegExp(escapeRegExp(label)) });
  await event.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: new RegExp(escapeRegExp(label)) });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Presses "Save as PDF" and returns the downloaded file's name, bytes and text. */
async function saveAsPdf(page: Page, preview: Locator) {
  const downloaded = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save as PDF' }).click();
  const download = await downloaded;
  const path = await download.path();
  const bytes = await readFile(path);
  return { fileName: download.suggestedFilename(), bytes, text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }) };
}

function clinicToday(desk: TestDeskHost): string {
  return Temporal.Instant.fromEpochMilliseconds(desk.now()).toZonedDateTimeISO(desk.timeZone).toPlainDate().toString();
}

test('the appointment slip previews and saves as a PDF, and the day sheet prints for the one provider shown', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await takeVisit(api, desk, 'early');
  // Nothing else may download: a preview frame that fell back to downloading would hide a broken button.
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  // A frame the CSP refuses still has a box on the page; Chromium says so only in the console.
  const refusals: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refusals.push(m.text());
  });
  await signIn(page, desk);

  const appointment = await openAppointment(page, visit.label);
  await appointment.getByRole('button', { name: 'Slip', exact: true }).click();
  const preview = page.getByRole('dialog', { name: 'Appointment slip' });
  await expect(preview.locator('iframe[title="Preview of Appointment slip"]')).toBeVisible();
  await expect(preview).toContainText('This computer cannot send documents straight to a printer.');
  await expect(preview.getByRole('button', { name: /^Print on/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  expect(downloads).toEqual([]);
  expect(refusals).toEqual([]);

  const slip = await saveAsPdf(page, preview);
  expect(slip.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(slip.fileName).toMatch(/\.pdf$/);
  expect(slip.text).toContain(visit.firstName);
  expect(slip.text).toContain(visit.code);

  // Back to the appointment, then out to the day view, by keyboard.
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(appointment.getByRole('button', { name: 'Slip', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(appointment).toHaveCount(0);

  const location = (await api.call('schedule.locations', {}))[0]!;
  const { appointments } = await api.call('schedule.dayView', { locationId: location.id, date: clinicToday(desk) });
  const shown = appointments.find((a) => a.id === visit.appointmentId)!;
  // Confirmation codes are unique; names may repeat across providers.
  const other = appointments.find((a) => a.providerId !== shown.providerId)!;
  const otherCode = (await api.call('appointments.get', { appointmentId: other.id })).appointment.confirmationCode;
  await page.getByRole('button', { name: 'Show none' }).click();
  await page.getByRole('checkbox', { name: shown.providerName! }).check();

  await page.getByRole('button', { name: 'Day sheet' }).click();
  const sheet = page.getByRole('dialog', { name: 'Day sheet' });
  await expect(sheet.locator('iframe[title="Preview of Day sheet"]')).toBeVisible();
  const daySheet = await saveAsPdf(page, sheet);
  expect(daySheet.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(daySheet.text).toContain(`Day sheet: ${shown.providerName!}`);
  expect(daySheet.text).toContain(visit.code);
  expect(daySheet.text).not.toContain(otherCode);
  expect(downloads).toEqual([slip.fileName, daySheet.fileName]);
});

/**
 * A visit the kiosk may check in now. The kiosk finds it by its code, so the patient may have
 * other visits today; those visits come first, as the kiosk and schedule tests on this desk
 * need patients with only one (support/kiosk.ts takeVisit, appointmentReadyForCheckIn).
 */
async function visitOpenForCheckIn(api: DeskApi, desk: TestDeskHost) {
  const minute = 60_000;
  const now = desk.now();
  const location = (await api.call('schedule.locations', {}))[0]!;
  const { appointments } = await api.call('schedule.dayView', { locationId: location.id, date: clinicToday(desk) });
  const visitsOf = (patientId: string) => appointments.filter((a) => a.patientId === patientId).length;
  // Inside the kiosk's window (an hour before to 15 minutes after), with room for the clock to run on.
  const open = appointments.filter((a) => (a.status === 'booked' || a.status === 'confirmed') && a.startAt > now - 5 * minute && a.startAt < now + 50 * minute
    && a.patientFirstName && a.patientLastName && a.providerName);
  const visit = open.find((a) => visitsOf(a.patientId) > 1) ?? open.at(-1);
  if (!visit) throw new Error('No visit at the clinic is open for a kiosk check-in.');
  const { appointment } = await api.call('appointments.get', { appointmentId: visit.id });
  return { code: appointment.confirmationCode, startAt: visit.startAt, firstName: visit.patientFirstName!, lastName: visit.patientLastName!, providerName: visit.providerName! };
}

test('the desk announces a kiosk check-in in a dismissable notice', async ({ page, desk, browser }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await visitOpenForCheckIn(api, desk);

  const deskContext = await browser.newContext();
  const deskPage = await deskContext.newPage();
  await deskPage.clock.install({ time: desk.now() });
  await signIn(deskPage, desk);
  const notices = deskPage.getByRole('region', { name: 'Notifications' }).getByRole('status');
  await expect(notices).toBeAttached();
  await expect(notices).toBeEmpty();

  await pairKiosk(page, desk, api);
  await page.getByRole('button', { name: 'Use my confirmation code' }).click();
  await page.getByLabel('Confirmation code').fill(visit.code);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { name: `You are all set, ${visit.firstName}` })).toBeVisible();

  const message = `${visit.firstName} ${visit.lastName} checked in for ${kioskClock(visit.startAt, desk.timeZone)} with ${visit.providerName}.`;
  await expect(notices).toHaveText(new RegExp(`^${escapeRegExp(message)}`), { timeout: 2_000 });
  const dismiss = notices.getByRole('button', { name: `Dismiss: ${message}` });
  await dismiss.focus();
  await expect(dismiss).toBeFocused();
  expect(await seriousViolations(deskPage)).toEqual([]);
  await deskPage.keyboard.press('Enter');
  await expect(notices).toBeEmpty();
  await deskContext.close();
});
