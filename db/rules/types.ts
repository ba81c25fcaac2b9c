// Plain domain shapes the scheduling rules work on. They are structurally what the
// drizzle rows hold (db/schema/), minus replication bookkeeping, so rules stay pure
// and can be fed from SQLite on a device, PostgreSQL on the server, or a test.

/** UTC instant in milliseconds since the epoch. */
export type Instant = number;

/** Half-open interval [start, end) of UTC instants. */
export interface Interval {
  start: Instant;
  end: Instant;
}

/** Wall-clock time of day in a location's zone, "HH:MM" (24 h). */
export type WallTime = string;
/** Calendar date in a location's zone, "YYYY-MM-DD". */
export type CalendarDate = string;

export type Role = 'receptionist' | 'nurse' | 'provider' | 'manager' | 'admin' | 'kiosk' | 'system';

export const appointmentStatuses = [
  'booked',
  'confirmed',
  'checked_in',
  'in_progress',
  'completed',
  'cancelled',
  'late_cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export interface Location {
  id: string;
  timeZone: string; // IANA, e.g. "America/New_York"
}

export interface Service {
  id: string;
  durationMin: number;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** Empty means every provider at the location may deliver it. */
  eligibleProviderIds: string[];
  /** Each inner list is a set of interchangeable resources; one of each set is needed. */
  requiredResources: string[][];
}

/** One weekly working block of a provider at a location. */
export interface ScheduleTemplate {
  id: string;
  providerId: string;
  locationId: string;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  start: WallTime;
  end: WallTime;
  breaks: { start: WallTime; end: WallTime }[];
  validFrom: CalendarDate | null;
  validTo: CalendarDate | null; // inclusive
}

export interface ScheduleException {
  id: string;
  providerId: string;
  /** null: applies at every location (e.g. vacation). */
  locationId: string | null;
  kind: 'time_off' | 'extra_hours';
  startAt: Instant;
  endAt: Instant;
}

export interface Appointment {
  id: string;
  locationId: string;
  providerId: string;
  serviceId: string;
  patientId: string;
  resourceIds: string[];
  startAt: Instant;
  endAt: Instant;
  status: AppointmentStatus;
  /** Buffers copied from the service when booked, so editing a service never moves existing claims. */
  bufferBeforeMin: number;
  bufferAfterMin: number;
  overbook: boolean;
}

export interface Policy {
  cancellationNoticeHours: number;
  noShowGraceMinutes: number;
  /** Patients with at least this many no-shows + late cancellations are flagged at booking. */
  noShowThreshold: number;
  /** Check-in allowed from this many minutes before the start... */
  checkInEarlyMinutes: number;
  /** ...until this many minutes after it (later arrivals see the desk). */
  lateArrivalMinutes: number;
}
