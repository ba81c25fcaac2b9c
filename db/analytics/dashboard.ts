// The manager dashboard's reports by name: one place that pairs each computation with its
// tables, so the API, the benchmark and the CSV export cannot drift apart.
import { computeAttendance, type AttendanceReport } from './attendance';
import { computeChannelMix, type ChannelMixReport } from './channel-mix';
import { computeLeadTime, type LeadTimeReport } from './lead-time';
import { computePeakHours, type PeakHoursBasis, type PeakHoursReport } from './peak-hours';
import { computeProductivity, type ProductivityReport } from './productivity';
import { toCsv, type DataTable } from './table';
import { attendanceTables, channelMixTables, leadTimeTables, peakHoursTables, productivityTables, utilizationTables } from './tables';
import type { AnalyticsData, AnalyticsFilter } from './types';
import { computeUtilization, type UtilizationReport } from './utilization';

export interface ReportTable extends DataTable {
  csv: string;
}

export interface Report<T> {
  filter: AnalyticsFilter;
  data: T;
  tables: ReportTable[];
}

export interface ReportOptions {
  peakHoursBasis?: PeakHoursBasis;
}

export interface ReportTypes {
  utilization: UtilizationReport;
  attendance: AttendanceReport;
  leadTime: LeadTimeReport;
  peakHours: PeakHoursReport;
  channelMix: ChannelMixReport;
  productivity: ProductivityReport;
}

export type ReportName = keyof ReportTypes;

interface Definition<T> {
  compute(data: AnalyticsData, filter: AnalyticsFilter, options: ReportOptions): T;
  tables(report: T): DataTable[];
}

const definitions: { [K in ReportName]: Definition<ReportTypes[K]> } = {
  utilization: { compute: computeUtilization, tables: utilizationTables },
  attendance: { compute: computeAttendance, tables: attendanceTables },
  leadTime: { compute: computeLeadTime, tables: leadTimeTables },
  peakHours: { compute: (d, f, o) => computePeakHours(d, f, o.peakHoursBasis), tables: peakHoursTables },
  channelMix: { compute: computeChannelMix, tables: channelMixTables },
  productivity: { compute: computeProductivity, tables: productivityTables },
};

export const reportNames = Object.keys(definitions) as ReportName[];

export function buildReport<K extends ReportName>(name: K, data: AnalyticsData, filter: AnalyticsFilter, options: ReportOptions = {}): Report<ReportTypes[K]> {
  const definition = definitions[name] as Definition<ReportTypes[K]>;
  const report = definition.compute(data, filter, options);
  return { filter, data: report, tables: definition.tables(report).map((t) => ({ ...t, csv: toCsv(t) })) };
}

export type Dashboard = { [K in ReportName]: Report<ReportTypes[K]> };

export function buildDashboard(data: AnalyticsData, filter: AnalyticsFilter, options: ReportOptions = {}): Dashboard {
  return {
    utilization: buildReport('utilization', data, filter, options),
    attendance: buildReport('attendance', data, filter, options),
    leadTime: buildReport('leadTime', data, filter, options),
    peakHours: buildReport('peakHours', data, filter, options),
    channelMix: buildReport('channelMix', data, filter, options),
    productivity: buildReport('productivity', data, filter, options),
  };
}
