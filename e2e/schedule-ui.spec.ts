// The schedule's newer parts, end to end against the browser host, a real sync server and
// real encrypted device databases: working hours, drag and drop, the patient's attendance
// warning, a refusal from the server, the idle lock, Spanish, shortcuts and the waitlist.
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { bookByKeyboard, parseSlot, takePatient, type OfferedSlot } from './support/booking';
import { expect, signIn, staffWithRole, test } from './support/fixtures';
import { saveScreen } from './support/screens';

function schedule(page: Page): Locator {
  return page.getByRole('main', { name: 'Schedule' });
}

test('shades working hours, names breaks and time off, and gives the last sync in the clinic zone', async ({ page, desk }) => {
  await signIn(page, desk);
  const calendar = schedule(page);
  // Los Angeles on a Tuesday: Dr. Haddad works 08:30-16:30 with lunch 12:30-13:15.
  await expect(calendar.getByText('Dr. Noor Haddad: break')).toBeVisible();
  expect(await calendar.locator('.off-hours').count()).toBeGreaterThan(0);

  // Only the providers shown: the others' breaks go.
  const providers = page.getByRole('group', { name: 'Providers' });
  await providers.getByRole('button', { name: 'Show none' }).click();
  await expect(calendar.getByText(/: break$/)).toHaveCount(0);
  await providers.getByRole('checkbox', { name: 'Dr. Noor Haddad' }).check();
  await expect(calendar.getByText('Dr. Noor Haddad: break')).toBeVisible();
  await expect(calendar.getByText(/: break$/)).toHaveCount(1);

  // The desk's browser is in Berlin; the sync bar reads the clinic's clock.
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: desk.timeZone, hour: 'numeric', timeZoneName: 'short' }).formatToParts(Date.now());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  await expect(page.getByRole('contentinfo', { name: 'Sync status' }))
    .toContainText(new RegExp(`Last sync: ${part('hour')}:\\d{2}:\\d{2}\\s${part('dayPeriod')}\\s${part('timeZoneName')}`));

  // Dr. Castellano (Manhattan) has a cardiology conference on Wednesday and Thursday in two weeks.
  await page.getByLabel('Location').selectOption({ label: 'Maple & Harbor Health - Manhattan' });
  await expect(page.getByText(/Times in E[SD]T \(America\/New_York\)/)).toBeVisible();
  await page.getByRole('tab', { name: 'Week view' }).click();
  await saveScreen(page, 'week view');
  // Off the view tabs, where arrow keys move between tabs.
  await page.getByRole('button', { name: 'Shortcuts' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(calendar.getByText('Dr. Robert Castellano: time off').first()).toBeVisible();
});

/** Drags an appointment by a number of minutes on the day grid, as a person would with the mouse. */
async function dragBy(page: Page, event: Locator, pixels: number) {
  const box = await event.boundingBox();
  if (!box) throw new Error('The appointment is not on screen.');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 8);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + pixels / 2, { steps: 5 });
  await page.mouse.move(x, y + pixels, { steps: 5 });
  await page.mouse.up();
}

async function whenOf(page: Page, label: string): Promise<string> {
  const event = schedule(page).getByRole('button', { name: new RegExp(label) });
  await event.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: new RegExp(label) });
  const when = (await dialog.locator('dt', { hasText: 'When' }).locator('+ dd').textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return when;
}

