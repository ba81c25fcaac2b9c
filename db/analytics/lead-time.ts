// Booking lead time: how long before the visit it was booked (start_at - booked_at), for
// every appointment starting in the range, whatever became of it. Buckets are by whole
// elapsed days (24-hour periods, not calendar days), so "same day" means booked less than
// 24 hours ahead. A booking recorded after its start (a walk-in entered late) counts as 0.
import { roundTo, resolveScope } from './scope';
import type { AnalyticsData, AnalyticsFilter } from './types';

const dayMs = 86_400_000;

/** [lowest whole days, highest whole days or null for no limit, label] */
export const leadTimeBuckets = [
  [0, 0, 'Same day (under 24 h)'],
  [1, 2, '1-2 days'],
  [3, 7, '3-7 days'],
  [8, 14, '8-14 days'],
  [15, 30, '15-30 days'],
  [31, 60, '31-60 days'],
  [61, null, 'Over 60 days'],
] as const;

export interface LeadTimeBucket {
  label: string;
  minDays: number;
  maxDays: number | null;
  appointments: number;
  share: number | null;
}

export interface LeadTimeReport {
  buckets: LeadTimeBucket[];
  appointments: number;
  /** In days, 2 decimals; null without appointments. */
  medianDays: number | null;
  meanDays: number | null;
  p90Days: number | null;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

export function computeLeadTime(data: AnalyticsData, filter: AnalyticsFilter): LeadTimeReport {
  const { appointments } = resolveScope(data, filter);
  const leads = new Float64Array(appointments.length);
  const counts = leadTimeBuckets.map(() => 0);
  let sum = 0;
  appointments.forEach((a, i) => {
    const lead = Math.max(0, a.startAt - a.bookedAt);
    leads[i] = lead;
    sum += lead;
    const days = Math.floor(lead / dayMs);
    const bucket = leadTimeBuckets.findIndex(([min, max]) => days >= min && (max === null || days <= max));
    counts[bucket]!++;
  });
  leads.sort();
  const inDays = (ms: number | null) => (ms === null ? null : roundTo(ms / dayMs, 2));
  const n = appointments.length;
  return {
    buckets: leadTimeBuckets.map(([minDays, maxDays, label], i) => ({
      label, minDays, maxDays, appointments: counts[i]!, share: n === 0 ? null : roundTo(counts[i]! / n, 4),
    })),
    appointments: n,
    medianDays: inDays(percentile(leads, 0.5)),
    meanDays: n === 0 ? null : inDays(sum / n),
    p90Days: inDays(percentile(leads, 0.9)),
  };
}
