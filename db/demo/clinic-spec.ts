// The demo clinic's fixed description: its places, services, people, schedules and the
// small helpers the generators share. Changing anything here changes every demo clinic.

import type { ReminderRule, WallBreak } from '../schema/shared';
import type { AppointmentStatus, Role } from '../rules/types';

export type DemoRow = Record<string, unknown>;

export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const MONTHS_EACH_SIDE = 3;

export type LocationKey = 'manhattan' | 'losAngeles';
export type ResourceGroup = 'exam' | 'procedure' | 'therapy' | 'ultrasound' | 'ecg';
export type Specialty = 'family medicine' | 'internal medicine' | 'pediatrics' | 'dermatology' | 'cardiology' | 'physiotherapy';
export type ServiceKey =
  | 'newPatient' | 'followUp' | 'physical' | 'wellChild' | 'vaccination'
  | 'skinCheck' | 'skinProcedure' | 'ecgConsult' | 'echo' | 'physio';
/** Which patients a provider sees: pediatricians children, most specialists adults. */
export type PatientGroup = 'child' | 'adult' | 'any';
export type StaffRole = Exclude<Role, 'kiosk' | 'system'>;

export interface LocationSpec {
  key: LocationKey;
  name: string;
  timeZone: string;
  address: string;
  phone: string;
  areaCodes: string[];
  /** Resources in the order they are named and offered. */
  resources: { name: string; kind: 'room' | 'equipment'; group: ResourceGroup }[];
}

export interface ServiceSpec {
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

export interface WorkBlock {
  location: LocationKey;
  weekdays: number[];
  start: string;
  end: string;
  breaks: WallBreak[];
}

export interface ProviderSpec {
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

export interface TimeOffSpec {
  provider: string;
  location: LocationKey | null;
  /** Weeks from the anchor's week; days are ISO weekdays within that week. */
  week: number;
  fromDay: number;
  toDay: number;
  hours?: [string, string];
  reason: string;
}

export const lunch = (start: string, end: string): WallBreak[] => [{ start, end }];
export const weekdays = [1, 2, 3, 4, 5];

export const locationSpecs: LocationSpec[] = [
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

export const primaryCare: Specialty[] = ['family medicine', 'internal medicine', 'pediatrics'];

export const serviceSpecs: ServiceSpec[] = [
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

export const generalPracticeMix: [ServiceKey, number][] = [['newPatient', 12], ['followUp', 38], ['physical', 20], ['vaccination', 15]];
export const pediatricMix: [ServiceKey, number][] = [['wellChild', 40], ['followUp', 25], ['vaccination', 25], ['newPatient', 10]];
export const dermatologyMix: [ServiceKey, number][] = [['skinCheck', 45], ['skinProcedure', 25], ['followUp', 30]];
export const cardiologyMix: [ServiceKey, number][] = [['ecgConsult', 35], ['echo', 25], ['followUp', 40]];
export const physiotherapyMix: [ServiceKey, number][] = [['physio', 85], ['followUp', 15]];

export const providerSpecs: ProviderSpec[] = [
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

export const timeOffSpecs: TimeOffSpec[] = [
  { provider: 'okafor', location: null, week: -6, fromDay: 1, toDay: 5, reason: 'Vacation' },
  { provider: 'soto', location: null, week: -3, fromDay: 5, toDay: 5, reason: 'Sick day' },
  { provider: 'lindqvist', location: 'manhattan', week: -2, fromDay: 2, toDay: 2, hours: ['13:00', '16:00'], reason: 'Personal appointment' },
  { provider: 'castellano', location: null, week: 2, fromDay: 3, toDay: 4, reason: 'Cardiology conference' },
  { provider: 'tanaka', location: null, week: 6, fromDay: 1, toDay: 5, reason: 'Vacation' },
  { provider: 'haddad', location: 'losAngeles', week: 9, fromDay: 1, toDay: 1, reason: 'Continuing education' },
];

export const staffSpecs: { name: string; role: StaffRole; provider?: string }[] = [
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

export const reminderSpecs: { rule: ReminderRule; service?: ServiceKey }[] = [
  { rule: { channel: 'email', offsetMinutes: 72 * 60, kind: 'reminder', quietHours: null } },
  { rule: { channel: 'sms', offsetMinutes: 24 * 60, kind: 'confirmation_prompt', quietHours: { start: '21:00', end: '08:00' } } },
  { rule: { channel: 'sms', offsetMinutes: 2 * 60, kind: 'reminder', quietHours: { start: '21:00', end: '08:00' } }, service: 'skinProcedure' },
];

/** No 0/O or 1/I: codes are read aloud over the phone and typed at the kiosk. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export const activeStatuses = new Set<AppointmentStatus>(['booked', 'confirmed', 'checked_in', 'in_progress', 'completed']);

export const wallMinutes = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));

/** [start, end) pieces of `from` not covered by `cut`. */
export function subtractInterval(from: [number, number][], cut: [number, number]): [number, number][] {
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

export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

export interface PatientFacts {
  id: string;
  home: LocationKey;
  isChild: boolean;
  speaksSpanish: boolean;
  /** Misses appointments more often than most; gives the no-show threshold something to flag. */
  isUnreliable: boolean;
}
