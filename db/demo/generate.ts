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
import type { ReminderRule, SourceChannel, WallBreak } from '../schema/shared';
import type { AppointmentStatus, Role } from '../rules/types';
import {
  appointmentNotes,
  cancelReasons,
  englishFemaleNames,
  englishLastNames,
  englishMaleNames,
  hispanicFemaleNames,
  hispanicLastNames,
  hispanicMaleNames,
  otherFemaleNames,
  otherLastNames,
  otherMaleNames,
  spanishNotes,
  waitlistNotes,
} from './names';
import { SeededRandom, seededUuid } from './random';

export interface DemoClinicOptions {
  seed?: number;
  /** The clinic's "today", 'YYYY-MM-DD'; bookings span the 3 months before and after it. */
  anchorDate: string;
  /** Number of patients; 2,000 unless given. */
  patients?: number;
  /** Hashes a PIN for staff_users.secret_hash (argon2id in the app; injected so db/ stays pure). */
  hashSecret: (secret: string) => string;
}

export type DemoRow = Record<string, unknown>;

export interface DemoClinic {
  orgId: string;
  tables: Partial<Record<ReplicatedTableName, DemoRow[]>>;
  /** The PINs behind staff_users.secret_hash, for signing in to the demo. */
  staffCredentials: { name: string; role: string; secret: string }[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MONTHS_EACH_SIDE = 3;

type LocationKey = 'manhattan' | 'losAngeles';
type ResourceGroup = 'exam' | 'procedure' | 'therapy' | 'ultrasound' | 'ecg';
type Specialty = 'family medicine' | 'internal medicine' | 'pediatrics' | 'dermatology' | 'cardiology' | 'physiotherapy';
type ServiceKey =
  | 'newPatient' | 'followUp' | 'physical' | 'wellChild' | 'vaccination'
  | 'skinCheck' | 'skinProcedure' | 'ecgConsult' | 'echo' | 'physio';
/** Which patients a provider sees: pediatricians children, most specialists adults. */
type PatientGroup = 'child' | 'adult' | 'any';
type StaffRole = Exclude<Role, 'kiosk' | 'system'>;

interface LocationSpec {
  key: LocationKey;
  name: string;
  timeZone: string;
  address: string;
  phone: string;
  areaCodes: string[];
  /** Resources in the order they are named and offered. */
  resources: { name: string; kind: 'room' | 'equipment'; group: ResourceGroup }[];
}

interface ServiceSpec {
  key: ServiceKey;
  name: string;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** One entry per needed resource; each lists the groups whose members can stand in for each other. */
  needs: ResourceGroup[][];
  /** 'all': eligible_provider_ids stays empty, meaning every provider at the location. */
  specialties: Specialty[] | 'all';
  bookableOnline: boolean;
  color: string;
  preparation: string;
}

interface WorkBlock {
  location: LocationKey;
  weekdays: number[];
  start: string;
  end: string;
  breaks: WallBreak[];
}

interface ProviderSpec {
  key: string;
  name: string;
  specialty: Specialty;
  credentials: string;
  color: string;
  patients: PatientGroup;
  blocks: WorkBlock[];
  /** Relative frequency of each service in this provider's day. */
  mix: [ServiceKey, number][];
}

interface TimeOffSpec {
  provider: string;
  location: LocationKey | null;
  /** Weeks from the anchor's week; days are ISO weekdays within that week. */
  week: number;
  fromDay: number;
  toDay: number;
  hours?: [string, string];
  reason: string;
}

const lunch = (start: string, end: string): WallBreak[] => [{ start, end }];
const weekdays = [1, 2, 3, 4, 5];

const locationSpecs: LocationSpec[] = [
  {
    key: 'manhattan',
    name: 'Maple & Harbor Health - Manhattan',
    timeZone: 'America/New_York',
    address: '200 Example Avenue, Suite 4, New York, NY 10001',
    phone: '+1 212 555 0100',
    areaCodes: ['212', '646', '917', '718'],
    resources: [
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ name: `Exam room ${n}`, kind: 'room' as const, group: 'exam' as const })),
      { name: 'Procedure room', kind: 'room', group: 'procedure' },
      { name: 'Therapy room A', kind: 'room', group: 'therapy' },
      { name: 'Therapy room B', kind: 'room', group: 'therapy' },
      { name: 'Ultrasound', kind: 'equipment', group: 'ultrasound' },
      { name: 'ECG cart 1', kind: 'equipment', group: 'ecg' },
      { name: 'ECG cart 2', kind: 'equipment', group: 'ecg' },
    ],
  },
  {
    key: 'losAngeles',
    name: 'Maple & Harbor Health - Los Angeles',
    timeZone: 'America/Los_Angeles',
    address: '75 Sample Boulevard, Los Angeles, CA 90012',
    phone: '+1 213 555 0100',
    areaCodes: ['213', '310', '323', '818'],
    resources: [
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `Exam room ${n}`, kind: 'room' as const, group: 'exam' as const })),
      { name: 'Procedure room', kind: 'room', group: 'procedure' },
      { name: 'Therapy room A', kind: 'room', group: 'therapy' },
      { name: 'Therapy room B', kind: 'room', group: 'therapy' },
      { name: 'Ultrasound', kind: 'equipment', group: 'ultrasound' },
      { name: 'ECG cart 1', kind: 'equipment', group: 'ecg' },
    ],
  },
];

