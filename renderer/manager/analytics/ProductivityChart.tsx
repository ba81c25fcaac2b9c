import { Bar } from 'react-chartjs-2';
import { useManagerText } from '../i18n';
import { baseOptions, palette } from './chart-setup';
import { ChartBox } from './ChartBox';
import type { DashboardReports } from './types';

type Productivity = DashboardReports['productivity']['data'];

export function ProductivityChart({ data }: { data: Productivity }) {
  const { t } = useManagerText();
  const chart = {
    labels: data.providers.map((p) => p.providerName),
    datasets: [
      { label: t('column.completedVisits'), data: data.providers.map((p) => p.completedVisits), backgroundColor: palette[0], yAxisID: 'visits' },
      { label: t('column.completedMinutes'), data: data.providers.map((p) => p.completedMinutes), backgroundColor: palette[4], yAxisID: 'minutes' },
    ],
  };
  // Visits and minutes differ by two orders of magnitude: each gets its own axis.
  const options = {
    ...baseOptions<'bar'>(),
    scales: {
      visits: { type: 'linear' as const, position: 'left' as const, beginAtZero: true, title: { display: true, text: t('column.completedVisits') } },
      minutes: { type: 'linear' as const, position: 'right' as const, beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: t('column.completedMinutes') } },
    },
  };
  return (
    <ChartBox isTall>
      <Bar role="img" aria-label={t('chart.productivity')} data={chart} options={options} />
    </ChartBox>
  );
}
