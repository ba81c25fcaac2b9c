// What the analytics read: plain rows, whether they come from the device's replica, the
// server or a test. Instants are UTC milliseconds; calendar dates are in each location's zone.
import type { AppointmentStatus, CalendarDate, Instant, ScheduleException, ScheduleTemplate } from '../rules/types';
import type { SourceChannel } from '../schema/shared';

export interface AnalyticsAppointment {
  id: string;
  locationId: string;
  providerId: string;
  serviceId: string;
  startAt: Instant;
  endAt: Instant;
  status: AppointmentStatus;
  sourceChannel: SourceChannel;
  bookedAt: Instant;
}

export interface AnalyticsLocation {
  id: string;
  name: string;
  timeZone: string;
}

export interface NamedRow {
  id: string;
  name: string;
}

/** Everything a dashboard is computed from; appointments may include rows outside the filter. */
export interface AnalyticsData {
  locations: AnalyticsLocation[];
  providers: NamedRow[];
  services: NamedRow[];
  templates: ScheduleTemplate[];
  exceptions: ScheduleException[];
  appointments: AnalyticsAppointment[];
}

export interface AnalyticsFilter {
  /** First local calendar day, in each location's own zone. */
  from: CalendarDate;
  /** Last local calendar day, included. */
  to: CalendarDate;
  locationId?: string | null;
  providerId?: string | null;
  serviceId?: string | null;
}

export const sourceChannels = ['desk', 'phone', 'online', 'kiosk'] as const satisfies readonly SourceChannel[];
