import { Doughnut } from 'react-chartjs-2';
import { useManagerText } from '../i18n';
import { baseOptions, palette } from './chart-setup';
import { ChartBox } from './ChartBox';
import type { DashboardReports } from './types';

type ChannelMix = DashboardReports['channelMix']['data'];

export function ChannelMixChart({ data }: { data: ChannelMix }) {
  const { t, maybe } = useManagerText();
  const chart = {
    labels: data.channels.map((c) => maybe(`value.${c.channel}`, c.channel)),
    datasets: [{ label: t('column.appointments'), data: data.channels.map((c) => c.appointments), backgroundColor: palette.slice(0, data.channels.length) }],
  };
  return (
    <ChartBox>
      <Doughnut role="img" aria-label={t('chart.channelMix')} data={chart} options={{ ...baseOptions<'doughnut'>(), plugins: { legend: { position: 'right' } } }} />
    </ChartBox>
  );
}
