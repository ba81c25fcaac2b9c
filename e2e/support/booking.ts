// Booking as the desk does it, by keyboard, keeping what the dialog offered so a test can
// reason about the provider's other free times.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { TestDeskHost } from './start-desk';

export interface OfferedSlot {
  /** As the dialog says it: "Tuesday, March 10, 10:15 AM". */
  when: string;
  day: string;
  /** Minutes since midnight on the clinic's clock. */
  minutes: number;
  provider: string;
}

export function parseSlot(label: string): OfferedSlot {
  const [when = '', provider = ''] = label.split(' with ');
  const comma = when.lastIndexOf(', ');
  const day = when.slice(0, comma);
  const match = /^(\d{1,2}):(\d{2})\s*(AM|PM)$/.exec(when.slice(comma + 2));
  if (!match) throw new Error(`Cannot read the time in "${label}".`);
  const hour = (Number(match[1]) % 12) + (match[3] === 'PM' ? 12 : 0);
  return { when, day, minutes: hour * 60 + Number(match[2]), provider };
}

let nextPatient = 0;
export function takePatient(desk: TestDeskHost) {
  // From the end of the list: front-desk.spec.ts takes from the start within the same desk.
  const patient = desk.patients[desk.patients.length - 1 - nextPatient++];
  if (!patient) throw new Error('Out of demo patients for this run.');
  return { ...patient, label: `${patient.lastName}, ${patient.firstName}` };
}

/** N, the service, the provider ("First available" or a name), the first offered time, the patient, Book. */
export async function bookByKeyboard(
  page: Page,
  patient: { lastName: string; firstName: string },
  options: { service?: string; provider?: string; choose?: (offered: OfferedSlot[]) => number } = {},
) {
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  const service = dialog.getByRole('radio', { name: new RegExp(options.service ?? 'Follow-up visit') });
  for (let i = 0; i < 20 && !(await service.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(service).toBeChecked();
  await page.keyboard.press('Enter');
  const provider = dialog.getByRole('radio', { name: new RegExp(options.provider ?? 'First available') });
  await expect(dialog.getByRole('radio', { name: /First available/ })).toBeFocused();
  for (let i = 0; i < 30 && !(await provider.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(provider).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: '3. Time' })).toBeVisible();
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  const offered = (await dialog.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-label') ?? ''))).map(parseSlot);
  const chosen = options.choose?.(offered) ?? 0;
  if (!offered[chosen]) throw new Error(`The dialog did not offer the time the test needs: ${offered.map((o) => `${o.when} ${o.provider}`).join('; ')}`);
  // One radio group across the days: arrow keys walk through every offered time.
  for (let i = 0; i < chosen; i++) await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio').nth(chosen)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Find patient')).toBeFocused();
  await page.keyboard.type(`${patient.lastName} ${patient.firstName}`);
  await expect(dialog.getByRole('radio', { name: new RegExp(`${patient.lastName}, ${patient.firstName}`) })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Book appointment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Appointment booked');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return { slot: offered[chosen]!, offered };
}