const primaryCare: Specialty[] = ['family medicine', 'internal medicine', 'pediatrics'];

const serviceSpecs: ServiceSpec[] = [
  {
    key: 'newPatient', name: 'New patient visit', durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 10,
    needs: [['exam']], specialties: primaryCare, bookableOnline: true, color: '#2563eb',
    preparation: 'Arrive 15 minutes early with photo ID, insurance card and a list of current medications.',
  },
  {
    key: 'followUp', name: 'Follow-up visit', durationMin: 20, bufferBeforeMin: 0, bufferAfterMin: 5,
    needs: [['exam', 'therapy']], specialties: 'all', bookableOnline: true, color: '#16a34a',
    preparation: 'Bring any new test results or home readings.',
  },
  {
    key: 'physical', name: 'Annual physical', durationMin: 45, bufferBeforeMin: 0, bufferAfterMin: 10,
    needs: [['exam']], specialties: ['family medicine', 'internal medicine'], bookableOnline: true, color: '#0891b2',
    preparation: 'If blood work is planned, fast for 8 hours beforehand; water is fine.',
  },
  {
    key: 'wellChild', name: 'Well-child visit', durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 5,
    needs: [['exam']], specialties: ['pediatrics'], bookableOnline: true, color: '#f59e0b',
    preparation: "Bring the child's immunization record and any school or sports forms.",
  },
  {
    key: 'vaccination', name: 'Vaccination', durationMin: 15, bufferBeforeMin: 0, bufferAfterMin: 0,
    needs: [['exam']], specialties: primaryCare, bookableOnline: true, color: '#a855f7',
    preparation: 'Wear a short-sleeved shirt and plan to stay 15 minutes after the injection.',
  },
  {
    key: 'skinCheck', name: 'Skin check', durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 5,
    needs: [['exam']], specialties: ['dermatology'], bookableOnline: true, color: '#ec4899',
    preparation: 'Remove nail polish and makeup; note any spots that have changed.',
  },
  {
    key: 'skinProcedure', name: 'Minor skin procedure', durationMin: 45, bufferBeforeMin: 10, bufferAfterMin: 15,
    needs: [['procedure']], specialties: ['dermatology'], bookableOnline: false, color: '#be123c',
    preparation: 'Ask your doctor before stopping blood thinners; eat normally and wear loose clothing.',
  },
  {
    key: 'ecgConsult', name: 'Cardiology consult with ECG', durationMin: 45, bufferBeforeMin: 5, bufferAfterMin: 10,
    needs: [['exam'], ['ecg']], specialties: ['cardiology'], bookableOnline: false, color: '#dc2626',
    preparation: 'Avoid lotion on the chest, wear a two-piece outfit and bring your blood pressure log.',
  },
  {
    key: 'echo', name: 'Echocardiogram', durationMin: 40, bufferBeforeMin: 10, bufferAfterMin: 10,
    needs: [['procedure', 'exam'], ['ultrasound']], specialties: ['cardiology'], bookableOnline: false, color: '#7c3aed',
    preparation: 'No fasting needed. Wear a two-piece outfit.',
  },
  {
    key: 'physio', name: 'Physiotherapy session', durationMin: 45, bufferBeforeMin: 0, bufferAfterMin: 15,
    needs: [['therapy']], specialties: ['physiotherapy'], bookableOnline: true, color: '#65a30d',
    preparation: 'Wear comfortable clothes and bring your home-exercise sheet.',
  },
];

