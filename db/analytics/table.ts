// Every chart's numbers as a plain table, and that table as CSV (RFC 4180), so the table view
// and the export show exactly what the chart draws.
export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  label: string;
  kind: 'text' | 'count' | 'minutes' | 'rate' | 'days';
}

export interface DataTable {
  title: string;
  columns: TableColumn[];
  rows: Cell[][];
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
// provider named "=HYPERLINK(...)" must arrive as text. Numbers are never touched.
const formulaStart = /^[=+\-@\t\r]/;

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = formulaStart.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header line of column labels, then one line per row; CRLF line ends as RFC 4180 asks. */
export function toCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvField(c.label)), ...table.rows.map((row) => row.map(csvField))];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 reader, the inverse of toCsv for text that does not look like a formula. */
export function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < csv.length) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
