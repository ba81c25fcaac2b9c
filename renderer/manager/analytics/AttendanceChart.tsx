import { Line } from 'react-chartjs-2';
import { percentOf } from '../format';
import { useManagerText } from '../i18n';
import { baseOptions, palette } from './chart-setup';
import { ChartBox } from './ChartBox';
import type { DashboardReports } from './types';

type Attendance = DashboardReports['attendance']['data'];

export function AttendanceChart({ data }: { data: Attendance }) {
  const { t } = useManagerText();
  const series = [
    { label: t('column.noShowRate'), values: data.weeks.map((w) => percentOf(w.noShowRate)), color: palette[1] },
    { label: t('column.lateCancellationRate'), values: data.weeks.map((w) => percentOf(w.lateCancellationRate)), color: palette[3] },
    { label: t('column.cancellationRate'), values: data.weeks.map((w) => percentOf(w.cancellationRate)), color: palette[0] },
  ];
  const chart = {
    labels: data.weeks.map((w) => w.weekStart),
    datasets: series.map((s, i) => ({
      label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color,
      // Shape as well as colour tells the lines apart.
      pointStyle: (['circle', 'rect', 'triangle'] as const)[i], spanGaps: true,
    })),
  };
  const options = { ...baseOptions<'line'>(), scales: { y: { beginAtZero: true, ticks: { callback: (v: string | number) => `${v}%` } } } };
  return (
    <ChartBox isTall>
      <Line role="img" aria-label={t('chart.attendance')} data={chart} options={options} />
    </ChartBox>
  );
}
