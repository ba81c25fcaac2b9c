// A clinic for the reminder benchmark, loaded in bulk into a server store through the same
// import path as the demo clinic (claims included, so it holds no double booking): two
// locations in two zones, providers booked every half hour from 08:00 to 18:00 local for
// the coming days plus a past week of history, patients with mixed channels, and reminder
// rules at every level (everywhere, per location, per service, per service at a location).
import { v7 as uuidv7 } from 'uuid';
import type { ReminderRule } from '../../db/schema/shared';
import type { ReplicatedTableName } from '../../db/schema/registry';
import { addDays, getStartOfDay, resolveWallTime } from '../../db/rules/wallclock';
import { systemChanges } from '../../sync-server/bootstrap';
import type { SyncServer } from '../../sync-server/app';
import { appointmentValues } from '../../sync-server/testing/harness';

const MIN = 60_000;
const SLOTS_PER_DAY = 20; // 08:00 to 18:00 in half hours
const PAST_DAYS = 7;
const QUIET = { start: '21:00', end: '08:00' };

export interface ReminderClinicOptions {
  providers: number;
  /** Local days booked, starting the day after `today`. */
  days: number;
  /** The clinic's today (YYYY-MM-DD); planning runs from its midnight. */
  today: string;
}

export interface ReminderClinic {
  orgId: string;
  /** Booked or confirmed, after `planFrom` and within `days` of it. */
  upcoming: number;
  /** Just before the first upcoming day starts anywhere in the clinic. */
  planFrom: number;
  patients: number;
  rules: number;
}

const zones = ['America/New_York', 'America/Los_Angeles'];

/** Mixed contact details: most patients reachable on the channel they prefer, some not, some opted out. */
function patientRow(i: number): Record<string, unknown> {
  const kind = i % 20;
  const channel = kind < 9 ? 'sms' : kind < 16 ? 'email' : kind < 18 ? 'none' : 'sms';
  const phone = kind < 9 || kind === 16 ? `+1555${String(1_000_000 + i).slice(-7)}` : null; // 18, 19: prefer SMS without a phone
  const email = kind >= 9 ? `patient${i}@example.org` : null;
  return {
    id: uuidv7(), first_name: `Pat${i}`, last_name: 'Bench', date_of_birth: '1980-01-01', phone, email,
    preferred_channel: channel, preferred_language: i % 3 === 0 ? 'es' : 'en', deleted: false,
  };
}

export async function seedReminderClinic(server: SyncServer, { providers, days, today }: ReminderClinicOptions): Promise<ReminderClinic> {
  const orgId = await server.ensureOrganization('Reminder Bench Clinic');
  const load = async (table: ReplicatedTableName, rows: Record<string, unknown>[]) => {
    for (let first = 0; first < rows.length; first += 2_000) {
      const changes = systemChanges(table, rows.slice(first, first + 2_000), () => server.clock.now());
      const refused = (await server.importAsSystem(orgId, table, changes)).find((r) => r.status !== 'accepted');
      if (refused) throw new Error(`The reminder bench clinic could not be written (${table}): ${JSON.stringify(refused)}`);
    }
  };

  const locations = zones.map((time_zone, i) => ({ id: uuidv7(), name: `Location ${i + 1}`, time_zone, address: `${i + 1} Main St`, deleted: false }));
  const services = ['Check-up', 'New patient visit', 'Procedure', 'Follow-up'].map((name) => ({ id: uuidv7(), name, duration_min: 30, deleted: false }));
  const providerRows = Array.from({ length: providers }, (_, p) => ({
    id: uuidv7(), name: `Dr. Bench ${p}`, specialty: 'family', location_ids: [locations[p % locations.length]!.id], deleted: false,
  }));
  // About four upcoming visits per patient over the month; at least one patient per provider, so a half hour never double-books anyone.
  const patients = Array.from({ length: Math.max(providers, Math.round((providers * days * SLOTS_PER_DAY) / 4)) }, (_, i) => patientRow(i));

  const rule = (channel: ReminderRule['channel'], hours: number, kind: ReminderRule['kind'] = 'reminder'): ReminderRule => ({ channel, offsetMinutes: hours * 60, kind, quietHours: QUIET });
  const [newYork, losAngeles] = locations;
  const [, newPatient, procedure] = services;
  const ruleRows = [
    // Everywhere: email three days ahead, an SMS confirmation prompt the day before.
    { location_id: null, service_id: null, rule: rule('email', 72) },
    { location_id: null, service_id: null, rule: rule('sms', 24, 'confirmation_prompt') },
    // New York adds a same-day confirmation prompt.
    { location_id: newYork!.id, service_id: null, rule: rule('email', 72) },
    { location_id: newYork!.id, service_id: null, rule: rule('sms', 24) },
    { location_id: newYork!.id, service_id: null, rule: rule('sms', 3, 'confirmation_prompt') },
    // New patients hear a week ahead (paperwork), then the day before.
    { location_id: null, service_id: newPatient!.id, rule: rule('email', 7 * 24) },
    { location_id: null, service_id: newPatient!.id, rule: rule('sms', 24, 'confirmation_prompt') },
    // Procedures in Los Angeles: preparation instructions two days ahead, confirmation the same day.
    { location_id: losAngeles!.id, service_id: procedure!.id, rule: rule('email', 48) },
    { location_id: losAngeles!.id, service_id: procedure!.id, rule: rule('sms', 2, 'confirmation_prompt') },
  ].map((r) => ({ id: uuidv7(), ...r, deleted: false }));

  const appointments: Record<string, unknown>[] = [];
  let upcoming = 0;
  for (let d = -PAST_DAYS + 1; d <= days; d++) {
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      providerRows.forEach((provider, p) => {
        const location = locations[p % locations.length]!;
        const date = addDays(today, d);
        const start = resolveWallTime(date, `${String(8 + Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`, location.time_zone);
        // Consecutive patients within a half hour: nobody is in two places at once.
        const n = appointments.length;
        const past = d <= 0;
        const status = past ? (n % 9 === 0 ? 'no_show' : 'completed') : n % 4 === 0 ? 'confirmed' : 'booked';
        if (!past) upcoming++;
        appointments.push({
          id: uuidv7(), ...appointmentValues({
            location_id: location.id, provider_id: provider.id, service_id: services[(n * 7 + slot) % services.length]!.id,
            patient_id: patients[((d + PAST_DAYS) * SLOTS_PER_DAY * providers + slot * providers + p) % patients.length]!.id,
            start_at: start, end_at: start + 30 * MIN, booked_at: start - 14 * 86_400_000, status,
          }),
        });
      });
    }
  }

  await load('locations', locations);
  await load('services', services);
  await load('providers', providerRows);
  await load('patients', patients);
  await load('reminder_rules', ruleRows);
  await load('appointments', appointments);
  const planFrom = Math.min(...zones.map((z) => getStartOfDay(addDays(today, 1), z))) - 1;
  return { orgId, upcoming, planFrom, patients: patients.length, rules: ruleRows.length };
}
