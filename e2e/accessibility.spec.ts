// axe on the screens a receptionist lives in: no serious or critical violations.
import { seriousViolations } from './support/axe';
import { expect, signIn, test } from './support/fixtures';

test('the sign-in screen has no serious accessibility problems', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await expect(page.getByRole('radio').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the signed-in schedule has no serious accessibility problems', async ({ page, desk }) => {
  await signIn(page, desk);
  await expect(page.getByRole('main', { name: 'Schedule' }).getByText(/, /).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/schedule-day.png' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Week view' }).click();
  await page.screenshot({ path: 'test-results/e2e/schedule-week.png' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the booking dialog has no serious accessibility problems', async ({ page, desk }) => {
  await signIn(page, desk);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: '3. Time' })).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/booking-slots.png' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the tasks panel and this computer\'s settings have no serious accessibility problems', async ({ page, desk }) => {
  await signIn(page, desk);
  await desk.raiseUnconfirmedTask();
  await page.getByRole('button', { name: /^Tasks \d+ open$/ }).click();
  const tasks = page.getByRole('dialog', { name: 'Tasks for the desk' });
  await expect(tasks.getByRole('listitem').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings for this computer' });
  await settings.getByRole('button', { name: 'Create pairing code' }).click();
  await expect(settings.locator('.pairing-code')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/settings.png' });
  expect(await seriousViolations(page)).toEqual([]);
});