const generalPracticeMix: [ServiceKey, number][] = [['newPatient', 12], ['followUp', 38], ['physical', 20], ['vaccination', 15]];
const pediatricMix: [ServiceKey, number][] = [['wellChild', 40], ['followUp', 25], ['vaccination', 25], ['newPatient', 10]];
const dermatologyMix: [ServiceKey, number][] = [['skinCheck', 45], ['skinProcedure', 25], ['followUp', 30]];
const cardiologyMix: [ServiceKey, number][] = [['ecgConsult', 35], ['echo', 25], ['followUp', 40]];
const physiotherapyMix: [ServiceKey, number][] = [['physio', 85], ['followUp', 15]];

const providerSpecs: ProviderSpec[] = [
  {
    key: 'okafor', name: 'Dr. Amara Okafor', specialty: 'family medicine', credentials: 'MD', color: '#1d4ed8', patients: 'any',
    blocks: [
      { location: 'manhattan', weekdays, start: '08:00', end: '17:00', breaks: lunch('12:00', '13:00') },
      { location: 'manhattan', weekdays: [6], start: '09:00', end: '13:00', breaks: [] },
    ],
    mix: generalPracticeMix,
  },
  {
    key: 'whitcombe', name: 'Dr. Daniel Whitcombe', specialty: 'family medicine', credentials: 'DO', color: '#0f766e', patients: 'any',
    blocks: [
      { location: 'manhattan', weekdays: [1, 3], start: '08:30', end: '17:30', breaks: lunch('12:30', '13:30') },
      { location: 'losAngeles', weekdays: [2, 4, 5], start: '08:30', end: '17:30', breaks: lunch('12:30', '13:30') },
    ],
    mix: generalPracticeMix,
  },
  {
    key: 'herrera', name: 'Dr. Lucía Herrera', specialty: 'family medicine', credentials: 'MD', color: '#b45309', patients: 'any',
    blocks: [
      { location: 'losAngeles', weekdays, start: '08:00', end: '17:00', breaks: lunch('12:00', '13:00') },
      { location: 'losAngeles', weekdays: [6], start: '09:00', end: '13:00', breaks: [] },
    ],
    mix: generalPracticeMix,
  },
  {
    key: 'raman', name: 'Dr. Priya Raman', specialty: 'internal medicine', credentials: 'MD, FACP', color: '#4338ca', patients: 'adult',
    blocks: [{ location: 'manhattan', weekdays: [1, 2, 3, 4], start: '09:00', end: '18:00', breaks: lunch('13:00', '14:00') }],
    mix: [['newPatient', 15], ['followUp', 45], ['physical', 25], ['vaccination', 5]],
  },
  {
    key: 'alvarez', name: 'Dr. Mateo Alvarez', specialty: 'pediatrics', credentials: 'MD, FAAP', color: '#ca8a04', patients: 'child',
    blocks: [{ location: 'losAngeles', weekdays, start: '08:00', end: '16:30', breaks: lunch('12:00', '13:00') }],
    mix: pediatricMix,
  },
  {
    key: 'lindqvist', name: 'Dr. Hannah Lindqvist', specialty: 'pediatrics', credentials: 'MD', color: '#ea580c', patients: 'child',
    blocks: [
      { location: 'manhattan', weekdays, start: '08:00', end: '16:00', breaks: lunch('12:00', '12:45') },
      { location: 'manhattan', weekdays: [6], start: '09:00', end: '12:00', breaks: [] },
    ],
    mix: pediatricMix,
  },
  {
    key: 'adeyemi', name: 'Dr. Samuel Adeyemi', specialty: 'dermatology', credentials: 'MD, FAAD', color: '#db2777', patients: 'adult',
    blocks: [
      { location: 'manhattan', weekdays: [1, 2, 3], start: '09:00', end: '17:00', breaks: lunch('12:30', '13:30') },
      { location: 'losAngeles', weekdays: [4, 5], start: '09:00', end: '17:00', breaks: lunch('12:30', '13:30') },
    ],
    mix: dermatologyMix,
  },
  {
    key: 'tanaka', name: 'Dr. Mei Tanaka', specialty: 'dermatology', credentials: 'MD', color: '#c026d3', patients: 'any',
    blocks: [{ location: 'losAngeles', weekdays: [1, 2, 3, 4], start: '08:00', end: '16:00', breaks: lunch('12:00', '12:30') }],
    mix: dermatologyMix,
  },
  {
    key: 'castellano', name: 'Dr. Robert Castellano', specialty: 'cardiology', credentials: 'MD, FACC', color: '#b91c1c', patients: 'adult',
    blocks: [{ location: 'manhattan', weekdays, start: '08:00', end: '16:00', breaks: lunch('12:00', '13:00') }],
    mix: cardiologyMix,
  },
  {
    key: 'haddad', name: 'Dr. Noor Haddad', specialty: 'cardiology', credentials: 'MD', color: '#9f1239', patients: 'adult',
    blocks: [
      { location: 'losAngeles', weekdays: [1, 2, 3], start: '08:30', end: '16:30', breaks: lunch('12:30', '13:15') },
      { location: 'manhattan', weekdays: [4], start: '08:30', end: '16:30', breaks: lunch('12:30', '13:15') },
    ],
    mix: cardiologyMix,
  },
  {
    key: 'ellison', name: 'Jordan Ellison', specialty: 'physiotherapy', credentials: 'DPT', color: '#4d7c0f', patients: 'adult',
    blocks: [{ location: 'manhattan', weekdays, start: '07:30', end: '15:30', breaks: lunch('11:30', '12:00') }],
    mix: physiotherapyMix,
  },
  {
    key: 'soto', name: 'Valeria Soto', specialty: 'physiotherapy', credentials: 'DPT', color: '#15803d', patients: 'any',
    blocks: [
      { location: 'losAngeles', weekdays: [2, 3, 4, 5], start: '10:00', end: '19:00', breaks: lunch('14:00', '15:00') },
      { location: 'losAngeles', weekdays: [6], start: '09:00', end: '14:00', breaks: [] },
    ],
    mix: physiotherapyMix,
  },
];

