import { Bar } from 'react-chartjs-2';
import { formatCount } from '../format';
import { useManagerText } from '../i18n';
import { baseOptions, palette } from './chart-setup';
import { ChartBox } from './ChartBox';
import type { DashboardReports } from './types';

type LeadTime = DashboardReports['leadTime']['data'];

export function LeadTimeChart({ data }: { data: LeadTime }) {
  const { t, maybe, language } = useManagerText();
  const chart = {
    labels: data.buckets.map((b) => maybe(`value.${b.label}`, b.label)),
    datasets: [{ label: t('column.appointments'), data: data.buckets.map((b) => b.appointments), backgroundColor: palette[5] }],
  };
  const days = (v: number | null) => (v === null ? '—' : formatCount(v, language));
  return (
    <>
      <ChartBox>
        <Bar role="img" aria-label={t('chart.leadTime')} data={chart} options={{ ...baseOptions<'bar'>(), scales: { y: { beginAtZero: true } } }} />
      </ChartBox>
      <p className="report-summary">{t('chart.leadTimeSummary', { median: days(data.medianDays), mean: days(data.meanDays), p90: days(data.p90Days) })}</p>
    </>
  );
}
