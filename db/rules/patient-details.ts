// Checks on a new patient's details that need more than a format: a date of birth that is a
// real day in the past, and contact details that match the channel reminders will use.
import { Temporal } from 'temporal-polyfill';
import { inEnglish, say, type Sentence } from './refusals';
import type { CalendarDate } from './types';

export interface PatientDetails {
  dateOfBirth: CalendarDate;
  phone: string | null;
  email: string | null;
  preferredChannel: 'sms' | 'email' | 'none';
}

export interface DetailIssue {
  field: keyof PatientDetails;
  message: string;
  sentence: Sentence;
}

function issue(field: keyof PatientDetails, sentence: Sentence): DetailIssue {
  return { field, message: inEnglish([sentence]), sentence };
}

// The oldest verified human lived 122 years; anything older is a typing error.
const maxAgeYears = 125;
const phoneDigits = { min: 7, max: 15 }; // E.164 allows at most 15 digits

/** The digits of a phone number, which is what a search or a reminder gateway compares. */
export function phoneDigitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

function isRealDate(date: CalendarDate): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  try {
    Temporal.PlainDate.from(date, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function yearsBefore(date: CalendarDate, years: number): CalendarDate {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/** Every problem at once, so the form can mark all fields in one go; `today` is the desk's local date. */
export function checkPatientDetails(details: PatientDetails, today: CalendarDate): DetailIssue[] {
  const issues: DetailIssue[] = [];
  if (!isRealDate(details.dateOfBirth)) {
    issues.push(issue('dateOfBirth', say('refusal.birthDateNotADate', { date: details.dateOfBirth })));
  } else if (details.dateOfBirth > today) {
    issues.push(issue('dateOfBirth', say('refusal.birthDateInFuture')));
  } else if (details.dateOfBirth < yearsBefore(today, maxAgeYears)) {
    issues.push(issue('dateOfBirth', say('refusal.birthDateTooOld', { years: maxAgeYears })));
  }
  if (details.phone !== null) {
    const digits = phoneDigitsOf(details.phone).length;
    if (digits < phoneDigits.min || digits > phoneDigits.max || !/^\+?[\d\s().-]+$/.test(details.phone)) {
      issues.push(issue('phone', say('refusal.phoneDigits', phoneDigits)));
    }
  }
  if (details.preferredChannel === 'sms' && details.phone === null) {
    issues.push(issue('phone', say('refusal.textNeedsPhone')));
  }
  if (details.preferredChannel === 'email' && details.email === null) {
    issues.push(issue('email', say('refusal.emailNeedsAddress')));
  }
  return issues;
}
