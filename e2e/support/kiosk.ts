// What the kiosk tests need from the desk, asked the way the desk asks: over the browser
// host's API with the launch token and a receptionist's session. Today's demo visits at the
// first location (the one the desk's calendar opens on), sorted by where the clinic clock
// puts them against the kiosk's check-in window.
import type { Page } from '@playwright/test';
import { Temporal } from 'temporal-polyfill';
import type { Api } from '../../main/api/router';
import { expect, staffWithRole } from './fixtures';
import type { TestDeskHost } from './start-desk';

const minute = 60_000;

export class DeskApi {
  private constructor(private readonly desk: TestDeskHost, private readonly token: string, private readonly sessionId: string) {}

  static async signIn(desk: TestDeskHost): Promise<DeskApi> {
    const token = decodeURIComponent(/token=([^&]+)/.exec(new URL(desk.launchUrl).hash)?.[1] ?? '');
    const person = staffWithRole(desk, 'receptionist');
    const anonymous = new DeskApi(desk, token, '');
    const staff = await anonymous.call('session.staff', {});
    const me = staff.find((s) => s.name === person.name);
    if (!me) throw new Error(`${person.name} is not on the desk's staff list.`);
    const session = await anonymous.call('session.signIn', { staffUserId: me.id, secret: person.secret });
    return new DeskApi(desk, token, session.sessionId);
  }

  async call<K extends keyof Api>(name: K, input: Api[K]['input']): Promise<Api[K]['output']> {
    const response = await fetch(`${this.desk.url}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...(this.sessionId ? { 'x-session': this.sessionId } : {}) },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: true; value: Api[K]['output'] } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }
}

export interface KioskVisit {
  appointmentId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  code: string;
  startAt: number;
  /** As the desk's calendar names the patient. */
  label: string;
  /** The status the desk shows before the kiosk touches it. */
  statusLabel: 'Booked' | 'Confirmed';
}

/** Where a visit's start lies against the kiosk's window (an hour before to 15 minutes after). */
export type Timing = 'open' | 'late' | 'early';

const taken = new Set<string>();

/** A visit of today's no other test has used, with a patient who has no other visit today here. */
export async function takeVisit(api: DeskApi, desk: TestDeskHost, timing: Timing): Promise<KioskVisit> {
  const now = desk.now();
  const location = (await api.call('schedule.locations', {}))[0]!;
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(location.timeZone).toPlainDate().toString();
  const { appointments } = await api.call('schedule.dayView', { locationId: location.id, date: today });
  // Margins inside the window (at least ten minutes): the clinic clock keeps running while the test does.
  const fits = {
    open: (startAt: number) => startAt > now - 5 * minute && startAt < now + 50 * minute,
    late: (startAt: number) => startAt < now - 30 * minute,
    early: (startAt: number) => startAt > now + 90 * minute,
  }[timing];
  const visitsOf = (patientId: string) => appointments.filter((a) => a.patientId === patientId).length;
  const sameName = (lastName: string | null) => appointments.filter((a) => a.patientLastName?.toLowerCase() === lastName?.toLowerCase()).length;
  const candidate = appointments.find((a) => (a.status === 'booked' || a.status === 'confirmed') && fits(a.startAt) && !taken.has(a.id)
    && visitsOf(a.patientId) === 1 && sameName(a.patientLastName) === 1 && a.patientFirstName && a.patientLastName);
  if (!candidate) throw new Error(`The demo clinic has no ${timing} visit left for the kiosk tests.`);
  taken.add(candidate.id);
  const { appointment } = await api.call('appointments.get', { appointmentId: candidate.id });
  const { patient } = await api.call('patients.panel', { patientId: candidate.patientId });
  return {
    appointmentId: candidate.id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    dateOfBirth: patient.dateOfBirth,
    code: appointment.confirmationCode,
    startAt: candidate.startAt,
    label: `${patient.lastName}, ${patient.firstName}`,
    statusLabel: candidate.status === 'booked' ? 'Booked' : 'Confirmed',
  };
}

export async function statusOf(api: DeskApi, visit: KioskVisit): Promise<string> {
  return (await api.call('appointments.get', { appointmentId: visit.appointmentId })).appointment.status;
}

/** As the kiosk shows a time: the clinic's wall clock, in the reader's language. */
export function kioskClock(startAt: number, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(startAt);
}

/** Staff at a new tablet: open the kiosk page and type the pairing code the desk created. */
export async function pairKiosk(page: Page, desk: TestDeskHost, api: DeskApi, onPairingScreen?: () => Promise<void>): Promise<void> {
  const location = (await api.call('schedule.locations', {}))[0]!;
  const { code } = await api.call('kiosk.createPairingCode', { locationId: location.id, name: 'Lobby tablet' });
  await page.goto(`${desk.url}/kiosk.html`);
  await expect(page.getByRole('heading', { name: 'Pair this kiosk' })).toBeVisible();
  await onPairingScreen?.();
  await page.getByLabel('Pairing code').fill(code);
  await page.getByRole('button', { name: 'Pair kiosk' }).click();
  await expect(page.getByRole('heading', { name: `Welcome to ${location.name}` })).toBeVisible();
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
