import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuiet } from './quiet-hours';
import { channelFor, planReminders, rulesFor, type PatientContact, type PlannableAppointment, type ReminderRuleRecord } from './plan';

const LA = 'America/Los_Angeles';
const H = 3_600_000;
const quiet = { start: '21:00', end: '08:00' };
const rules: ReminderRuleRecord[] = [
  { id: 'email72', locationId: null, serviceId: null, rule: { channel: 'email', offsetMinutes: 72 * 60, kind: 'reminder', quietHours: quiet } },
  { id: 'sms24', locationId: null, serviceId: null, rule: { channel: 'sms', offsetMinutes: 24 * 60, kind: 'confirmation_prompt', quietHours: quiet } },
  { id: 'dental', locationId: 'loc-1', serviceId: 'svc-dental', rule: { channel: 'sms', offsetMinutes: 2 * 60, kind: 'reminder', quietHours: null } },
];
const start = Date.parse('2026-06-12T10:00:00-07:00');
const appt = (over: Partial<PlannableAppointment> = {}): PlannableAppointment => ({ id: 'a1', locationId: 'loc-1', serviceId: 'svc-1', patientId: 'p1', startAt: start, status: 'booked', ...over });
const both: PatientContact = { preferredChannel: 'email', phone: '+15550001', email: 'p@example.org' };
const input = (appointments: PlannableAppointment[], now = start - 10 * 24 * H, contact = both) => ({
  appointments, rules, patients: new Map([['p1', contact]]), timeZones: new Map([['loc-1', LA]]), now,
});

describe('planning reminders', () => {
  it('plans each rule at its offset, in the patient\'s preferred channel', () => {
    const planned = planReminders(input([appt()]));
    expect(planned.map((p) => [p.ruleId, p.channel, p.sendAt])).toEqual([
      ['email72', 'email', start - 72 * H],
      ['sms24', 'email', start - 24 * H],
    ]);
  });

  it('uses the most specific rules for a location and service', () => {
    expect(rulesFor(rules, 'loc-1', 'svc-dental').map((r) => r.id)).toEqual(['dental']);
    expect(rulesFor(rules, 'loc-2', 'svc-dental').map((r) => r.id)).toEqual(['email72', 'sms24']);
  });

  it('falls back to the rule\'s channel, and sends nothing to patients who opted out', () => {
    expect(channelFor(rules[1]!.rule, { preferredChannel: 'email', phone: '+1555', email: null })).toBe('sms');
    expect(channelFor(rules[1]!.rule, { preferredChannel: 'none', phone: '+1555', email: 'a@b.c' })).toBeNull();
    expect(planReminders(input([appt()], undefined, { ...both, preferredChannel: 'none' }))).toEqual([]);
  });

  it('does not ask a patient who confirmed already, nor remind about cancelled or past visits', () => {
    expect(planReminders(input([appt({ status: 'confirmed' })])).map((p) => p.ruleId)).toEqual(['email72']);
    expect(planReminders(input([appt({ status: 'cancelled' })]))).toEqual([]);
    expect(planReminders(input([appt()], start + 1))).toEqual([]);
  });

  it('reminds late bookings now, and a moved appointment under a new key', () => {
    const now = start - 25 * H; // 09:00 the day before: outside quiet hours
    const [late] = planReminders(input([appt()], now));
    expect(late!.sendAt).toBe(now);
    const moved = planReminders(input([appt({ startAt: start + 24 * H })]))[0]!;
    expect(moved.dedupeKey).not.toBe(planReminders(input([appt()]))[0]!.dedupeKey);
  });

  it('keeps each location\'s quiet hours for appointments starting at the same instant', () => {
    const at = Date.parse('2026-06-12T13:00:00Z'); // 06:00 in Los Angeles (quiet), 09:00 in New York
    const planned = planReminders({
      ...input([appt({ id: 'la', startAt: at }), appt({ id: 'ny', locationId: 'loc-ny', startAt: at }), appt({ id: 'la2', startAt: at })]),
      timeZones: new Map([['loc-1', LA], ['loc-ny', 'America/New_York']]),
    });
    expect(planned.map((p) => [p.appointmentId, p.ruleId, p.sendAt])).toEqual([
      ['la', 'email72', Date.parse('2026-06-09T08:00:00-07:00')],
      ['la', 'sms24', Date.parse('2026-06-11T08:00:00-07:00')],
      ['ny', 'email72', at - 72 * H],
      ['ny', 'sms24', at - 24 * H],
      ['la2', 'email72', Date.parse('2026-06-09T08:00:00-07:00')],
      ['la2', 'sms24', Date.parse('2026-06-11T08:00:00-07:00')],
    ]);
  });

  it('never plans a reminder in quiet hours or after the appointment starts', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 * 24 * 4 }), fc.integer({ min: 1, max: 24 * 14 }), (startOffsetMin, leadHours) => {
      const startAt = Date.parse('2026-10-28T00:00:00Z') + startOffsetMin * 60_000;
      const now = startAt - leadHours * H;
      for (const p of planReminders(input([appt({ startAt })], now))) {
        expect(p.sendAt).toBeLessThan(startAt);
        expect(p.sendAt).toBeGreaterThanOrEqual(now - 60_000 * 24 * 60);
        expect(isQuiet(p.sendAt, quiet, LA)).toBe(false);
      }
    }), { numRuns: 300 });
  });
});
