// axe on the screens a receptionist lives in: no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './support/fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

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
