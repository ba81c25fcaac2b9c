// Day x hour as a table whose cells are shaded by count: Chart.js has no matrix chart without
// a plugin, and a table is what a screen reader can walk anyway. The count is always printed,
// so the shade is never the only way to read a cell.
import { formatCount } from '../format';
import { useManagerText } from '../i18n';
import type { DashboardReports } from './types';

type PeakHours = DashboardReports['peakHours']['data'];

const weekdayKeys = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const levels = 6;

/** 0 for an empty cell, then 1..5 in equal steps up to the busiest cell. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * (levels - 1)));
}

export function PeakHoursGrid({ data }: { data: PeakHours }) {
  const { t, maybe, language } = useManagerText();
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const caption = t(data.basis === 'visits' ? 'chart.peakVisits' : 'chart.peakBookings');
  return (
    <div className="report-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="heat-grid">
        <caption>
          {caption}
          {data.peak ? <span className="heat-peak"> {t('chart.peakCell', { day: maybe(`value.${weekdayKeys[data.peak.weekday - 1]!}`, ''), hour: String(data.peak.hour).padStart(2, '0'), count: formatCount(data.peak.count, language) })}</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('column.weekday')}</th>
            {hours.map((h) => <th key={h} scope="col" className="heat-hour">{String(h).padStart(2, '0')}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.counts.map((row, d) => (
            <tr key={d}>
              <th scope="row">{maybe(`value.${weekdayKeys[d]!}`, weekdayKeys[d]!)}</th>
              {row.map((count, h) => (
                <td key={h} className={`heat heat-${heatLevel(count, data.max)}`}>{formatCount(count, language)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="heat-legend" aria-hidden="true">
        {t('chart.fewer')}
        {Array.from({ length: levels }, (_, i) => <span key={i} className={`heat heat-swatch heat-${i}`} />)}
        {t('chart.more')}
      </p>
    </div>
  );
}
