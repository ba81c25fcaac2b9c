import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChain } from '../store/testing/audit';
import { classifyPatientQuery } from './patients';
import { Fixtures, hour, NOON, openTestDesk, type TestDesk } from './testing/desk';

let desk: TestDesk;
let fixtures: Fixtures;
let session: string;

beforeAll(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  session = await desk.signIn('receptionist');
});
afterAll(() => desk.cleanup());

const search = async (query: string) => {
  const result = await desk.router.invoke('patients.search', { query }, session);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

describe('classifyPatientQuery', () => {
  it('reads dates, phone numbers and names', () => {
    expect(classifyPatientQuery('1985-06-15')).toEqual({ kind: 'dateOfBirth', date: '1985-06-15' });
    expect(classifyPatientQuery('6/15/1985')).toEqual({ kind: 'dateOfBirth', date: '1985-06-15' });
    expect(classifyPatientQuery('(212) 555-01')).toEqual({ kind: 'phone', digits: '21255501' });
    expect(classifyPatientQuery('Smith, Jo')).toEqual({ kind: 'name', terms: ['smith', 'jo'] });
  });
});

describe('patients.search', () => {
  it('finds by name prefixes in either order, by date of birth and by phone digits', async () => {
    const id = fixtures.patient({ first_name: 'Evangelina', last_name: 'Quintero-Holt', date_of_birth: '1961-07-04', phone: '+1 (917) 555-0177' });
    for (const query of ['quintero', 'Quintero-Holt, Evan', 'evan quin', '1961-07-04', '7/4/1961', '917 555 0177', '9175550177']) {
      const found = await search(query);
      expect(found.patients.map((p) => p.id), query).toContain(id);
    }
    expect((await search('quintero zed')).patients).toEqual([]);
  });

  it('finds a compound or hyphenated surname by any of its words', async () => {
    const id = fixtures.patient({ first_name: 'Isabela', last_name: 'Flores Navarro', date_of_birth: '1988-02-29' });
    const hyphen = fixtures.patient({ first_name: 'Ana', last_name: 'Ruiz-Tagle', date_of_birth: '1990-01-01' });
    for (const query of ['navarro', 'Navarro, Isa', 'Flores Navarro Isabela', 'isa nav']) {
      expect((await search(query)).patients.map((p) => p.id), query).toContain(id);
    }
    expect((await search('tagle ana')).patients.map((p) => p.id)).toContain(hyphen);
    // A word must start where the term starts: no matching in the middle of a word.
    expect((await search('avarro')).patients.map((p) => p.id)).not.toContain(id);
  });

  it('treats wildcard characters as text', async () => {
    expect((await search('%_%')).patients).toEqual([]);
  });
});

describe('patients.create', () => {
  const details = { firstName: 'Marisol', lastName: 'Okonkwo', dateOfBirth: '1992-11-30', phone: '+1 646 555 0142', preferredLanguage: 'es' as const };

  it('registers a patient through the audited write path', async () => {
    const result = await desk.router.invoke('patients.create', details, session);
    expect(result).toMatchObject({ ok: true, value: { patient: { firstName: 'Marisol', lastName: 'Okonkwo', preferredChannel: 'sms', preferredLanguage: 'es', email: null } } });
    expect(readChain(desk.store).at(-1)).toMatchObject({ action: 'patient.create', staffUserId: desk.staffId('receptionist') });
  });

  it('stops at a likely duplicate unless told it is someone else', async () => {
    const again = await desk.router.invoke('patients.create', { ...details, firstName: 'marisol' }, session);
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate', details: { patients: [{ lastName: 'Okonkwo' }] } } });
    expect(await desk.router.invoke('patients.create', { ...details, isNotDuplicate: true }, session)).toMatchObject({ ok: true });
  });

  it('reports every problem with the details at once', async () => {
    const result = await desk.router.invoke('patients.create', { firstName: 'Tim', lastName: 'Ng', dateOfBirth: '2031-01-01', phone: '12', preferredChannel: 'email' }, session);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect((result.error.details as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual(['dateOfBirth', 'email', 'phone']);
  });

  it('refuses a malformed email or a missing name before anything else', async () => {
    const result = await desk.router.invoke('patients.create', { ...details, firstName: ' ', email: 'not-an-email' }, session);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'firstName', message: 'Enter a first name.' }, { path: 'email' }] } } });
    // The desk says the schema's own sentences in its language; a zod default becomes "not valid".
    expect(result).toMatchObject({ error: { sentences: [{ key: 'refusal.checkDetails' }, { key: 'refusal.firstNameMissing' }, { key: 'refusal.emailInvalid' }] } });
  });

  it('names each problem with the details as a sentence the desk can translate', async () => {
    const result = await desk.router.invoke('patients.create', { ...details, dateOfBirth: '2999-01-01', phone: '12' }, session);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', sentences: [{ key: 'refusal.birthDateInFuture' }, { key: 'refusal.phoneDigits', values: { min: 7, max: 15 } }] } });
  });
});

describe('patients.panel', () => {
  it('shows upcoming and past visits and flags a patient at the no-show threshold', async () => {
    const patientId = fixtures.patient();
    const providerId = fixtures.provider();
    const serviceId = fixtures.service();
    const visit = (days: number, status: 'booked' | 'no_show' | 'late_cancelled' | 'cancelled' | 'completed') =>
      fixtures.appointment({ providerId, serviceId, patientId, startAt: NOON + days * 24 * hour, status });
    visit(-30, 'no_show');
    visit(-20, 'late_cancelled');
    visit(-10, 'completed');
    const next = visit(7, 'booked');
    visit(8, 'cancelled');

    const read = async () => {
      const result = await desk.router.invoke('patients.panel', { patientId, locationId: desk.locationId }, session);
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    };
    let panel = await read();
    expect(panel.upcoming.map((a) => a.id)).toEqual([next]);
    expect(panel.upcoming[0]).toMatchObject({ serviceName: 'Fixture visit', providerName: 'Dr. Fixture Provider' });
    expect(panel.past.map((a) => a.status)).toEqual(['cancelled', 'completed', 'late_cancelled', 'no_show']);
    expect(panel.attendance).toEqual({ noShows: 1, lateCancellations: 1, threshold: 3, isFlagged: false });

    visit(-5, 'no_show');
    panel = await read();
    expect(panel.attendance).toEqual({ noShows: 2, lateCancellations: 1, threshold: 3, isFlagged: true });
  });

  it('answers not_found for an unknown patient', async () => {
    expect(await desk.router.invoke('patients.panel', { patientId: 'missing' }, session)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
