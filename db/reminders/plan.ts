// Which reminders an appointment gets and when: the rules that apply to its location and
// service, the patient's channel, quiet hours. Pure, so the server can plan a whole month
// of a clinic in memory from a few bulk reads and enqueue the result in one statement.
import type { AppointmentStatus, Instant } from '../rules/types';
import type { ReminderRule } from '../schema/shared';
import { scheduleOutsideQuietHours } from './quiet-hours';

export type Channel = ReminderRule['channel'];

export interface ReminderRuleRecord {
  id: string;
  locationId: string | null;
  serviceId: string | null;
  rule: ReminderRule;
}

export interface PlannableAppointment {
  id: string;
  locationId: string;
  serviceId: string;
  patientId: string;
  startAt: Instant;
  status: AppointmentStatus;
}

export interface PatientContact {
  preferredChannel: Channel | 'none';
  phone: string | null;
  email: string | null;
}

export interface PlannedReminder {
  /** Unique per appointment, rule and start time: re-planning is harmless, a moved appointment is reminded afresh. */
  dedupeKey: string;
  appointmentId: string;
  ruleId: string;
  channel: Channel;
  kind: ReminderRule['kind'];
  startAt: Instant;
  sendAt: Instant;
}

export interface PlanInput {
  appointments: PlannableAppointment[];
  rules: ReminderRuleRecord[];
  patients: Map<string, PatientContact>;
  timeZones: Map<string, string>;
  now: Instant;
}

/** Rules for one location and service: the most specific level that has any wins (service and location, service, location, everywhere). */
export function rulesFor(rules: ReminderRuleRecord[], locationId: string, serviceId: string): ReminderRuleRecord[] {
  const matching = rules.filter((r) => (r.locationId === null || r.locationId === locationId) && (r.serviceId === null || r.serviceId === serviceId));
  const specificity = (r: ReminderRuleRecord) => (r.serviceId ? 2 : 0) + (r.locationId ? 1 : 0);
  const best = Math.max(-1, ...matching.map(specificity));
  return matching.filter((r) => specificity(r) === best);
}

/** The patient's preferred channel when they can be reached on it, else the rule's; null for "no messages". */
export function channelFor(rule: ReminderRule, contact: PatientContact): Channel | null {
  if (contact.preferredChannel === 'none') return null;
  const reachable = (c: Channel) => (c === 'sms' ? !!contact.phone : !!contact.email);
  if (reachable(contact.preferredChannel)) return contact.preferredChannel;
  return reachable(rule.channel) ? rule.channel : null;
}

export function reminderDedupeKey(appointmentId: string, ruleId: string, startAt: Instant): string {
  return `reminder:${appointmentId}:${ruleId}:${startAt}`;
}

export function planReminders({ appointments, rules, patients, timeZones, now }: PlanInput): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const rulesByTarget = new Map<string, ReminderRuleRecord[]>();
  // A clinic's appointments share a few start times (every provider at 9:00), and placing a
  // moment outside quiet hours reads the local wall clock, which is slow: place each once.
  const sendAtFor = new Map<string, Instant | null>();
  for (const a of appointments) {
    if (a.startAt <= now || (a.status !== 'booked' && a.status !== 'confirmed')) continue;
    const contact = patients.get(a.patientId);
    const timeZone = timeZones.get(a.locationId);
    if (!contact || !timeZone) continue;
    const target = `${a.locationId}|${a.serviceId}`;
    let applicable = rulesByTarget.get(target);
    if (!applicable) rulesByTarget.set(target, (applicable = rulesFor(rules, a.locationId, a.serviceId)));
    for (const { id, rule } of applicable) {
      // Someone who already confirmed is not asked to confirm again.
      if (rule.kind === 'confirmation_prompt' && a.status === 'confirmed') continue;
      const channel = channelFor(rule, contact);
      if (!channel) continue;
      const placed = `${id}|${timeZone}|${a.startAt}`;
      let sendAt = sendAtFor.get(placed);
      if (sendAt === undefined) {
        // Booked after the rule's moment: remind now rather than never.
        const due = Math.max(a.startAt - rule.offsetMinutes * 60_000, now);
        sendAtFor.set(placed, (sendAt = scheduleOutsideQuietHours(due, rule.quietHours, timeZone, a.startAt)));
      }
      if (sendAt === null) continue;
      planned.push({ dedupeKey: reminderDedupeKey(a.id, id, a.startAt), appointmentId: a.id, ruleId: id, channel, kind: rule.kind, startAt: a.startAt, sendAt });
    }
  }
  return planned;
}
