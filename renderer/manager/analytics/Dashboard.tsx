// The manager's dashboard, computed by this device from its own replica: it answers offline.
import { useEffect, useId, useState } from 'react';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { addDays, calendarDateIn } from '../../ui/time';
import { useManagerText, type ManagerKey } from '../i18n';
import { AttendanceChart } from './AttendanceChart';
import { ChannelMixChart } from './ChannelMixChart';
import { FilterBar, type DashboardFilter } from './FilterBar';
import { LeadTimeChart } from './LeadTimeChart';
import { PeakHoursGrid } from './PeakHoursGrid';
import { ProductivityChart } from './ProductivityChart';
import { ReportCard } from './ReportCard';
import type { DashboardReports, FilterOptions, ReportName } from './types';
import { UtilizationChart } from './UtilizationChart';
import './chart-setup';
import { useShownError, type ShownError } from '../../i18n/api-errors';

/** Twelve weeks back to today: enough weeks for a trend, few enough to read. */
const defaultDays = 84;

const captions: Record<ReportName, ManagerKey[]> = {
  utilization: ['table.utilizationByProvider', 'table.utilizationByLocation'],
  attendance: ['table.attendance'],
  leadTime: ['table.leadTime', 'table.leadTimeSummary'],
  peakHours: ['table.peakHours'],
  channelMix: ['table.channelMix'],
  productivity: ['table.productivity'],
};

function useDashboard(filter: DashboardFilter | null, basis: 'visits' | 'bookings') {
  const [reports, setReports] = useState<DashboardReports | null>(null);
  const [error, setError] = useState<ShownError>(null);
  useEffect(() => {
    if (!filter) return;
    let isCurrent = true;
    void invoke('analytics.dashboard', {
      from: filter.from, to: filter.to, basis,
      locationId: filter.locationId || null, providerId: filter.providerId || null, serviceId: filter.serviceId || null,
    }).then((r) => {
      if (!isCurrent) return;
      if (!r.ok) return setError(r.error);
      setError(null);
      setReports(r.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [filter, basis]);
  return { reports, error };
}

export function Dashboard() {
  const { t } = useManagerText();
  const shown = useShownError();
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [filter, setFilter] = useState<DashboardFilter | null>(null);
  const [basis, setBasis] = useState<'visits' | 'bookings'>('visits');
  const [optionsError, setOptionsError] = useState<ShownError>(null);
  const basisId = useId();
  const { reports, error } = useDashboard(filter, basis);

  useEffect(() => {
    void invoke('analytics.filterOptions', {}).then((r) => {
      if (!r.ok) return setOptionsError(r.error);
      setOptions(r.value);
      // "Today" in the clinic's first zone, not the laptop's.
      const today = calendarDateIn(Date.now(), r.value.locations[0]?.timeZone ?? 'UTC');
      setFilter({ from: addDays(today, -(defaultDays - 1)), to: today, locationId: '', providerId: '', serviceId: '' });
    });
  }, []);

  const captionsOf = (name: ReportName) => captions[name].map((key) => t(key));

  return (
    <div className="dashboard">
      {filter ? <FilterBar filter={filter} options={options} onChange={setFilter} /> : null}
      <ErrorMessage message={shown(optionsError ?? error)} />
      {!reports ? <p>{t('common.loading')}</p> : (
        <div className="report-grid">
          <ReportCard title={t('report.utilization')} tables={reports.utilization.tables} captions={captionsOf('utilization')}>
            <UtilizationChart data={reports.utilization.data} />
          </ReportCard>
          <ReportCard title={t('report.attendance')} tables={reports.attendance.tables} captions={captionsOf('attendance')}>
            <AttendanceChart data={reports.attendance.data} />
          </ReportCard>
          <ReportCard title={t('report.leadTime')} tables={reports.leadTime.tables} captions={captionsOf('leadTime')}>
            <LeadTimeChart data={reports.leadTime.data} />
          </ReportCard>
          <ReportCard
            title={t('report.peakHours')}
            tables={reports.peakHours.tables}
            captions={captionsOf('peakHours')}
            controls={(
              <>
                <label htmlFor={basisId} className="visually-hidden">{t('dashboard.peakBasis')}</label>
                <select id={basisId} value={basis} onChange={(e) => setBasis(e.target.value === 'bookings' ? 'bookings' : 'visits')}>
                  <option value="visits">{t('dashboard.basisVisits')}</option>
                  <option value="bookings">{t('dashboard.basisBookings')}</option>
                </select>
              </>
            )}
          >
            <PeakHoursGrid data={reports.peakHours.data} />
          </ReportCard>
          <ReportCard title={t('report.channelMix')} tables={reports.channelMix.tables} captions={captionsOf('channelMix')}>
            <ChannelMixChart data={reports.channelMix.data} />
          </ReportCard>
          <ReportCard title={t('report.productivity')} tables={reports.productivity.tables} captions={captionsOf('productivity')}>
            <ProductivityChart data={reports.productivity.data} />
          </ReportCard>
        </div>
      )}
    </div>
  );
}
