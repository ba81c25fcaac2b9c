// The demo clinic: a fictional two-location practice with six months of bookings around a
// chosen "today", built only from a seed so that every device, test and screenshot shows the
// same clinic. Rows are keyed by SQL column name (the wire names) and carry empty replication
// metadata; the store stamps HLCs when it loads them.
//
// Appointments are laid out day by day: each provider's working blocks (template hours minus
// breaks minus time off, converted to instants in the location's zone with Temporal) are
// walked with a cursor, so a provider's buffered claims never overlap by construction; rooms,
// equipment and patients are checked against small occupancy lists (per day for resources,
// per patient for patients), which keeps the whole run linear in the number of appointments.

import { Temporal } from 'temporal-polyfill';
import type { ReplicatedTableName } from '../schema/registry';
import { SeededRandom, seededUuid } from './random';
import { DAY, locationSpecs, serviceSpecs, providerSpecs, timeOffSpecs, staffSpecs, reminderSpecs, type LocationKey, type ResourceGroup, type Specialty, type ServiceKey, type ServiceSpec, type DemoRow } from './clinic-spec';
import { generateAppointments } from './appointments';
import { generatePatients } from './patients';

export type { DemoRow } from './clinic-spec';

export interface DemoClinicOptions {
  seed?: number;
  /** The clinic's "today", 'YYYY-MM-DD'; bookings span the 3 months before and after it. */
  anchorDate: string;
  /** Number of patients; 2,000 unless given. */
  patients?: number;
  /** Hashes a PIN for staff_users.secret_hash (argon2id in the app; injected so db/ stays pure). */
  hashSecret: (secret: string) => string;
}


export interface DemoClinic {
  orgId: string;
  tables: Partial<Record<ReplicatedTableName, DemoRow[]>>;
  /** The PINs behind staff_users.secret_hash, for signing in to the demo. */
  staffCredentials: { name: string; role: string; secret: string }[];
}

/** Build a row with the replication columns every replicated table has, left for the store to stamp. */
function replicatedRow(id: string, orgId: string, fields: DemoRow): DemoRow {
  return { id, org_id: orgId, deleted: false, hlc: {}, server_seq: null, ...fields };
}

