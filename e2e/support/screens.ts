// Screenshots of the main screens, kept with the test's results (and attached to its report),
// so a reviewer sees what the desk looked like without running it.
import { test, type Page } from '@playwright/test';

export async function saveScreen(page: Page, name: string): Promise<void> {
  const info = test.info();
  const path = info.outputPath(`${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: false });
  await info.attach(name, { path, contentType: 'image/png' });
}
