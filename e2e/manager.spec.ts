// The manager's screens end to end against the browser host, a real sync server and a real
// encrypted device database: the dashboard's charts, tables and CSV; a template change that
// leaves booked visits outside hours, their rebooking; the audit trail; and a receptionist
// kept out of all of it, in the page and at the API.
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
  ] as const) {
    expect(await call(name, input), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }
});

test('the dashboard, working hours and audit trail have no serious accessibility violations', async ({ page, desk }) => {
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
});