test('reschedules by drag and drop, and refuses a drop onto a time the provider already has', async ({ page, desk }) => {
  await signIn(page, desk);
  const first = takePatient(desk);
  const second = takePatient(desk);
  // The first day offered on which a provider has open times well apart; their first of them.
  const a = await bookByKeyboard(page, first, {
    choose: (offered) => offered.findIndex((s) => offered.some((t) => t.day === s.day && t.provider === s.provider && t.minutes - s.minutes >= 60)),
  });
  // The same provider, the same day, clear of the first visit.
  const b = await bookByKeyboard(page, second, {
    provider: a.slot.provider,
    choose: (offered) => offered.findIndex((s) => s.day === a.slot.day && Math.abs(s.minutes - a.slot.minutes) >= 30),
  });

  const eventA = schedule(page).getByRole('button', { name: new RegExp(first.label) });
  const eventB = schedule(page).getByRole('button', { name: new RegExp(second.label) });
  const boxA = (await eventA.boundingBox())!;
  const boxB = (await eventB.boundingBox())!;
  const pixelsPerMinute = (boxB.y - boxA.y) / (b.slot.minutes - a.slot.minutes);

  // Onto the other visit's time: the provider is taken, the drop is undone and said why.
  await dragBy(page, eventB, boxA.y - boxB.y);
  await expect(page.getByRole('alert')).toContainText(/Not moved: That time is taken\..*already has/);
  expect(await whenOf(page, second.label)).toContain(b.slot.when);

  // To a time the booking dialog offered for this provider, clear of both visits: moved.
  const isClear = (s: OfferedSlot) => s.day === a.slot.day && Math.abs(s.minutes - b.slot.minutes) >= 30 && s.minutes !== a.slot.minutes;
  const target = b.offered.filter(isClear).sort((x, y) => Math.abs(x.minutes - a.slot.minutes) - Math.abs(y.minutes - a.slot.minutes))[0];
  if (!target) throw new Error('The provider has no other free time that day.');
  await dragBy(page, eventA, (target.minutes - a.slot.minutes) * pixelsPerMinute);
  await expect(page.getByRole('status').filter({ hasText: `${first.label} moved.` })).toBeVisible();
  expect(await whenOf(page, first.label)).toContain(target.when);
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
});

test('the patient panel shows no-shows and late cancellations with the warning', async ({ page, desk }) => {
  const patient = desk.patientWithMissedVisits(3);
  await signIn(page, desk);
  await page.getByLabel('Find patient').fill(`${patient.lastName} ${patient.firstName}`);
  await expect(page.getByRole('radio', { name: new RegExp(`${patient.lastName}, ${patient.firstName}`) })).toBeChecked();
  await page.getByRole('button', { name: 'Open patient' }).click();
  const panel = page.getByRole('dialog', { name: `${patient.lastName}, ${patient.firstName}` });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  await expect(panel.locator('dt', { hasText: 'Attendance' }).locator('+ dd'))
    .toHaveText(`${plural(patient.noShows, 'no-show')}, ${plural(patient.lateCancellations, 'late cancellation')}`);
  await expect(panel.getByRole('note')).toContainText('At or over the policy threshold of 3 missed or late-cancelled visits');
  await saveScreen(page, 'patient panel');
  expect(await seriousViolations(page)).toEqual([]);
});

/** Day view: steps forward to a day as the dialogs name it ("Wednesday, March 11"). */
async function showDay(page: Page, day: string) {
  const heading = page.getByRole('heading', { name: new RegExp(`^${day.replace(/^\w+, /, '')}, \\d{4}$`) });
  for (let i = 0; i < 14 && !(await heading.isVisible()); i++) await page.keyboard.press('ArrowRight');
  await expect(heading).toBeVisible();
}

/** What a desk's calendar shows: every visit's accessible text, in order. */
async function visitsOn(page: Page): Promise<string[]> {
  return schedule(page).locator('[data-appointment-id]').evaluateAll((events) => events.map((e) => (e.textContent ?? '').trim()).sort());
}