const timeOffSpecs: TimeOffSpec[] = [
  { provider: 'okafor', location: null, week: -6, fromDay: 1, toDay: 5, reason: 'Vacation' },
  { provider: 'soto', location: null, week: -3, fromDay: 5, toDay: 5, reason: 'Sick day' },
  { provider: 'lindqvist', location: 'manhattan', week: -2, fromDay: 2, toDay: 2, hours: ['13:00', '16:00'], reason: 'Personal appointment' },
  { provider: 'castellano', location: null, week: 2, fromDay: 3, toDay: 4, reason: 'Cardiology conference' },
  { provider: 'tanaka', location: null, week: 6, fromDay: 1, toDay: 5, reason: 'Vacation' },
  { provider: 'haddad', location: 'losAngeles', week: 9, fromDay: 1, toDay: 1, reason: 'Continuing education' },
];

const staffSpecs: { name: string; role: StaffRole; provider?: string }[] = [
  { name: 'Morgan Reyes', role: 'admin' },
  { name: 'Dana Whitfield', role: 'manager' },
  { name: 'Tyler Brooks', role: 'receptionist' },
  { name: 'Carmen Ibarra', role: 'receptionist' },
  { name: 'Grace Mensah', role: 'nurse' },
  { name: 'Rosa Delgado', role: 'nurse' },
  { name: 'Dr. Amara Okafor', role: 'provider', provider: 'okafor' },
  { name: 'Dr. Lucía Herrera', role: 'provider', provider: 'herrera' },
  { name: 'Dr. Robert Castellano', role: 'provider', provider: 'castellano' },
];

const reminderSpecs: { rule: ReminderRule; service?: ServiceKey }[] = [
  { rule: { channel: 'email', offsetMinutes: 72 * 60, kind: 'reminder', quietHours: null } },
  { rule: { channel: 'sms', offsetMinutes: 24 * 60, kind: 'confirmation_prompt', quietHours: { start: '21:00', end: '08:00' } } },
  { rule: { channel: 'sms', offsetMinutes: 2 * 60, kind: 'reminder', quietHours: { start: '21:00', end: '08:00' } }, service: 'skinProcedure' },
];

/** No 0/O or 1/I: codes are read aloud over the phone and typed at the kiosk. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

const activeStatuses = new Set<AppointmentStatus>(['booked', 'confirmed', 'checked_in', 'in_progress', 'completed']);

const wallMinutes = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));

/** Build a row with the replication columns every replicated table has, left for the store to stamp. */
function replicatedRow(id: string, orgId: string, fields: DemoRow): DemoRow {
  return { id, org_id: orgId, deleted: false, hlc: {}, server_seq: null, ...fields };
}

