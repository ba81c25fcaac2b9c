// Appointment statuses in the desk's words, and the class that colours them (styles/app.css
// holds the colours; each pair is at least 4.5:1, WCAG AA for normal text).
import type { ApiOutput } from '../api/client';
import type { MessageKey } from '../i18n/translate';

export type AppointmentStatus = ApiOutput<'appointments.get'>['appointment']['status'];

export const statusLabels: Record<AppointmentStatus, MessageKey> = {
  booked: 'status.booked',
  confirmed: 'status.confirmed',
  checked_in: 'status.checkedIn',
  in_progress: 'status.inProgress',
  completed: 'status.completed',
  cancelled: 'status.cancelled',
  late_cancelled: 'status.lateCancelled',
  no_show: 'status.noShow',
};

export const statusOrder = Object.keys(statusLabels) as AppointmentStatus[];


/**
 * Dark text on a light tint, with a stronger border: every text/background pair here is
 * above 7:1, so the legend and the events pass WCAG AA at any size.
 */
export const statusColors: Record<AppointmentStatus, { background: string; border: string; text: string }> = {
  booked: { background: '#dbeafe', border: '#2563eb', text: '#1e3a8a' },
  confirmed: { background: '#e0e7ff', border: '#4f46e5', text: '#312e81' },
  checked_in: { background: '#dcfce7', border: '#16a34a', text: '#14532d' },
  in_progress: { background: '#fef3c7', border: '#d97706', text: '#78350f' },
  completed: { background: '#f3f4f6', border: '#4b5563', text: '#1f2937' },
  cancelled: { background: '#f9fafb', border: '#9ca3af', text: '#374151' },
  late_cancelled: { background: '#fee2e2', border: '#dc2626', text: '#7f1d1d' },
  no_show: { background: '#fce7f3', border: '#db2777', text: '#831843' },
};
