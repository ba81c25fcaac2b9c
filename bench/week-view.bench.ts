// The week view a busy clinic opens: 20 providers and 600 appointments in one week at one
// location, in headless Debian Chromium against the browser host and the built renderer.
// Measured in the page: from the schedule having its data (a performance mark before the
// state update) to FullCalendar having drawn it (eventsSet, then the next frame's paint).
// Baseline: the next week, with the same providers' working hours and no appointments,
// alternating with the busy week in the same run. The slower of five medians decides.
import { chromium } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { Temporal } from 'temporal-polyfill';
import { addDays, resolveWallTime } from '../db/rules/wallclock';
import { startDeskForTests } from '../e2e/support/start-desk';
import { ms, stats, type Figure } from './lib/measure';

const PROVIDERS = 20;
const APPOINTMENTS = 600;
const RUNS = 5;
const minute = 60_000;
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function run(): Promise<Figure[]> {
  const desk = await startDeskForTests({ patients: 1_000, staticDir: process.env.FRONTDESK_BENCH_STATIC_DIR });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  try {
    await desk.goOffline();
    const { store } = desk;
    const location = store.sqlite.prepare("select id, time_zone as timeZone from locations where deleted = 0 order by name limit 1").get() as { id: string; timeZone: string };
    const service = store.sqlite.prepare("select id, duration_min as duration from services where deleted = 0 and required_resources = '[]' order by name limit 1").get() as { id: string; duration: number } | undefined
      ?? (store.sqlite.prepare('select id, duration_min as duration from services where deleted = 0 order by name limit 1').get() as { id: string; duration: number });
    // The week after the one the browser opens on (real time: Playwright's page.clock would
    // replace the page's performance marks with no-ops), which no demo visit reaches.
    const today = Temporal.Now.plainDateISO(location.timeZone);
    const busyMonday = today.subtract({ days: today.dayOfWeek % 7 }).add({ days: 8 }).toString();
    const patientIds = (store.sqlite.prepare('select id from patients where deleted = 0 limit 2000').all() as { id: string }[]).map((p) => p.id);
    const existing = (store.sqlite.prepare('select id from providers where deleted = 0').all() as { id: string }[]).map((p) => p.id)
      .filter((id) => (store.sqlite.prepare('select location_ids as l from providers where id = ?').get(id) as { l: string }).l.includes(location.id));
    const providerIds = [...existing];
    const write = (table: 'providers' | 'schedule_templates' | 'appointments', values: Record<string, unknown>) => {
      const id = uuidv7();
      store.write({ table, rowId: id, staffUserId: null, action: 'bench.setup', values });
      return id;
    };
    while (providerIds.length < PROVIDERS) {
      const id = write('providers', { name: `Dr. Bench ${providerIds.length + 1}`, specialty: 'family medicine', location_ids: [location.id] });
      for (let weekday = 1; weekday <= 5; weekday++) {
        write('schedule_templates', { provider_id: id, location_id: location.id, weekday, start: '08:00', end: '17:00', breaks: [{ start: '12:00', end: '12:45' }] });
      }
      providerIds.push(id);
    }
    const shown = providerIds.slice(0, PROVIDERS);
    // Six visits a day per provider, Monday to Friday: 20 x 5 x 6 = 600, none overlapping.
    let n = 0;
    for (let day = 0; day < 5; day++) {
      const date = addDays(busyMonday, day);
      for (const providerId of shown) {
        for (let k = 0; k < APPOINTMENTS / PROVIDERS / 5; k++, n++) {
          const start = resolveWallTime(date, `${String(8 + k).padStart(2, '0')}:00`, location.timeZone);
          write('appointments', {
            location_id: location.id, provider_id: providerId, service_id: service.id, patient_id: patientIds[n % patientIds.length],
            resource_ids: [], start_at: start, end_at: start + service.duration * minute, buffer_before_min: 0, buffer_after_min: 0,
            status: 'booked', source_channel: 'desk', overbook: false, confirmation_code: `W${String(n).padStart(6, '0')}`, booked_at: start - 7 * 24 * 60 * minute,
          });
        }
      }
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(desk.launchUrl);
    const person = desk.staff.find((s) => s.role === 'receptionist')!;
    await page.getByRole('radio', { name: new RegExp(person.name) }).check();
    await page.getByLabel('PIN or password').fill(person.secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('tab', { name: 'Week view' }).click();
    await page.getByRole('button', { name: 'Shortcuts' }).focus();
    await page.keyboard.press('ArrowRight');

    /** One navigation: clear the marks, press the key, wait for data then paint, return the gap. */
    async function measure(key: string): Promise<number> {
      await page.evaluate(() => performance.clearMarks());
      await page.keyboard.press(key);
      const handle = await page.waitForFunction(() => {
        const ready = performance.getEntriesByName('frontdesk:schedule-data-ready').at(-1);
        const painted = ready && performance.getEntriesByName('frontdesk:schedule-painted').find((m) => m.startTime >= ready.startTime);
        return ready && painted ? painted.startTime - ready.startTime : null;
      }, undefined, { timeout: 60_000, polling: 50 });
      return (await handle.jsonValue()) as number;
    }
    // Warm up both weeks once (code paths, fonts), then alternate.
    await measure('ArrowRight');
    await measure('ArrowLeft');
    const busy: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      empty.push(await measure('ArrowRight'));
      busy.push(await measure('ArrowLeft'));
    }
    const rendered = await page.locator('[data-appointment-id]').count();
    const b = stats(busy);
    const e = stats(empty);
    return [{
      name: `week view, ${PROVIDERS} providers, ${APPOINTMENTS} appointments (${rendered} drawn, the rest behind "+N more"): data ready to painted, median of ${RUNS}`,
      value: ms(b.median), baseline: `empty week ${ms(e.median)}`, ratio: b.median / e.median, target: '<= 500 ms', met: b.median <= 500,
    }];
  } finally {
    await browser.close();
    await desk.close();
  }
}