/** [start, end) pieces of `from` not covered by `cut`. */
function subtractInterval(from: [number, number][], cut: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of from) {
    if (cut[1] <= s || e <= cut[0]) {
      out.push([s, e]);
      continue;
    }
    if (s < cut[0]) out.push([s, cut[0]]);
    if (cut[1] < e) out.push([cut[1], e]);
  }
  return out;
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

interface PatientFacts {
  id: string;
  home: LocationKey;
  isChild: boolean;
  speaksSpanish: boolean;
  /** Misses appointments more often than most; gives the no-show threshold something to flag. */
  isUnreliable: boolean;
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

function generatePatients(
  rng: SeededRandom,
  count: number,
  anchor: Temporal.PlainDate,
  newId: () => string,
  row: (id: string, fields: DemoRow) => DemoRow,
): { patients: DemoRow[]; facts: PatientFacts[] } {
  const patients: DemoRow[] = [];
  const facts: PatientFacts[] = [];
  for (let i = 0; i < count; i++) {
    const heritage = rng.weighted([['english', 52], ['hispanic', 30], ['other', 18]] as const);
    const isFemale = rng.chance(0.52);
    const firstNames = {
      english: isFemale ? englishFemaleNames : englishMaleNames,
      hispanic: isFemale ? hispanicFemaleNames : hispanicMaleNames,
      other: isFemale ? otherFemaleNames : otherMaleNames,
    }[heritage];
    const firstName = rng.pick(firstNames);
    let lastName: string;
    if (heritage === 'hispanic') {
      lastName = rng.pick(hispanicLastNames);
      if (rng.chance(0.2)) lastName = `${lastName} ${rng.pick(hispanicLastNames)}`;
    } else if (heritage === 'other') {
      lastName = rng.chance(0.75) ? rng.pick(otherLastNames) : rng.pick(englishLastNames);
    } else {
      lastName = rng.chance(0.9) ? rng.pick(englishLastNames) : rng.pick([...hispanicLastNames, ...otherLastNames]);
    }

    const isChild = rng.chance(0.22);
    const [youngest, oldest] = isChild
      ? [0, 17]
      : rng.weighted([[[18, 34], 30], [[35, 54], 33], [[55, 74], 27], [[75, 95], 10]] as const);
    const age = rng.int(youngest, oldest);
    const dateOfBirth = anchor.subtract({ years: age }).subtract({ days: rng.int(0, 364) }).toString();

    const home: LocationKey = rng.chance(0.58) ? 'manhattan' : 'losAngeles';
    const spec = locationSpecs.find((l) => l.key === home)!;
    const phone = rng.chance(0.95) ? `+1 ${rng.pick(spec.areaCodes)} 555 01${String(rng.int(0, 99)).padStart(2, '0')}` : null;
    const email = rng.chance(isChild ? 0.7 : 0.85)
      ? `${slug(firstName)}.${slug(lastName)}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(['example.com', 'example.org', 'example.net'])}`
      : null;
    const channel = phone && email
      ? rng.weighted([['sms', 60], ['email', 30], ['none', 10]] as const)
      : phone ? (rng.chance(0.9) ? 'sms' : 'none')
        : email ? (rng.chance(0.9) ? 'email' : 'none')
          : 'none';
    // About half the Spanish-named patients (30%) prefer Spanish: ~15% overall.
    const speaksSpanish = heritage === 'hispanic' && rng.chance(0.5);

    const id = newId();
    patients.push(row(id, {
      first_name: firstName,
      last_name: lastName,
      date_of_birth: dateOfBirth,
      phone,
      email,
      preferred_channel: channel,
      preferred_language: speaksSpanish ? 'es' : 'en',
    }));
    facts.push({ id, home, isChild, speaksSpanish, isUnreliable: rng.chance(0.15) });
  }
  return { patients, facts };
}

interface AppointmentContext {
  rng: SeededRandom;
  codeRng: SeededRandom;
  waitlistRng: SeededRandom;
  idRng: SeededRandom;
  row: (id: string, fields: DemoRow) => DemoRow;
  anchor: Temporal.PlainDate;
  todayStart: Map<LocationKey, number>;
  facts: PatientFacts[];
  locationId: Map<LocationKey, string>;
  providerId: Map<string, string>;
  serviceByKey: Map<ServiceKey, { spec: ServiceSpec; id: string; needsAt: Map<LocationKey, string[][]> }>;
  timeOff: Map<string, { location: LocationKey | null; interval: [number, number] }[]>;
}

function generateAppointments(ctx: AppointmentContext): { appointments: DemoRow[]; waitlist: DemoRow[] } {
  const { rng, anchor, facts } = ctx;
  const firstDay = anchor.subtract({ months: MONTHS_EACH_SIDE });
  const endDay = anchor.add({ months: MONTHS_EACH_SIDE });
  const daysAhead = anchor.until(endDay, { largestUnit: 'days' }).days;

  // Patient pools per location and age group; the first fifth of each pool are the frequent visitors.
  const pools = new Map<string, number[]>();
  const addToPool = (key: string, index: number) => {
    const pool = pools.get(key);
    if (pool) pool.push(index);
    else pools.set(key, [index]);
  };
  facts.forEach((f, i) => {
    addToPool(`${f.home}:any`, i);
    addToPool(`${f.home}:${f.isChild ? 'child' : 'adult'}`, i);
  });
  const pickFromPool = (location: LocationKey, group: PatientGroup): number | undefined => {
    const home = rng.chance(0.95) ? location : location === 'manhattan' ? 'losAngeles' : 'manhattan';
    const pool = pools.get(`${home}:${group}`) ?? pools.get(`${location}:${group}`);
    if (!pool || pool.length === 0) return undefined;
    const frequent = Math.max(1, Math.floor(pool.length / 5));
    return rng.chance(0.3) ? pool[rng.int(0, frequent - 1)] : pool[rng.int(0, pool.length - 1)];
  };

  /** Patient index -> flat [start, end, start, end, ...] of their active visits. */
  const patientBusy = new Map<number, number[]>();
  const isPatientFree = (p: number, start: number, end: number) => {
    const busy = patientBusy.get(p);
    if (!busy) return true;
    for (let k = 0; k < busy.length; k += 2) if (busy[k]! < end && start < busy[k + 1]!) return false;
    return true;
  };
  /** Resource id -> flat buffered claims of the current day (cleared per day: claims never cross midnight). */
  const resourceBusy = new Map<string, number[]>();
  const isResourceFree = (r: string, start: number, end: number) => {
    const busy = resourceBusy.get(r);
    if (!busy) return true;
    for (let k = 0; k < busy.length; k += 2) if (busy[k]! < end && start < busy[k + 1]!) return false;
    return true;
  };
  /** Rooms a provider has used today: they stay in their room when it is free. */
  const roomsToday = new Map<string, string[]>();

  const usedCodes = new Set<string>();
  const newCode = () => {
    let code: string;
    do {
      code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[ctx.codeRng.int(0, CODE_ALPHABET.length - 1)];
    } while (usedCodes.has(code));
    usedCodes.add(code);
    return code;
  };

  // (location, weekday) -> the providers working there that day
  const workdays = new Map<string, { spec: ProviderSpec; block: WorkBlock }[]>();
  for (const spec of providerSpecs) {
    for (const block of spec.blocks) {
      for (const weekday of block.weekdays) {
        const key = `${block.location}:${weekday}`;
        workdays.set(key, [...(workdays.get(key) ?? []), { spec, block }]);
      }
    }
  }

  const appointments: { start: number; row: DemoRow }[] = [];

  let dayOffset = -firstDay.until(anchor, { largestUnit: 'days' }).days;
  for (let date = firstDay; Temporal.PlainDate.compare(date, endDay) < 0; date = date.add({ days: 1 }), dayOffset++) {
    resourceBusy.clear();
    roomsToday.clear();
    const isPast = dayOffset < 0;
    // Past days were about as full as they get; the future fills up the closer it is.
    const fill = isPast ? 0.8 : 0.8 - 0.45 * (dayOffset / daysAhead);

    for (const location of locationSpecs) {
      const working = workdays.get(`${location.key}:${date.dayOfWeek}`);
      if (!working) continue;
      const instantCache = new Map<number, number>();
      const instantAt = (minutes: number) => {
        let at = instantCache.get(minutes);
        if (at === undefined) {
          const plainTime = new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60);
          at = date.toZonedDateTime({ timeZone: location.timeZone, plainTime }).epochMilliseconds;
          instantCache.set(minutes, at);
        }
        return at;
      };
      const nowAt = ctx.todayStart.get(location.key)!;

      for (const { spec, block } of rng.shuffled(working)) {
        const pid = ctx.providerId.get(spec.key)!;
        // Wall-clock pieces of the block between breaks, then instants. A piece that a DST
        // change runs through (its elapsed time differs from its wall length) is skipped
        // rather than guessed at; clinic hours never include 02:00, so none is in practice.
        let wall: [number, number][] = [[wallMinutes(block.start), wallMinutes(block.end)]];
        for (const b of block.breaks) wall = subtractInterval(wall, [wallMinutes(b.start), wallMinutes(b.end)]);
        let pieces: [number, number][] = [];
        for (const [a, b] of wall) {
          const [s, e] = [instantAt(a), instantAt(b)];
          if (e - s === (b - a) * MINUTE) pieces.push([s, e]);
        }
        for (const off of ctx.timeOff.get(spec.key) ?? []) {
          if (off.location === null || off.location === location.key) pieces = subtractInterval(pieces, off.interval);
        }
        for (const [pieceStart, pieceEnd] of pieces) {
          fillPiece(spec, pid, location, pieceStart, pieceEnd, isPast, dayOffset, fill, nowAt);
        }
      }
    }
  }

