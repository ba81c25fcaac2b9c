// One report on the dashboard: its chart, or its table(s) instead, and each table's CSV as the
// API wrote it, so the file, the table and the chart never disagree.
import { useId, useState, type ReactNode } from 'react';
import { downloadText, fileSlug } from '../download';
import { useManagerText } from '../i18n';
import { ReportTable } from './ReportTable';
import type { ReportTable as Table } from './types';

interface ReportCardProps {
  title: string;
  tables: Table[];
  /** A caption per table, in the desk's language. */
  captions: string[];
  /** Controls that change what the report counts (not the view). */
  controls?: ReactNode;
  children: ReactNode;
}

export function ReportCard({ title, tables, captions, controls, children }: ReportCardProps) {
  const { t } = useManagerText();
  const [isTableView, setIsTableView] = useState(false);
  const headingId = useId();
  return (
    <section className="report-card" aria-labelledby={headingId}>
      <header className="report-card-header">
        <h2 id={headingId}>{title}</h2>
        <div className="report-card-actions">
          {controls}
          <button type="button" className="button-secondary" aria-pressed={isTableView} onClick={() => setIsTableView((v) => !v)}>
            {t('dashboard.tableView')}
          </button>
        </div>
      </header>
      {isTableView
        ? tables.map((table, i) => <ReportTable key={table.title} table={table} caption={captions[i] ?? table.title} />)
        : children}
      <div className="report-downloads">
        {tables.map((table, i) => (
          <button key={table.title} type="button" className="button-quiet" onClick={() => downloadText(`${fileSlug(table.title)}.csv`, table.csv)}>
            {t('dashboard.downloadCsv', { table: captions[i] ?? table.title })}
          </button>
        ))}
      </div>
    </section>
  );
}
