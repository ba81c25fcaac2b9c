// The manager's screens end to end against the browser host, a real sync server and a real
// encrypted device database: the dashboard's charts, tables and CSV; a template change that
// leaves booked visits outside hours, their rebooking; the audit trail; the clinic's catalog,
// reminder rules and devices; and a receptionist kept out of all of it, in the page and at
// the API.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { parseCsv } from '../db/analytics/table';
import { seriousViolations } from './support/axe';
import { expect, signIn, test } from './support/fixtures';

async function openManage(page: Page, section: string) {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Manage' }).click();
  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: section }).click();
  await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
}

/** A table cell as the number it shows: "1,234.5" or "12.34%" (as a fraction); text stays text. */
function shownValue(text: string): string | number {
  const t = text.trim();
  if (t === '—') return '';
  const percent = /^(-?[\d,]+(?:\.\d+)?)%$/.exec(t);
  if (percent) return Math.round(Number(percent[1]!.replace(/,/g, '')) * 100) / 10_000;
  if (/^-?[\d,]+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return t;
}

/** The row a table heads with this name. */
function rowNamed(table: Locator, name: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}

async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

test('the dashboard draws its charts, shows each table and downloads the same numbers as CSV', async ({ page, desk }) => {
  await signIn(page, desk, 'manager');
  await openManage(page, 'Dashboard');

  // Six Chart.js canvases, each named, and the peak-hours grid.
  await expect(page.getByRole('img', { name: /^Bar chart: utilization by provider/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /chart:/ })).toHaveCount(6);
  const drawn = await page.getByRole('img', { name: /^Line chart/ }).evaluate((c) => (c as unknown as { width: number }).width);
  expect(drawn).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: /Visits by weekday and hour/ })).toBeVisible();

  const card = page.getByRole('region', { name: 'Utilization', exact: true });
  await card.getByRole('button', { name: 'Table view' }).click();
  const table = card.getByRole('table', { name: 'Utilization by provider' });
  await expect(table).toBeVisible();
  const shown = (await tableRows(table)).map((row) => row.map(shownValue));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.some((row) => row.some((cell) => typeof cell === 'number' && cell > 0))).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download CSV: Utilization by provider' }).click(),
  ]);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
  const [header, ...records] = parseCsv(csv);
  expect(header).toEqual(await table.locator('thead th').allTextContents());
  const fromCsv = records.map((r) => r.map((cell) => (cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)));
  expect(fromCsv).toEqual(shown);
});

test('a template change lists the visits it leaves outside hours, and a rebooked one leaves the list', async ({ page, desk }) => {
  await signIn(page, desk, 'manager');
  await openManage(page, 'Working hours');

  const editor = page.getByRole('form', { name: /^Weekly hours at / });
  const from = await editor.getByLabel('Applies from').inputValue();
  const until = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  // No hours for one week: that week's booked visits fall outside, the week after keeps its hours to rebook into.
  await editor.getByLabel('Until (optional)').fill(until);
  const remove = editor.getByRole('button', { name: 'Remove these hours' });
  expect(await remove.count()).toBeGreaterThan(0);
  while ((await remove.count()) > 0) await remove.first().click();

  await editor.getByRole('button', { name: 'Preview changes' }).click();
  const preview = editor.getByRole('list', { name: 'Appointments outside the new hours' });
  await expect(preview).toBeVisible();
  const previewed = await preview.getByRole('listitem').count();
  expect(previewed).toBeGreaterThan(0);

  await editor.getByRole('button', { name: 'Save hours' }).click();
  await expect(editor.getByRole('status')).toContainText(`Saved. ${previewed} appointment(s)`);

  const toRebook = page.getByRole('list', { name: 'To rebook' });
  await expect(toRebook.getByRole('listitem')).toHaveCount(previewed);
  const first = toRebook.getByRole('button', { name: /^Rebook / }).first();
  const name = (await first.textContent()) ?? '';
  const sameName = toRebook.getByRole('button', { name, exact: true });
  const before = await sameName.count();
  await first.click();

  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Reschedule…' }).click();
  await expect(dialog.getByRole('radio').first()).toBeChecked();
  await dialog.getByRole('button', { name: 'Move appointment' }).click();
  await expect(dialog.getByRole('status')).toContainText('Moved to');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await expect(sameName).toHaveCount(before - 1);
  await expect(toRebook.getByRole('listitem')).toHaveCount(previewed - 1);
});