  function fillPiece(
    spec: ProviderSpec, pid: string, location: LocationSpec,
    pieceStart: number, pieceEnd: number,
    isPast: boolean, dayOffset: number, fill: number, nowAt: number,
  ) {
    let cursor = pieceStart;
    let replacedAt = -1;
    while (cursor < pieceEnd) {
      if (!rng.chance(fill)) {
        cursor += rng.pick([10, 15, 15, 20, 30]) * MINUTE;
        continue;
      }
      const room = (pieceEnd - cursor) / MINUTE;
      const fitting = spec.mix
        .map(([key, weight]) => [ctx.serviceByKey.get(key)!, weight] as const)
        .filter(([s]) => s.spec.bufferBeforeMin + s.spec.durationMin + s.spec.bufferAfterMin <= room);
      if (fitting.length === 0) break;
      const service = rng.weighted(fitting);
      const s = service.spec;
      const start = cursor + s.bufferBeforeMin * MINUTE;
      const end = start + s.durationMin * MINUTE;
      const claimEnd = end + s.bufferAfterMin * MINUTE;

      const resourceIds = claimResources(pid, service.needsAt.get(location.key)!, cursor, claimEnd);
      if (!resourceIds) {
        cursor += 5 * MINUTE;
        continue;
      }
      let patient: number | undefined;
      for (let attempt = 0; attempt < 8 && patient === undefined; attempt++) {
        const candidate = pickFromPool(location.key, spec.patients);
        if (candidate !== undefined && isPatientFree(candidate, start, end)) patient = candidate;
      }
      if (patient === undefined) {
        cursor += 5 * MINUTE;
        continue;
      }
      const f = facts[patient]!;

      const status = isPast ? pastStatus(f) : futureStatus(dayOffset);
      const isActive = activeStatuses.has(status);
      if (isActive) {
        for (const r of resourceIds) {
          const claims = resourceBusy.get(r);
          if (claims) claims.push(cursor, claimEnd);
          else resourceBusy.set(r, [cursor, claimEnd]);
        }
        const used = roomsToday.get(pid) ?? [];
        roomsToday.set(pid, [...used, ...resourceIds.filter((r) => !used.includes(r))]);
        const busy = patientBusy.get(patient) ?? [];
        busy.push(start, end);
        patientBusy.set(patient, busy);
      }

      const channel = rng.weighted<SourceChannel>([
        ['desk', 30], ['phone', 38], ['online', s.bookableOnline ? 27 : 0], ['kiosk', isPast ? 5 : 0],
      ]);
      let bookedAt: number;
      if (channel === 'kiosk') {
        bookedAt = start - rng.int(20, 120) * MINUTE;
      } else {
        const [lo, hi] = rng.weighted([[[0, 0], 6], [[1, 6], 20], [[7, 27], 38], [[28, 55], 26], [[56, 90], 10]] as const);
        bookedAt = start - rng.int(lo, hi) * DAY - rng.int(30, 600) * MINUTE;
        // Nothing is booked after "now" (the start of the demo's today at this location).
        if (bookedAt >= nowAt) bookedAt = nowAt - rng.int(60, 21 * 24 * 60) * MINUTE;
      }

      const isCancelled = status === 'cancelled' || status === 'late_cancelled';
      const notes = f.speaksSpanish && rng.chance(0.3)
        ? rng.pick(spanishNotes)
        : rng.chance(0.1) ? rng.pick(appointmentNotes) : null;
      appointments.push({
        start,
        row: ctx.row(seededUuid(ctx.idRng, bookedAt), {
          location_id: ctx.locationId.get(location.key),
          provider_id: pid,
          service_id: service.id,
          patient_id: f.id,
          resource_ids: resourceIds,
          start_at: start,
          end_at: end,
          buffer_before_min: s.bufferBeforeMin,
          buffer_after_min: s.bufferAfterMin,
          status,
          notes,
          source_channel: channel,
          overbook: false,
          confirmation_code: newCode(),
          cancel_reason: isCancelled ? rng.pick(cancelReasons) : null,
          late_cancel_fee: status === 'late_cancelled',
          booked_at: bookedAt,
        }),
      });

      // A cancelled visit frees its slot; often someone else is booked into it (once per slot).
      const isRebooked = cursor !== replacedAt && isCancelled && rng.chance(status === 'cancelled' ? 0.6 : 0.25);
      if (isRebooked) replacedAt = cursor;
      else cursor = claimEnd;
    }
  }

