// Each report as the table(s) behind its chart: same numbers, no re-computation.
import type { AttendanceFigures, AttendanceReport } from './attendance';
import type { ChannelMixReport } from './channel-mix';
import type { LeadTimeReport } from './lead-time';
import { weekdayNames, type PeakHoursReport } from './peak-hours';
import type { ProductivityReport } from './productivity';
import type { DataTable, TableColumn } from './table';
import type { UtilizationReport } from './utilization';

const col = (key: string, label: string, kind: TableColumn['kind']): TableColumn => ({ key, label, kind });

export function utilizationTables(r: UtilizationReport): DataTable[] {
  const figures = [col('availableMinutes', 'Available minutes', 'minutes'), col('bookedMinutes', 'Booked minutes', 'minutes'), col('utilization', 'Utilization', 'rate')];
  return [
    {
      title: 'Utilization by provider',
      columns: [col('locationName', 'Location', 'text'), col('providerName', 'Provider', 'text'), ...figures],
      rows: r.byProvider.map((p) => [p.locationName, p.providerName, p.availableMinutes, p.bookedMinutes, p.utilization]),
    },
    {
      title: 'Utilization by location',
      columns: [col('locationName', 'Location', 'text'), ...figures],
      rows: [
        ...r.byLocation.map((l) => [l.locationName, l.availableMinutes, l.bookedMinutes, l.utilization]),
        ['All locations', r.total.availableMinutes, r.total.bookedMinutes, r.total.utilization],
      ],
    },
  ];
}

const attendanceCells = (f: AttendanceFigures) => [
  f.appointments, f.attended, f.noShow, f.cancelled, f.lateCancelled, f.open, f.noShowRate, f.cancellationRate, f.lateCancellationRate,
];

export function attendanceTables(r: AttendanceReport): DataTable[] {
  return [{
    title: 'No-shows and cancellations by week',
    columns: [
      col('weekStart', 'Week starting', 'text'), col('appointments', 'Appointments', 'count'), col('attended', 'Attended', 'count'),
      col('noShow', 'No-shows', 'count'), col('cancelled', 'Cancelled', 'count'), col('lateCancelled', 'Late cancellations', 'count'),
      col('open', 'Open', 'count'), col('noShowRate', 'No-show rate', 'rate'), col('cancellationRate', 'Cancellation rate', 'rate'),
      col('lateCancellationRate', 'Late-cancellation rate', 'rate'),
    ],
    rows: [...r.weeks.map((w) => [w.weekStart, ...attendanceCells(w)]), ['Whole range', ...attendanceCells(r.total)]],
  }];
}

export function leadTimeTables(r: LeadTimeReport): DataTable[] {
  return [
    {
      title: 'Booking lead time',
      columns: [col('label', 'Booked ahead', 'text'), col('appointments', 'Appointments', 'count'), col('share', 'Share', 'rate')],
      rows: r.buckets.map((b) => [b.label, b.appointments, b.share]),
    },
    {
      title: 'Booking lead time summary',
      columns: [col('appointments', 'Appointments', 'count'), col('medianDays', 'Median (days)', 'days'), col('meanDays', 'Mean (days)', 'days'), col('p90Days', '90th percentile (days)', 'days')],
      rows: [[r.appointments, r.medianDays, r.meanDays, r.p90Days]],
    },
  ];
}

export function peakHoursTables(r: PeakHoursReport): DataTable[] {
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  return [{
    title: r.basis === 'visits' ? 'Visits by weekday and hour' : 'Bookings made by weekday and hour',
    columns: [col('weekday', 'Weekday', 'text'), ...hours.map((h) => col(`h${h}`, `${h}:00`, 'count'))],
    rows: r.counts.map((row, d) => [weekdayNames[d]!, ...row]),
  }];
}

export function channelMixTables(r: ChannelMixReport): DataTable[] {
  return [{
    title: 'Bookings by channel',
    columns: [col('channel', 'Channel', 'text'), col('appointments', 'Appointments', 'count'), col('share', 'Share', 'rate')],
    rows: [...r.channels.map((c) => [c.channel, c.appointments, c.share]), ['All channels', r.appointments, r.appointments === 0 ? null : 1]],
  }];
}

export function productivityTables(r: ProductivityReport): DataTable[] {
  return [{
    title: 'Completed visits by provider',
    columns: [col('providerName', 'Provider', 'text'), col('completedVisits', 'Completed visits', 'count'), col('completedMinutes', 'Minutes', 'minutes'), col('averageVisitMinutes', 'Average visit (minutes)', 'minutes')],
    rows: [
      ...r.providers.map((p) => [p.providerName, p.completedVisits, p.completedMinutes, p.averageVisitMinutes]),
      ['All providers', r.completedVisits, r.completedMinutes, r.completedVisits === 0 ? null : Math.round((r.completedMinutes / r.completedVisits) * 100) / 100],
    ],
  }];
}
