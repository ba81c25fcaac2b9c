import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from './dashboard';
import { parseCsv, toCsv, type DataTable } from './table';
import { clinic, visit } from './testing/clinic';

const table = (rows: DataTable['rows']): DataTable => ({ title: 't', columns: [{ key: 'a', label: 'Name', kind: 'text' }, { key: 'b', label: 'Rate', kind: 'rate' }], rows });

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, leaves numbers bare and nulls empty, ends lines with CRLF', () => {
    expect(toCsv(table([['Dr. "Sam" Lee, MD', 0.25], ['Line\nbreak', null], ['plain', 3]]))).toBe(
      'Name,Rate\r\n"Dr. ""Sam"" Lee, MD",0.25\r\n"Line\nbreak",\r\nplain,3\r\n',
    );
  });

  it('turns text that a spreadsheet would run as a formula into plain text, never a negative number', () => {
    expect(toCsv(table([['=HYPERLINK("http://x")', -1], ['@SUM(A1)', 0]]))).toBe('Name,Rate\r\n"\'=HYPERLINK(""http://x"")",-1\r\n\'@SUM(A1),0\r\n');
  });

  it('round-trips any table of safe text and numbers', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', 'é', '1', '.') }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(fc.property(fc.array(fc.tuple(text, number)), (rows) => {
      const parsed = parseCsv(toCsv(table(rows)));
      expect(parsed).toEqual([['Name', 'Rate'], ...rows.map(([t, n]) => [t, String(n)])]);
      expect(parsed.slice(1).map(([, n]) => Number(n))).toEqual(rows.map(([, n]) => (Object.is(n, -0) ? 0 : n)));
    }));
  });

  it('exports the same numbers the report holds', () => {
    const data = clinic({ appointments: [visit({ providerId: 'dr-a', startIso: '2026-05-04T16:00:00Z', minutes: 30, status: 'no_show' }), visit({ providerId: 'dr-a', startIso: '2026-05-05T16:00:00Z', minutes: 30, status: 'completed' })] });
    const report = buildReport('attendance', data, { from: '2026-05-04', to: '2026-05-10' });
    const [csv] = report.tables;
    const lines = parseCsv(csv!.csv);
    expect(lines[1]).toEqual(['2026-05-04', '2', '1', '1', '0', '0', '0', '0.5', '0', '0']);
    expect(Number(lines[1]![7])).toBe(report.data.weeks[0]!.noShowRate);
  });
});