  function claimResources(pid: string, needs: string[][], claimStart: number, claimEnd: number): string[] | null {
    const chosen: string[] = [];
    const used = roomsToday.get(pid) ?? [];
    for (const candidates of needs) {
      const preferred = used.filter((r) => candidates.includes(r));
      const found = [...preferred, ...candidates].find((r) => !chosen.includes(r) && isResourceFree(r, claimStart, claimEnd));
      if (!found) return null;
      chosen.push(found);
    }
    return chosen;
  }

  function pastStatus(f: PatientFacts): AppointmentStatus {
    // Weighted so that about 10% of past visits are no-shows overall (15% of patients at 30%).
    const noShow = f.isUnreliable ? 0.3 : 0.065;
    const u = rng.next();
    if (u < noShow) return 'no_show';
    if (u < noShow + 0.07) return 'cancelled';
    if (u < noShow + 0.1) return 'late_cancelled';
    return 'completed';
  }

  function futureStatus(daysFromToday: number): AppointmentStatus {
    if (rng.chance(0.05)) return 'cancelled';
    const confirmedShare = daysFromToday <= 2 ? 0.75 : daysFromToday <= 7 ? 0.45 : 0.1;
    return rng.chance(confirmedShare) ? 'confirmed' : 'booked';
  }

  // Plain string order for ties, not localeCompare: the output must not depend on the ICU locale.
  appointments.sort((a, b) => a.start - b.start || ((a.row.id as string) < (b.row.id as string) ? -1 : 1));