test('the audit viewer names who changed what, from which device, and verifies each chain', async ({ page, desk }) => {
  const manager = await signIn(page, desk, 'manager');
  // Something of the manager's own to find in the trail.
  await openManage(page, 'Policies');
  await page.getByLabel('No-show grace (minutes)').fill('17');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved.');

  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Audit trail' }).click();
  await page.getByRole('button', { name: 'Verify chains' }).click();
  const chains = page.getByRole('list', { name: 'Audit chains' });
  await expect(chains.getByRole('listitem').first()).toContainText(/verified \(\d+ events\)/);
  await expect(chains).not.toContainText('broken at event');

  await page.getByLabel('Staff member').selectOption({ label: manager.name });
  const events = page.getByRole('table', { name: 'Audit events, newest first' });
  const row = events.getByRole('row').filter({ hasText: manager.name }).filter({ hasText: '17' }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('table')).toContainText('Before');
  await expect(events.getByRole('row').filter({ hasText: 'Receptionist' })).toHaveCount(0);
});

test('a manager adds a service and edits a provider; both show in the lists and are still there after signing in again', async ({ page, desk }) => {
  await signIn(page, desk, 'manager');
  await openManage(page, 'Clinic setup');
  const providers = page.getByRole('table', { name: 'Providers' });
  const provider = (await providers.getByRole('rowheader').first().textContent())!;

  await page.getByRole('button', { name: 'Add service' }).click();
  const add = page.getByRole('dialog', { name: 'Add service' });
  await add.getByLabel('Name').fill('E2E allergy test');
  await add.getByLabel('Length (minutes)').fill('2');
  await add.getByRole('group', { name: 'Providers who offer it' }).getByLabel(provider, { exact: true }).check();
  await add.getByRole('button', { name: 'Add a room or equipment group' }).click();
  await add.getByRole('button', { name: 'Save' }).click();
  // The API's messages, each beside its field.
  await expect(add.getByRole('alert')).toHaveText('Some details need another look: see the messages beside the fields.');
  await expect(add.getByLabel('Length (minutes)')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByLabel('Length (minutes)')).toBeFocused();
  await expect(add.getByLabel('Length (minutes)')).toHaveAccessibleDescription('A visit lasts at least 5 minutes.');
  await expect(add.getByRole('group', { name: 'Rooms and equipment needed' })).toContainText('Each required resource group needs at least one room or piece of equipment.');

  await add.getByLabel('Length (minutes)').fill('45');
  await add.getByRole('group', { name: 'Group 1: one of' }).getByRole('checkbox').first().check();
  await add.getByLabel('Patients may book it online').check();
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved.');
  const services = page.getByRole('table', { name: 'Services' });
  await expect(rowNamed(services, 'E2E allergy test')).toContainText('45 min');

  await providers.getByRole('button', { name: `Edit ${provider}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${provider}` });
  await expect(edit.getByLabel('Name')).toHaveValue(provider);
  await edit.getByLabel('Specialty').fill('Sports medicine (E2E)');
  await edit.getByLabel('Specialty').press('Enter');
  await expect(edit).toBeHidden();
  await expect(rowNamed(providers, provider)).toContainText('Sports medicine (E2E)');

  // A fresh page reads both back from the device's database.
  await page.goto('about:blank');
  await signIn(page, desk, 'manager');
  await openManage(page, 'Clinic setup');
  await expect(rowNamed(page.getByRole('table', { name: 'Providers' }), provider)).toContainText('Sports medicine (E2E)');
  await expect(rowNamed(page.getByRole('table', { name: 'Services' }), 'E2E allergy test')).toContainText('45 min');
  await page.getByRole('table', { name: 'Services' }).getByRole('button', { name: 'Edit E2E allergy test' }).click();
  const saved = page.getByRole('dialog', { name: 'Edit E2E allergy test' });
  await expect(saved.getByRole('group', { name: 'Providers who offer it' }).getByLabel(provider, { exact: true })).toBeChecked();
  await expect(saved.getByRole('group', { name: 'Group 1: one of' }).getByRole('checkbox').first()).toBeChecked();
  await expect(saved.getByLabel('Patients may book it online')).toBeChecked();
});

