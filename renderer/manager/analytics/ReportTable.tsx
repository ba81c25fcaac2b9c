// A report's table exactly as the API computed it: the chart's numbers, readable by anyone
// who cannot read the chart. Labels are translated; numbers are only formatted.
import { formatCount, formatRate } from '../format';
import { useManagerText, type ManagerText } from '../i18n';
import type { Cell, ReportTable as Table } from './types';

export function cellText(cell: Cell, kind: Table['columns'][number]['kind'], text: ManagerText): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return text.maybe(`value.${cell}`, cell);
  return kind === 'rate' ? formatRate(cell, text.language) : formatCount(cell, text.language);
}

export function ReportTable({ table, caption }: { table: Table; caption: string }) {
  const text = useManagerText();
  return (
    <div className="report-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => <th key={c.key} scope="col">{text.maybe(`column.${c.key}`, c.label)}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => {
                const column = table.columns[i]!;
                const content = cellText(cell, column.kind, text);
                return i === 0
                  ? <th key={column.key} scope="row">{content}</th>
                  : <td key={column.key} className={column.kind === 'text' ? undefined : 'number'}>{content}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