  const waitlist = generateWaitlist(ctx, pools);
  return { appointments: appointments.map((a) => a.row), waitlist };
}

function generateWaitlist(ctx: AppointmentContext, pools: Map<string, number[]>): DemoRow[] {
  const rng = ctx.waitlistRng;
  const pickPatient = (location: LocationKey, group: PatientGroup) => {
    const pool = pools.get(`${location}:${group}`) ?? [];
    return pool.length === 0 ? undefined : pool[rng.int(0, pool.length - 1)];
  };
  const rows: DemoRow[] = [];
  for (let i = 0; i < 30; i++) {
    const spec = rng.pick(providerSpecs);
    const block = rng.pick(spec.blocks);
    const serviceKey = rng.weighted(spec.mix);
    const patient = pickPatient(block.location, spec.patients);
    if (patient === undefined) continue;
    const earliest = ctx.anchor.add({ days: rng.int(1, 30) });
    const latest = earliest.add({ days: rng.int(7, 45) });
    const createdAt = ctx.todayStart.get(block.location)! - rng.int(60, 20 * 24 * 60) * MINUTE;
    rows.push(ctx.row(seededUuid(ctx.idRng, createdAt), {
      patient_id: ctx.facts[patient]!.id,
      service_id: ctx.serviceByKey.get(serviceKey)!.id,
      provider_id: rng.chance(0.6) ? ctx.providerId.get(spec.key) : null,
      location_id: ctx.locationId.get(block.location),
      earliest_date: earliest.toString(),
      latest_date: latest.toString(),
      urgency: rng.weighted([[0, 60], [1, 30], [2, 10]] as const),
      status: rng.chance(0.8) ? 'waiting' : 'offered',
      notes: rng.chance(0.3) ? rng.pick(waitlistNotes) : null,
      created_at: createdAt,
    }));
  }
  return rows;
}