test('two desks offline book the same time: the later one is refused, told why, and rebooks into a next free time', async ({ page, desk, browser }) => {
  const other = await desk.secondDesk();
  await signIn(page, desk);
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.clock.install({ time: desk.now() });
  await signIn(otherPage, { ...desk, launchUrl: other.launchUrl });

  await desk.goOffline();
  await other.goOffline();
  const mine = takePatient(desk);
  const theirs = takePatient(desk);
  const a = await bookByKeyboard(page, mine);
  const b = await bookByKeyboard(otherPage, theirs);
  expect(b.slot).toEqual(a.slot);

  desk.goOnline();
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
  other.goOnline();
  const refused = otherPage.getByRole('button', { name: '1 refused change to resolve' });
  await expect(refused).toBeVisible();
  await refused.click();
  const panel = otherPage.getByRole('dialog', { name: 'Changes the server refused' });
  const rejection = panel.getByRole('listitem').filter({ hasText: `Follow-up visit for ${theirs.label} with ${a.slot.provider} at ${a.slot.when}` });
  await expect(rejection).toContainText('Reason: slot taken');
  // In plain words, from the server: who holds the time.
  await expect(rejection).toContainText(`${a.slot.provider} is already booked`);
  const options = rejection.getByRole('button', { name: new RegExp(`^Book .* with ${a.slot.provider}$`) });
  await expect(options.first()).toBeVisible();
  await expect(rejection.getByRole('button', { name: 'Add to the waitlist' })).toBeVisible();
  await expect(rejection.getByRole('button', { name: 'Cancel this booking' })).toBeVisible();
  // Only managers may overbook; a receptionist is not offered it.
  await expect(rejection.getByRole('button', { name: /^Overbook/ })).toHaveCount(0);
  expect(await seriousViolations(otherPage)).toEqual([]);
  await saveScreen(otherPage, 'conflict panel');

  const next = parseSlot(((await options.first().textContent()) ?? '').replace(/^Book /, ''));
  expect(next.when).not.toBe(a.slot.when);
  await options.first().click();
  await expect(panel.getByRole('status')).toHaveText(`${theirs.label} is booked for ${next.when} with ${a.slot.provider}.`);
  await expect(panel).toContainText('Nothing left to resolve.');
  await otherPage.keyboard.press('Escape');
  await expect(otherPage.getByRole('button', { name: /refused change/ })).toBeHidden();

  // The rebooking syncs up and down: both calendars end the same.
  for (const p of [page, otherPage]) {
    await expect(p.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
    await expect(schedule(p).getByRole('button', { name: new RegExp(mine.label) })).toBeVisible();
    await showDay(p, next.day);
    await expect(schedule(p).getByRole('button', { name: new RegExp(theirs.label) })).toBeVisible();
  }
  await expect.poll(async () => JSON.stringify(await visitsOn(otherPage))).toBe(JSON.stringify(await visitsOn(page)));
  expect(await whenOf(page, theirs.label)).toContain(next.when);
  expect(await whenOf(otherPage, theirs.label)).toContain(next.when);
  await otherContext.close();
});

test('a manager resolving a refused booking may overbook the original time', async ({ page, desk, browser }) => {
  const other = await desk.secondDesk();
  await signIn(page, desk);
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.clock.install({ time: desk.now() });
  await signIn(otherPage, { ...desk, launchUrl: other.launchUrl }, 'manager');

  await desk.goOffline();
  await other.goOffline();
  const mine = takePatient(desk);
  const theirs = takePatient(desk);
  const a = await bookByKeyboard(page, mine);
  const b = await bookByKeyboard(otherPage, theirs);
  expect(b.slot).toEqual(a.slot);
  desk.goOnline();
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
  other.goOnline();
  await otherPage.getByRole('button', { name: '1 refused change to resolve' }).click();
  const panel = otherPage.getByRole('dialog', { name: 'Changes the server refused' });
  await expect(panel.getByRole('button', { name: /^Book .* with / }).first()).toBeVisible();
  await panel.getByRole('button', { name: /^Overbook / }).click();
  await expect(panel.getByRole('status')).toHaveText(`${theirs.label} is overbooked at the original time.`);
  await otherPage.keyboard.press('Escape');
  for (const p of [page, otherPage]) {
    await expect(p.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
    await expect(schedule(p).getByRole('button', { name: new RegExp(theirs.label) })).toBeVisible();
  }
  expect(await whenOf(page, theirs.label)).toContain(a.slot.when);
  await expect(otherPage.getByRole('button', { name: /refused change/ })).toBeHidden();
  await otherContext.close();
});

test('an idle desk locks, hides the schedule, and the same person signs back in', async ({ page, desk }) => {
  const person = await signIn(page, desk);
  desk.advanceClock(6 * 60_000);
  // The renderer asks every 30 s whether the host has locked the session.
  await page.clock.fastForward(31_000);
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The screen locked after a while without activity. Sign in again.');
  await expect(schedule(page)).toHaveCount(0);
  await expect(page.getByRole('radio', { name: new RegExp(person.name) })).toBeChecked();
  await expect(page.getByLabel('PIN or password')).toBeFocused();
  await page.keyboard.type(person.secret);
  await page.keyboard.press('Enter');
  await expect(schedule(page)).toBeVisible();
});

test('works in Spanish end to end and remembers the choice on this device', async ({ page, desk, context }) => {
  const person = staffWithRole(desk, 'receptionist');
  await page.goto(desk.launchUrl);
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('radio', { name: new RegExp(person.name) }).check();
  await expect(page.getByRole('radio', { name: new RegExp(person.name) })).toHaveAccessibleName(/Recepcionista/);
  await page.getByLabel('PIN o contraseña').fill(person.secret);
  await page.getByRole('button', { name: 'Entrar' }).click();

  const agenda = page.getByRole('main', { name: 'Agenda' });
  await expect(agenda).toBeVisible();
  await expect(page.getByRole('button', { name: /Nueva cita/ })).toBeVisible();
  await expect(page.getByText(/Horas en .* \(America\/Los_Angeles\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ir a hoy' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /marzo/ })).toBeVisible();
  const bar = page.getByRole('contentinfo', { name: 'Estado de sincronización' });
  await expect(bar).toContainText('En línea');
  await expect(bar).toContainText('0 cambios pendientes');
  await expect(bar).toContainText(/Última sincronización: \d/);
  await expect(page.getByRole('region', { name: 'Estado' })).toContainText('Cancelación tardía');
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Nueva cita' });
  await expect(dialog.getByRole('heading', { name: '1. Servicio' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /Primera disponible/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: '3. Hora' })).toBeVisible();
  await expect(dialog.getByRole('radio').first()).toHaveAccessibleName(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de marzo, .* con Dr/);
  await page.keyboard.press('Escape');

  const later = await context.newPage();
  await later.goto(desk.launchUrl);
  await expect(later.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await later.getByRole('button', { name: 'English' }).click();
  await expect(later.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('"?" lists the shortcuts, and each listed key does what it says', async ({ page, desk }) => {
  await signIn(page, desk);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const rows = help.getByRole('row');
  await expect(rows).toHaveCount(9);
  for (const [key, action] of [['N', 'New appointment'], ['T', 'Go to today'], ['Left arrow', 'Previous day'], ['Right arrow', 'Next day'],
    ['Slash', 'Find a patient'], ['C', 'Check in the selected appointment'], ['W', 'Open the waitlist'], ['Question mark', 'Show these shortcuts']]) {
    await expect(help.getByRole('row', { name: new RegExp(`^${key} .*${action}`) })).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await expect(page.getByRole('heading', { name: 'March 10, 2026' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { name: 'March 11, 2026' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { name: 'March 9, 2026' })).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: 'March 10, 2026' })).toBeVisible();

  await page.keyboard.press('w');
  await expect(page.getByRole('dialog', { name: 'Waitlist' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Find patient')).toBeFocused();
  await page.getByRole('button', { name: 'Shortcuts' }).focus();

  const { patientLabel } = desk.appointmentReadyForCheckIn();
  const event = schedule(page).getByRole('button', { name: new RegExp(patientLabel) });
  await event.focus();
  await page.keyboard.press('c');
  await expect(page.getByRole('status').filter({ hasText: `${patientLabel} checked in.` })).toBeVisible();
  await expect(schedule(page).getByRole('button', { name: new RegExp(`${patientLabel}.*Checked in`) })).toBeVisible();
});

test('adds a patient to the waitlist from the booking dialog, lists them, and takes them off', async ({ page, desk }) => {
  await signIn(page, desk);
  const patient = takePatient(desk);
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  // Each Enter acts on the step that has focus: wait for it, or a fast key lands before the step is there.
  await expect(dialog.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /First available/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: '3. Time' })).toBeVisible();
  await saveScreen(page, 'booking dialog');
  await dialog.getByRole('button', { name: 'None suits: waitlist…' }).click();
  await expect(dialog.getByRole('heading', { name: 'Add to the waitlist' })).toBeVisible();
  await expect(dialog.getByLabel('Find patient')).toBeFocused();
  await page.keyboard.type(`${patient.lastName} ${patient.firstName}`);
  await expect(dialog.getByRole('radio', { name: new RegExp(patient.label) })).toBeChecked();
  await dialog.getByLabel('Urgency').selectOption({ label: 'Urgent' });
  await dialog.getByLabel('Preferred days and times (optional)').fill('Mornings, any weekday');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add to waitlist' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`${patient.label} is on the waitlist.`);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Waitlist' }).click();
  const panel = page.getByRole('dialog', { name: 'Waitlist' });
  const entry = panel.getByRole('listitem').filter({ hasText: patient.label });
  await expect(entry).toContainText('Urgent');
  await expect(entry).toContainText('Mornings, any weekday');
  await saveScreen(page, 'waitlist');
  expect(await seriousViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: `Remove ${patient.label} from the waitlist` }).click();
  await expect(panel.getByRole('status')).toHaveText(`${patient.label} is off the waitlist.`);
  await expect(entry).toHaveCount(0);
});

test('cancelling a visit suggests the waitlisted patients who fit, and books one into the freed time in one step', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await saveScreen(page, 'sign-in');
  await signIn(page, desk);
  await saveScreen(page, 'day view');
  const leaving = takePatient(desk);
  const waiting = takePatient(desk);
  const booked = await bookByKeyboard(page, leaving);

  // The waiting patient wants the same service with anyone, from today on.
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  const service = dialog.getByRole('radio', { name: /Follow-up visit/ });
  for (let i = 0; i < 20 && !(await service.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /First available/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'None suits: waitlist…' }).click();
  // Typing before the search field has focus would send the keys elsewhere.
  await expect(dialog.getByLabel('Find patient')).toBeFocused();
  await page.keyboard.type(`${waiting.lastName} ${waiting.firstName}`);
  await expect(dialog.getByRole('radio', { name: new RegExp(waiting.label) })).toBeChecked();
  await dialog.getByRole('button', { name: 'Add to waitlist' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`${waiting.label} is on the waitlist.`);
  await page.keyboard.press('Escape');

  await schedule(page).getByRole('button', { name: new RegExp(leaving.label) }).click();
  const appointment = page.getByRole('dialog', { name: new RegExp(leaving.label) });
  await appointment.getByRole('button', { name: 'Cancel appointment…' }).click();
  await appointment.getByLabel('Reason for cancelling').fill('Patient is travelling');
  await appointment.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
  const suggestions = appointment.getByRole('region', { name: 'Waitlist patients who fit the freed time' });
  const match = suggestions.getByRole('listitem').filter({ hasText: waiting.label });
  await expect(match).toBeVisible();
  await expect(suggestions).not.toContainText(leaving.label);
  expect(await seriousViolations(page)).toEqual([]);
  await match.getByRole('button', { name: `Book ${waiting.label} into ${booked.slot.when}` }).click();
  await expect(appointment.getByRole('status')).toHaveText(`${waiting.label} is booked for ${booked.slot.when} and off the waitlist.`);
  await expect(match).toHaveCount(0);
  await page.keyboard.press('Escape');

  expect(await whenOf(page, waiting.label)).toContain(booked.slot.when);
  await page.getByRole('button', { name: 'Waitlist' }).click();
  await expect(page.getByRole('dialog', { name: 'Waitlist' }).getByRole('listitem').filter({ hasText: waiting.label })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('contentinfo', { name: 'Sync status' })).toContainText('0 pending changes');
});

