// This computer's settings, end to end: kiosk tablets on the clinic network (HTTPS with the
// certificate the desk makes for itself, on loopback here), pairing and unpairing a tablet,
// and how this computer prints.
import { expect, signIn, test } from './support/fixtures';

test('a receptionist lets tablets connect, pairs one with a code, then unpairs it and switches the network off', async ({ page, desk, browser }) => {
  await signIn(page, desk);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings for this computer' });
  await expect(dialog).toContainText('Kiosk tablets cannot connect: the kiosk page is only on this computer.');

  await dialog.getByLabel('Let kiosk tablets on the clinic network connect to this computer').check();
  const address = dialog.getByText(/^Tablets connect at https:\/\/127\.0\.0\.1:\d+$/);
  await expect(address).toBeVisible();
  const lanUrl = (await address.textContent())!.replace('Tablets connect at ', '');
  await expect(dialog.getByText(/^Certificate fingerprint .*: ([0-9A-F]{2}:){31}[0-9A-F]{2}$/)).toBeVisible();

  await dialog.getByLabel('Tablet name').fill('Lobby tablet 2');
  await dialog.getByRole('button', { name: 'Create pairing code' }).click();
  const code = (await dialog.locator('.pairing-code .code').textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(dialog.getByText(/^It works once, until /)).toBeVisible();

  // The tablet: another browser on the clinic network, trusting the desk's certificate.
  const tabletContext = await browser.newContext({ ignoreHTTPSErrors: true });
  const tablet = await tabletContext.newPage();
  try {
    await tablet.goto(lanUrl);
    await expect(tablet.getByRole('heading', { name: 'Pair this kiosk' })).toBeVisible();
    await tablet.getByLabel('Pairing code').fill(code);
    await tablet.getByRole('button', { name: 'Pair kiosk' }).click();
    await expect(tablet.getByRole('heading', { name: /^Welcome to / })).toBeVisible();

    // The desk sees it paired without reopening anything.
    const paired = dialog.getByRole('list', { name: 'Paired tablets' });
    await expect(paired.getByRole('listitem').filter({ hasText: 'Lobby tablet 2' })).toBeVisible();
    await paired.getByRole('button', { name: 'Unpair Lobby tablet 2' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Lobby tablet 2 is unpaired' })).toBeVisible();
    await expect(paired.getByText('Lobby tablet 2')).toHaveCount(0);

    // The unpaired tablet can no longer look anyone up.
    await tablet.getByRole('button', { name: 'Use my confirmation code' }).click();
    await tablet.getByLabel('Confirmation code').fill('K7PQ2M');
    await tablet.getByRole('button', { name: 'Find my appointment' }).click();
    await expect(tablet.getByText(/This kiosk is no longer paired with the front desk/)).toBeVisible();

    await dialog.getByLabel('Let kiosk tablets on the clinic network connect to this computer').uncheck();
    await expect(dialog).toContainText('Kiosk tablets cannot connect: the kiosk page is only on this computer.');
    await expect(tablet.goto(lanUrl)).rejects.toThrow();
  } finally {
    await tabletContext.close();
  }
});

test('printing: the browser host says it prints by saving a PDF; a nurse has no settings to change', async ({ page, desk }) => {
  await signIn(page, desk);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings for this computer' });
  await expect(dialog.getByRole('heading', { name: 'Printers' })).toBeVisible();
  await expect(dialog).toContainText('This computer prints by saving a PDF');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, desk, 'nurse');
  await expect(page.getByRole('button', { name: 'Settings' })).toHaveCount(0);
});
