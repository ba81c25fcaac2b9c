import type { ApiOutput } from '../../api/client';

export type DashboardReports = ApiOutput<'analytics.dashboard'>;
export type ReportName = keyof DashboardReports;
export type ReportTable = DashboardReports[ReportName]['tables'][number];
export type FilterOptions = ApiOutput<'analytics.filterOptions'>;
export type Cell = ReportTable['rows'][number][number];