test('a manager adds a reminder rule for one location and service and edits it into a same-day request to confirm', async ({ page, desk }) => {
  await signIn(page, desk, 'manager');
  await openManage(page, 'Reminders');
  const location = page.getByRole('main').getByLabel('Location', { exact: true });
  const locationName = (await location.locator('option').nth(1).textContent())!;
  await location.selectOption({ label: locationName });
  const locationId = await location.inputValue();
  const rules = page.getByRole('table', { name: 'Reminders' });
  // The demo's organization-wide rules are listed too, since they apply at the location.
  await expect(rules.getByRole('row').nth(1)).toBeVisible();
  const before = await rules.getByRole('row').count();

  await page.getByRole('button', { name: 'Add reminder rule' }).click();
  const add = page.getByRole('dialog', { name: 'Add reminder rule' });
  await expect(add.getByLabel('Location')).toHaveValue(locationId);
  const service = add.getByLabel('Service');
  const serviceName = (await service.locator('option').nth(1).textContent())!;
  await service.selectOption({ label: serviceName });
  const serviceId = await service.inputValue();
  await add.getByLabel('Hours before the appointment').fill('24');
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add).toBeHidden();
  await expect(rules.getByRole('row')).toHaveCount(before + 1);
  const rule = rowNamed(rules, locationName).filter({ hasText: serviceName });
  await expect(rule.getByRole('cell')).toHaveText([serviceName, 'Reminder', 'SMS', '24 h before', '21:00–08:00', 'EditRemove']);

  await rule.getByRole('button', { name: /^Edit: / }).click();
  const edit = page.getByRole('dialog', { name: 'Edit reminder rule' });
  await edit.getByLabel('Message', { exact: true }).selectOption({ label: 'Request to confirm' });
  await edit.getByRole('radio', { name: 'Email' }).check();
  await edit.getByLabel('Hours before the appointment').fill('3');
  await edit.getByLabel('From', { exact: true }).fill('22:00');
  await edit.getByLabel('Until', { exact: true }).fill('22:00');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('group', { name: 'Quiet hours' })).toHaveAccessibleDescription(/Quiet hours need different start and end times\.$/);
  await edit.getByLabel('Until', { exact: true }).fill('07:30');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved.');
  await expect(rules.getByRole('row')).toHaveCount(before + 1);
  await expect(rule.getByRole('cell')).toHaveText([serviceName, 'Request to confirm', 'Email', '3 h before', '22:00–07:30', 'EditRemove']);

  const stored = desk.store.sqlite.prepare(`select rule from reminder_rules where deleted = 0 and location_id = ? and service_id = ?`).all(locationId, serviceId) as { rule: string }[];
  expect(stored.map((r) => JSON.parse(r.rule))).toEqual([{ channel: 'email', offsetMinutes: 180, kind: 'confirmation_prompt', quietHours: { start: '22:00', end: '07:30' } }]);
});

