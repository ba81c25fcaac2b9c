// The patients' kiosk, end to end: paired with a code from the desk, driven as a patient
// would (by label, role and keyboard, a scanner being a keyboard), against the real host,
// sync server and encrypted device database. Build the page into your own folder with
// FRONTDESK_E2E_STATIC_DIR when another build is in use (see e2e/support/start-desk.ts).
import type { Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { expect, signIn, test } from './support/fixtures';
import { DeskApi, escapeRegExp, kioskClock, pairKiosk, statusOf, takeVisit, type KioskVisit } from './support/kiosk';

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

async function findByCode(page: Page, code: string) {
  await page.getByRole('button', { name: 'Use my confirmation code' }).click();
  const field = page.getByLabel('Confirmation code');
  await expect(field).toBeFocused();
  // What a USB scanner does with the slip's QR code: the characters, then Enter.
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** A scanner at the welcome screen, before anyone touches it: the slip's code, then Enter. */
async function scanSlip(page: Page, code: string) {
  await expect(page.getByRole('heading', { name: /^Welcome to / })).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

test('checks in by confirmation code, and the desk sees it within 2 seconds', async ({ page, desk, browser }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await takeVisit(api, desk, 'open');

  const deskContext = await browser.newContext();
  const deskPage = await deskContext.newPage();
  await deskPage.clock.install({ time: desk.now() });
  await signIn(deskPage, desk);
  const calendar = deskPage.getByRole('main', { name: 'Schedule' });
  const label = escapeRegExp(visit.label);
  await expect(calendar.getByRole('button', { name: new RegExp(`${label}.*${visit.statusLabel}`) })).toBeVisible();

  await pairKiosk(page, desk, api, () => expectAccessible(page));
  await expectAccessible(page);
  await findByCode(page, visit.code.toLowerCase());
  await expect(page.getByRole('heading', { name: 'Is this your appointment?' })).toBeVisible();
  await expect(page.getByText(`Hello, ${visit.firstName}.`)).toBeVisible();
  await expect(page.getByText(kioskClock(visit.startAt, desk.timeZone), { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/kiosk-confirm.png' });
  // First name, time and provider only: nothing else about the patient is on screen.
  await expect(page.locator('body')).not.toContainText(visit.lastName);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { name: `You are all set, ${visit.firstName}` })).toBeVisible();
  await expect(page.getByText(/Please take a seat\. We will call your name/)).toBeVisible();
  await expectAccessible(page);

  await expect(calendar.getByRole('button', { name: new RegExp(`${label}.*Checked in`) })).toBeVisible({ timeout: 2_000 });
  expect(await statusOf(api, visit)).toBe('checked_in');
  await deskContext.close();
});

test('checks in by last name and date of birth, and passes a changed phone number to the desk', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await takeVisit(api, desk, 'open');
  await pairKiosk(page, desk, api);

  await page.getByRole('button', { name: 'Use my last name and date of birth' }).click();
  await expect(page.getByRole('heading', { name: 'Your last name and date of birth' })).toBeFocused();
  await expectAccessible(page);
  await fillNameAndBirthday(page, visit, { lastName: 'Last name', month: 'Month', day: 'Day', year: 'Year' });
  await page.getByRole('button', { name: 'Find my appointment' }).click();
  await expect(page.getByText(`Hello, ${visit.firstName}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { name: `You are all set, ${visit.firstName}` })).toBeVisible();
  expect(await statusOf(api, visit)).toBe('checked_in');

  await page.getByRole('checkbox', { name: 'My phone number changed' }).check();
  await page.getByRole('button', { name: 'Tell the front desk' }).click();
  await expect(page.getByRole('status')).toHaveText('Thank you. The front desk will ask you for the new details.');
  await page.screenshot({ path: 'test-results/e2e/kiosk-done.png' });
  await expectAccessible(page);
  const { notices } = await api.call('kiosk.notices', {});
  expect(notices.find((n) => n.appointmentId === visit.appointmentId)).toMatchObject({ phoneChanged: true, addressChanged: false });
});

async function fillNameAndBirthday(page: Page, visit: KioskVisit, labels: { lastName: string; month: string; day: string; year: string }) {
  const [year, month, day] = visit.dateOfBirth.split('-');
  await page.getByLabel(labels.lastName).fill(visit.lastName.toUpperCase());
  await page.getByLabel(labels.month).selectOption(month!);
  await page.getByLabel(labels.day).fill(String(Number(day)));
  await page.getByLabel(labels.year).fill(year!);
}

test('a late arrival is asked to see the front desk, and stays unchecked', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await takeVisit(api, desk, 'late');
  await pairKiosk(page, desk, api);
  await scanSlip(page, visit.code);
  await expect(page.getByRole('heading', { name: 'Please see the front desk' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/kiosk-see-desk.png' });
  await expect(page.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await expectAccessible(page);
  expect(await statusOf(api, visit)).toBe(visit.statusLabel.toLowerCase());
});

test('an early arrival is told when check-in opens', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await takeVisit(api, desk, 'early');
  await pairKiosk(page, desk, api);
  await findByCode(page, visit.code);
  await expect(page.getByRole('heading', { name: `You are a little early, ${visit.firstName}` })).toBeVisible();
  const opensAt = kioskClock(visit.startAt - 60 * 60_000, desk.timeZone);
  await expect(page.getByText(`Check-in opens at ${opensAt}.`, { exact: false })).toBeVisible();
  await expectAccessible(page);
  expect(await statusOf(api, visit)).toBe(visit.statusLabel.toLowerCase());
});

test('Spanish works end to end and stays chosen on this kiosk', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  const visit = await takeVisit(api, desk, 'open');
  await pairKiosk(page, desk, api);
  const location = (await api.call('schedule.locations', {}))[0]!;

  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: `Le damos la bienvenida a ${location.name}` })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('heading', { name: `Le damos la bienvenida a ${location.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Usar mi apellido y fecha de nacimiento' }).click();
  await fillNameAndBirthday(page, visit, { lastName: 'Apellido', month: 'Mes', day: 'Día', year: 'Año' });
  await page.screenshot({ path: 'test-results/e2e/kiosk-find-by-name-es.png' });
  await page.getByRole('button', { name: 'Buscar mi cita' }).click();
  await expect(page.getByRole('heading', { name: '¿Es esta su cita?' })).toBeVisible();
  await expect(page.getByText(`Hola, ${visit.firstName}.`)).toBeVisible();
  await expect(page.getByText(kioskClock(visit.startAt, desk.timeZone, 'es-US'), { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registrar mi llegada' }).click();
  await expect(page.getByRole('heading', { name: `Todo listo, ${visit.firstName}` })).toBeVisible();
  await expect(page.getByText(/Tome asiento, por favor\./)).toBeVisible();
  expect(await statusOf(api, visit)).toBe('checked_in');
});

test('a miss reads the same whatever the cause, and repeated misses bring a calm wait', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  await pairKiosk(page, desk, api);
  await findByCode(page, 'ZZZZ99');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('We couldn’t find that. Please check what you typed and try again, or see the front desk.');
  await expectAccessible(page);

  const field = page.getByLabel('Confirmation code');
  const find = page.getByRole('button', { name: 'Find my appointment' });
  // The desk's limit is five misses in ten minutes; this kiosk was paired for this test alone.
  for (let miss = 2; miss <= 5; miss++) {
    await field.fill(`ZZZZ9${miss}`);
    await find.click();
    if (miss < 5) await expect(find).toBeEnabled();
  }
  await expect(alert).toContainText('Please take a short break before trying again.');
  await expect(page.getByText(/You can try again in [12]:\d\d\./)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/kiosk-cool-down.png' });
  await expect(find).toBeDisabled();
  await expectAccessible(page);
});

test('the kiosk resets after a minute without a touch and forgets what was typed', async ({ page, desk }) => {
  const api = await DeskApi.signIn(desk);
  await pairKiosk(page, desk, api);
  const welcome = page.getByRole('heading', { name: /^Welcome to / });

  await page.getByRole('button', { name: 'Use my last name and date of birth' }).click();
  await page.getByLabel('Last name').fill('Someone');
  await page.getByLabel('Year').fill('1970');
  await page.clock.runFor(50_000);
  await expect(page.getByLabel('Last name')).toHaveValue('Someone');
  // Typing is activity: the minute starts again from here.
  await page.getByLabel('Day').fill('4');
  await page.clock.runFor(50_000);
  await expect(page.getByLabel('Last name')).toHaveValue('Someone');
  await page.clock.runFor(11_000);
  await expect(welcome).toBeVisible();
  await expect(welcome).toBeFocused();

  await page.getByRole('button', { name: 'Use my last name and date of birth' }).click();
  await expect(page.getByLabel('Last name')).toHaveValue('');
  await expect(page.getByLabel('Year')).toHaveValue('');
  await expect(page.getByLabel('Day')).toHaveValue('');

  await page.getByLabel('Last name').fill('Someone else');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(welcome).toBeVisible();
  await page.getByRole('button', { name: 'Use my last name and date of birth' }).click();
  await expect(page.getByLabel('Last name')).toHaveValue('');
});
