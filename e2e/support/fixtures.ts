// The test fixtures: one desk per worker (starting it takes a while: a sync server, the demo
// clinic, a device catching up), and pages whose clock is the clinic's clock.
import { expect, test as base, type Page } from '@playwright/test';
import { startDeskForTests, type TestDeskHost } from './start-desk';

export const test = base.extend<object, { desk: TestDeskHost }>({
  desk: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter.
    async ({}, use) => {
      const desk = await startDeskForTests();
      await use(desk);
      await desk.close();
    },
    // Generous: on a busy 2-core machine the demo clinic's first sync alone can take two minutes.
    { scope: 'worker', timeout: 300_000 },
  ],
  page: async ({ page, desk }, use) => {
    // The browser's "now" is the host's, so today, the current-time line and the notice period agree.
    await page.clock.install({ time: desk.now() });
    await use(page);
  },
});

export { expect };

export function staffWithRole(desk: TestDeskHost, role: string) {
  const person = desk.staff.find((s) => s.role === role);
  if (!person) throw new Error(`The demo clinic has no ${role}.`);
  return person;
}

/** Sign in as a person would with the keyboard: Tab to the names, arrows to yours, Tab, PIN, Enter. */
export async function signIn(page: Page, desk: TestDeskHost, role = 'receptionist') {
  const person = staffWithRole(desk, role);
  await page.goto(desk.launchUrl);
  const me = page.getByRole('radio', { name: new RegExp(person.name) });
  await expect(me).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio').first()).toBeFocused();
  // Arrow keys move through the group and check what they land on.
  for (let i = 0; i < 20 && !(await me.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(me).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('PIN or password')).toBeFocused();
  await page.keyboard.type(person.secret);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /New appointment/ })).toBeVisible();
  return person;
}