test('a manager pairs a device with a code, sees when each device last synced, and revokes it, after which the server refuses it', async ({ page, desk }) => {
  await signIn(page, desk, 'manager');
  await openManage(page, 'Devices');
  await page.getByLabel('Kind of device').selectOption({ label: 'Kiosk' });
  await page.getByRole('button', { name: 'Create pairing code' }).click();
  const shown = page.getByRole('status').filter({ hasText: 'Pairing code' });
  await expect(shown).toContainText(/valid until/);
  const code = /Pairing code (\S+),/.exec((await shown.textContent())!)![1]!;

  // The new device enrolls with the code and syncs once, as a kiosk would.
  const enrolled = await fetch(`${desk.serverUrl}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'E2E lobby tablet' }) });
  expect(enrolled.status).toBe(200);
  const { token } = (await enrolled.json()) as { token: string };
  const pull = () => fetch(`${desk.serverUrl}/v1/shape?table=locations&offset=-1`, { headers: { authorization: `Bearer ${token}` } });
  expect((await pull()).status).toBe(200);

  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Devices' }).click();
  const devices = page.getByRole('table', { name: 'Devices' });
  const tablet = rowNamed(devices, 'E2E lobby tablet');
  await expect(tablet).toContainText('Kiosk');
  await expect(tablet.getByRole('cell').nth(1)).not.toHaveText('Never');
  await expect(rowNamed(devices, 'e2e front desk (this device)').getByRole('cell').nth(1)).not.toHaveText('Never');

  page.once('dialog', (dialog) => void dialog.accept());
  await tablet.getByRole('button', { name: 'Revoke E2E lobby tablet' }).click();
  await expect(tablet).toContainText('Revoked');
  expect((await pull()).status).toBe(401);
});

test('a receptionist has no way into the manager screens, and the API refuses them', async ({ page, desk }) => {
  const credentials: { authorization?: string; session?: string } = {};
  page.on('request', (request) => {
    const headers = request.headers();
    if (headers['x-session']) Object.assign(credentials, { authorization: headers.authorization, session: headers['x-session'] });
  });
  await signIn(page, desk, 'receptionist');
  await expect(page.getByRole('navigation', { name: 'Areas' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Manage' })).toHaveCount(0);
  await expect.poll(() => credentials.session).toBeTruthy();

  const call = (name: string, input: unknown) => page.evaluate(async ({ name, input, credentials }) => {
    const response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: credentials.authorization ?? '', 'x-session': credentials.session ?? '' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string } };
  }, { name, input, credentials });

  // The same credentials work for the desk's own operations...
  expect((await call('schedule.locations', {})).ok).toBe(true);
  // ...and are refused for every manager operation.
  for (const [name, input] of [
    ['analytics.dashboard', { from: '2026-03-01', to: '2026-03-10' }],
    ['audit.events', {}],
    ['admin.staff.list', {}],
    ['admin.orphans.list', {}],
    ['admin.templates.save', { providerId: '00000000-0000-7000-8000-000000000000', locationId: '00000000-0000-7000-8000-000000000000', weekly: [] }],
    ['admin.providers.list', {}],
    ['admin.providers.save', { name: 'Dr. Receptionist', specialty: 'None', locationIds: ['00000000-0000-7000-8000-000000000000'] }],
    ['admin.services.save', { name: 'Walk-in', durationMin: 15 }],
    ['admin.resources.save', { locationId: '00000000-0000-7000-8000-000000000000', name: 'Room 9', kind: 'room' }],
    ['admin.locations.save', { name: 'Annex', timeZone: 'America/Los_Angeles' }],
    ['admin.reminderRules.list', {}],
    ['admin.reminderRules.save', { channel: 'sms', offsetMinutes: 60 }],
    ['admin.devices.list', {}],
    ['admin.devices.pairingCode', { role: 'front_desk' }],
    ['admin.devices.revoke', { deviceId: '00000000-0000-7000-8000-000000000000' }],
  ] as const) {
    expect(await call(name, input), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
});

test('the dashboard, working hours, audit trail, clinic setup and reminders have no serious accessibility violations', async ({ page, desk }) => {
  await signIn(page, desk, 'manager');
  await openManage(page, 'Dashboard');
  await expect(page.getByRole('img', { name: /chart:/ })).toHaveCount(6);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Working hours' }).click();
  await expect(page.getByRole('form', { name: /^Weekly hours at / })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Audit trail' }).click();
  await page.getByRole('button', { name: 'Verify chains' }).click();
  // A fresh desk may have no events of its own yet; either answer is a finished check.
  await expect(page.getByRole('region', { name: 'Audit chains' })).toContainText(/verified|No audit events/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Clinic setup' }).click();
  await expect(page.getByRole('table', { name: 'Services' }).getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add service' }).click();
  const form = page.getByRole('dialog', { name: 'Add service' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await page.getByRole('navigation', { name: 'Manage sections' }).getByRole('button', { name: 'Reminders' }).click();
  await page.getByRole('button', { name: 'Add reminder rule' }).click();
  await expect(page.getByRole('dialog', { name: 'Add reminder rule' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