/** Generate the demo clinic described in the file header. Same options, same output. */
export function generateDemoClinic(options: DemoClinicOptions): DemoClinic {
  const seed = options.seed ?? 1;
  const patientCount = options.patients ?? 2000;
  if (!Number.isInteger(patientCount) || patientCount < 1) throw new RangeError('patients must be a positive integer');
  const anchor = Temporal.PlainDate.from(options.anchorDate);
  const root = new SeededRandom(seed);
  const idRng = root.fork('ids');
  const rng = {
    staff: root.fork('staff'),
    patients: root.fork('patients'),
    schedule: root.fork('appointments'),
    codes: root.fork('codes'),
    waitlist: root.fork('waitlist'),
  };

  const zoneOf = new Map(locationSpecs.map((l) => [l.key, l.timeZone]));
  /** Start of the anchor day in each location: "now" for booking times. */
  const todayStart = new Map(locationSpecs.map((l) => [l.key, anchor.toZonedDateTime(l.timeZone).epochMilliseconds]));
  // Reference data is stamped as created a year before the demo's today, so its v7-shaped ids sort first.
  let setupAt = todayStart.get('manhattan')! - 365 * DAY;
  const setupId = () => seededUuid(idRng, (setupAt += 1000));

  const orgId = setupId();
  const row = (id: string, fields: DemoRow) => replicatedRow(id, orgId, fields);

  const organizations = [row(orgId, { name: 'Maple & Harbor Health (demo)' })];

  const locationId = new Map<LocationKey, string>();
  const locations = locationSpecs.map((l) => {
    const id = setupId();
    locationId.set(l.key, id);
    return row(id, { name: l.name, time_zone: l.timeZone, address: l.address, phone: l.phone });
  });

  // group -> location -> resource ids, in naming order
  const resourcesByGroup = new Map<ResourceGroup, Map<LocationKey, string[]>>();
  const resources: DemoRow[] = [];
  for (const l of locationSpecs) {
    for (const r of l.resources) {
      const id = setupId();
      resources.push(row(id, { location_id: locationId.get(l.key), name: r.name, kind: r.kind }));
      const byLocation = resourcesByGroup.get(r.group) ?? new Map<LocationKey, string[]>();
      resourcesByGroup.set(r.group, byLocation);
      byLocation.set(l.key, [...(byLocation.get(l.key) ?? []), id]);
    }
  }
  const membersOf = (groups: ResourceGroup[], location: LocationKey) =>
    groups.flatMap((g) => resourcesByGroup.get(g)?.get(location) ?? []);

  const providerId = new Map<string, string>();
  const providers = providerSpecs.map((p) => {
    const id = setupId();
    providerId.set(p.key, id);
    const locationIds = [...new Set(p.blocks.map((b) => b.location))].map((k) => locationId.get(k));
    return row(id, { name: p.name, specialty: p.specialty, credentials: p.credentials, location_ids: locationIds, color: p.color });
  });

  interface ServiceRuntime {
    spec: ServiceSpec;
    id: string;
    /** The required resources narrowed to one location: one inner list per needed resource. */
    needsAt: Map<LocationKey, string[][]>;
  }
  const serviceByKey = new Map<ServiceKey, ServiceRuntime>();
  const services = serviceSpecs.map((s) => {
    const id = setupId();
    const needsAt = new Map(locationSpecs.map((l) => [l.key, s.needs.map((groups) => membersOf(groups, l.key))]));
    serviceByKey.set(s.key, { spec: s, id, needsAt });
    // Services are organization-wide, so each interchangeable set names the resources of both
    // locations; booking narrows it to the appointment's location.
    const required = s.needs.map((groups) => locationSpecs.flatMap((l) => membersOf(groups, l.key)));
    const eligible = s.specialties === 'all'
      ? []
      : providerSpecs.filter((p) => (s.specialties as Specialty[]).includes(p.specialty)).map((p) => providerId.get(p.key));
    return row(id, {
      name: s.name,
      duration_min: s.durationMin,
      buffer_before_min: s.bufferBeforeMin,
      buffer_after_min: s.bufferAfterMin,
      eligible_provider_ids: eligible,
      required_resources: required,
      preparation: s.preparation,
      color: s.color,
      bookable_online: s.bookableOnline,
    });
  });

  const scheduleTemplates: DemoRow[] = [];
  for (const p of providerSpecs) {
    for (const b of p.blocks) {
      for (const weekday of b.weekdays) {
        scheduleTemplates.push(row(setupId(), {
          provider_id: providerId.get(p.key),
          location_id: locationId.get(b.location),
          weekday,
          start: b.start,
          end: b.end,
          breaks: b.breaks.map((x) => ({ ...x })),
          valid_from: null,
          valid_to: null,
        }));
      }
    }
  }

  const anchorMonday = anchor.subtract({ days: anchor.dayOfWeek - 1 });
  const timeOff = new Map<string, { location: LocationKey | null; interval: [number, number] }[]>();
  const scheduleExceptions = timeOffSpecs.map((t) => {
    const spec = providerSpecs.find((p) => p.key === t.provider)!;
    const zone = zoneOf.get(t.location ?? spec.blocks[0]!.location)!;
    const monday = anchorMonday.add({ weeks: t.week });
    const first = monday.add({ days: t.fromDay - 1 });
    const last = monday.add({ days: t.toDay - 1 });
    const startAt = t.hours
      ? first.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(t.hours[0]) }).epochMilliseconds
      : first.toZonedDateTime(zone).epochMilliseconds;
    const endAt = t.hours
      ? last.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(t.hours[1]) }).epochMilliseconds
      : last.add({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
    timeOff.set(t.provider, [...(timeOff.get(t.provider) ?? []), { location: t.location, interval: [startAt, endAt] }]);
    return row(setupId(), {
      provider_id: providerId.get(t.provider),
      location_id: t.location ? locationId.get(t.location) : null,
      kind: 'time_off',
      start_at: startAt,
      end_at: endAt,
      reason: t.reason,
    });
  });

  const policies = [row(setupId(), {
    location_id: null,
    cancellation_notice_hours: 24,
    late_cancel_fee_cents: 2500,
    no_show_grace_minutes: 15,
    no_show_threshold: 3,
    check_in_early_minutes: 60,
    late_arrival_minutes: 15,
  })];

  const reminderRules = reminderSpecs.map((r) => row(setupId(), {
    location_id: null,
    service_id: r.service ? serviceByKey.get(r.service)!.id : null,
    rule: { ...r.rule, quietHours: r.rule.quietHours ? { ...r.rule.quietHours } : null },
  }));

  const staffCredentials: DemoClinic['staffCredentials'] = [];
  const usedPins = new Set<string>();
  const staffUsers = staffSpecs.map((s) => {
    let pin: string;
    do {
      pin = String(rng.staff.int(0, 999_999)).padStart(6, '0');
    } while (usedPins.has(pin) || /^(\d)\1+$/.test(pin));
    usedPins.add(pin);
    staffCredentials.push({ name: s.name, role: s.role, secret: pin });
    return row(setupId(), {
      name: s.name,
      role: s.role,
      secret_hash: options.hashSecret(pin),
      provider_id: s.provider ? providerId.get(s.provider) : null,
      active: true,
    });
  });

  const { patients, facts } = generatePatients(rng.patients, patientCount, anchor, setupId, row);

  const { appointments, waitlist } = generateAppointments({
    rng: rng.schedule,
    codeRng: rng.codes,
    waitlistRng: rng.waitlist,
    idRng,
    row,
    anchor,
    todayStart,
    facts,
    locationId,
    providerId,
    serviceByKey,
    timeOff,
  });

  return {
    orgId,
    tables: {
      organizations,
      locations,
      providers,
      resources,
      services,
      schedule_templates: scheduleTemplates,
      schedule_exceptions: scheduleExceptions,
      policies,
      reminder_rules: reminderRules,
      staff_users: staffUsers,
      patients,
      appointments,
      waitlist_entries: waitlist,
    },
    staffCredentials,
  };
}
