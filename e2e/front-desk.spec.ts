// The receptionist's day, end to end: a real sync server, a real encrypted device database,
// the browser host and the built renderer, driven as a person would (role, label, keyboard).
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';
import type { TestDeskHost } from './support/start-desk';

let nextPatient = 0;
function takePatient(desk: TestDeskHost) {
  const patient = desk.patients[nextPatient++];
  if (!patient) throw new Error('Out of demo patients for this run.');
  return { ...patient, label: `${patient.lastName}, ${patient.firstName}` };
}

/** The whole booking by keyboard: N, arrows to the service, first available, the first slot, the patient, confirm. */
async function bookFirstAvailable(page: Page, patient: { lastName: string; firstName: string }, serviceName = 'Follow-up visit') {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  const service = dialog.getByRole('radio', { name: new RegExp(serviceName) });
  for (let i = 0; i < 20 && !(await service.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(service).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /First available/ })).toBeFocused();
  await expect(dialog.getByRole('radio', { name: /First available/ })).toBeChecked();
  await page.keyboard.press('Enter');
  const firstSlot = dialog.getByRole('radio').first();
  await expect(firstSlot).toBeFocused();
  const slotName = (await firstSlot.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Find patient')).toBeFocused();
  await page.keyboard.type(`${patient.lastName} ${patient.firstName}`);
  await expect(dialog.getByRole('radio', { name: new RegExp(`${patient.lastName}, ${patient.firstName}`) })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: /Review and confirm/ })).toBeVisible();
  await expect(dialog.getByText(/Cancellation policy/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Book appointment' })).toBeFocused();
  return { dialog, slotName };
}

test('a receptionist signs in with the keyboard and sees the schedule and the sync bar', async ({ page, desk }) => {
  const person = await signIn(page, desk);
  await expect(page.getByText(new RegExp(`${person.name} · Receptionist`))).toBeVisible();
  await expect(page.getByRole('main', { name: 'Schedule' })).toBeVisible();
  const bar = page.getByRole('contentinfo', { name: 'Sync status' });
  await expect(bar.getByRole('status')).toHaveText(/Online/);
  await expect(bar).toContainText('0 pending changes');
  await expect(bar).toContainText(/Last sync: \d/);
  await expect(page.getByText(/Times in P[SD]T \(America\/Los_Angeles\)/)).toBeVisible();
});

test('a wrong PIN is refused in words', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await page.getByRole('radio', { name: /Carmen Ibarra/ }).check();
  await page.getByLabel('PIN or password').fill('000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/That PIN or password is not right\. \d tries left\./);
});

test('books an appointment with the keyboard only and sees it in the calendar', async ({ page, desk }) => {
  await signIn(page, desk);
  const patient = takePatient(desk);
  const { dialog } = await bookFirstAvailable(page, patient);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText(`Appointment booked for ${patient.label}`);
  await expect(dialog.getByRole('status')).toContainText(/Confirmation code \w+/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main', { name: 'Schedule' }).getByText(patient.label)).toBeVisible();
  // The write is pushed: the bar goes back to nothing pending.
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
});

test('checks a patient in from the appointment dialog', async ({ page, desk }) => {
  await signIn(page, desk);
  const patient = takePatient(desk);
  const { dialog } = await bookFirstAvailable(page, patient);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Appointment booked');
  await page.keyboard.press('Escape');

  const appointment = await openAppointment(page, patient.label);
  await expect(appointment.getByText('Status:')).toContainText('Booked');
  await appointment.getByRole('button', { name: 'Check in' }).click();
  await expect(appointment.getByText('Status:')).toContainText('Checked in');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('main', { name: 'Schedule' }).getByRole('button', { name: new RegExp(`${patient.label}.*Checked in`) })).toBeVisible();
});

test('a slot another desk took meanwhile is refused in words', async ({ page, desk, browser }) => {
  await signIn(page, desk);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.clock.install({ time: desk.now() });
  await signIn(other, desk);

  const first = takePatient(desk);
  const second = takePatient(desk);
  // Both desks reach the review step for the same first available time.
  const mine = await bookFirstAvailable(page, first);
  const theirs = await bookFirstAvailable(other, second);
  expect(theirs.slotName).toBe(mine.slotName);

  await other.keyboard.press('Enter');
  await expect(theirs.dialog.getByRole('status')).toContainText('Appointment booked');

  await page.keyboard.press('Enter');
  const refusal = mine.dialog.getByRole('alert');
  await expect(refusal).toContainText('That time is taken.');
  await expect(refusal).toContainText(`already has`);
  await expect(refusal).toContainText(second.label);
  await expect(refusal).toContainText(/Choose another time; only a manager can overbook\./);
  await otherContext.close();
});

test('in Spanish, the API\'s refusals of a new patient read in Spanish', async ({ page, desk }) => {
  await signIn(page, desk);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Nueva cita' });
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /Primera disponible/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Registrar un paciente nuevo' }).click();

  // The schema's check (zod, in the router): a name is missing.
  await dialog.getByLabel('Apellidos').fill('Quintero');
  await dialog.getByLabel('Fecha de nacimiento').fill('1990-04-02');
  await dialog.getByRole('button', { name: 'Registrar paciente' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Revise los datos: Escriba un nombre.');

  // The rules' check (db/rules/patient-details.ts), with its values filled in.
  await dialog.getByLabel('Nombre', { exact: true }).fill('Lucía');
  await dialog.getByLabel('Teléfono').fill('12');
  await dialog.getByRole('button', { name: 'Registrar paciente' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Un número de teléfono tiene de 7 a 15 dígitos (se admiten espacios, guiones y un + inicial).');
});

async function openAppointment(page: Page, label: string) {
  // From the keyboard: busy days stack visits tightly, and a desk works by keyboard anyway.
  const event = page.getByRole('main', { name: 'Schedule' }).getByRole('button', { name: new RegExp(label) });
  await event.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: new RegExp(label) });
  await expect(dialog).toBeVisible();
  return dialog;
}


test('cancelling inside the notice period is marked as a late cancellation', async ({ page, desk }) => {
  await signIn(page, desk);
  const patient = takePatient(desk);
  // Vaccinations still have times today, well inside the 24-hour notice period.
  const { dialog } = await bookFirstAvailable(page, patient, 'Vaccination');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Appointment booked');
  await page.keyboard.press('Escape');

  const appointment = await openAppointment(page, patient.label);
  await appointment.getByRole('button', { name: 'Cancel appointment…' }).click();
  await expect(appointment.getByText(/inside the 24-hour notice period: it will be recorded as a late cancellation/)).toBeVisible();
  await appointment.getByLabel('Reason for cancelling').fill('Patient has a work conflict');
  await appointment.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
  await expect(appointment.getByText('Status:')).toContainText('Late cancellation');
  await expect(appointment.getByRole('status')).toContainText('Cancelled as a late cancellation');
  await expect(appointment.getByText('Patient has a work conflict')).toBeVisible();
});
