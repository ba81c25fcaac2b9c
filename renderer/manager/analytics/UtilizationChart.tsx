import { Bar } from 'react-chartjs-2';
import { percentOf } from '../format';
import { useManagerText } from '../i18n';
import { baseOptions, palette } from './chart-setup';
import { ChartBox } from './ChartBox';
import type { DashboardReports } from './types';

type Utilization = DashboardReports['utilization']['data'];

function percentAxis() {
  return { ...baseOptions<'bar'>(), scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: (v: string | number) => `${v}%` } } } };
}

export function UtilizationChart({ data }: { data: Utilization }) {
  const { t } = useManagerText();
  const byProvider = {
    labels: data.byProvider.map((p) => `${p.providerName} (${p.locationName})`),
    datasets: [{ label: t('chart.utilizationPercent'), data: data.byProvider.map((p) => percentOf(p.utilization)), backgroundColor: palette[0] }],
  };
  const byLocation = {
    labels: data.byLocation.map((l) => l.locationName),
    datasets: [{ label: t('chart.utilizationPercent'), data: data.byLocation.map((l) => percentOf(l.utilization)), backgroundColor: palette[2] }],
  };
  return (
    <div className="chart-pair">
      <ChartBox>
        <Bar role="img" aria-label={t('chart.utilizationByProvider')} data={byProvider} options={percentAxis()} />
      </ChartBox>
      <ChartBox>
        <Bar role="img" aria-label={t('chart.utilizationByLocation')} data={byLocation} options={percentAxis()} />
      </ChartBox>
    </div>
  );
}
