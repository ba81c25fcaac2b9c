import { describe, expect, it } from 'vitest';
import { checkPatientDetails, phoneDigitsOf, type PatientDetails } from './patient-details';

const today = '2026-03-11';
const valid: PatientDetails = { dateOfBirth: '1980-02-29', phone: '+1 (212) 555-0143', email: null, preferredChannel: 'sms' };

describe('checkPatientDetails', () => {
  it('accepts a real past date of birth and a phone for text reminders', () => {
    expect(checkPatientDetails(valid, today)).toEqual([]);
  });

  it('refuses dates that do not exist, lie in the future or are implausibly old', () => {
    const fieldsFor = (dateOfBirth: string) => checkPatientDetails({ ...valid, dateOfBirth }, today).map((i) => i.field);
    expect(fieldsFor('1981-02-29')).toEqual(['dateOfBirth']);
    expect(fieldsFor('2026-03-12')).toEqual(['dateOfBirth']);
    expect(fieldsFor('1899-01-01')).toEqual(['dateOfBirth']);
    expect(fieldsFor(today)).toEqual([]);
  });

  it('needs the contact detail the preferred channel uses', () => {
    expect(checkPatientDetails({ ...valid, phone: null }, today)).toEqual([{ field: 'phone', message: expect.stringMatching(/text message/), sentence: { key: 'refusal.textNeedsPhone' } }]);
    expect(checkPatientDetails({ ...valid, preferredChannel: 'email' }, today)).toEqual([{ field: 'email', message: expect.stringMatching(/email/), sentence: { key: 'refusal.emailNeedsAddress' } }]);
    expect(checkPatientDetails({ ...valid, phone: null, preferredChannel: 'none' }, today)).toEqual([]);
  });

  it('refuses phone numbers with too few or too many digits, or letters', () => {
    for (const phone of ['555-01', '+1 212 555 0143 0000 12', '212-CALL-NOW']) {
      expect(checkPatientDetails({ ...valid, phone }, today).map((i) => i.field)).toEqual(['phone']);
    }
  });

  it('reports every problem at once', () => {
    expect(checkPatientDetails({ dateOfBirth: '2030-01-01', phone: '12', email: null, preferredChannel: 'email' }, today)).toHaveLength(3);
  });
});

describe('phoneDigitsOf', () => {
  it('keeps only digits', () => expect(phoneDigitsOf('+1 (212) 555-0143')).toBe('12125550143'));
});
