// One kind of catalog row as a table: what each is, and Edit (and Archive where the API
// offers it), with Add above.
import { useId } from 'react';
import { useManagerText } from '../../i18n';

interface Row {
  id: string;
  name: string;
}

interface CatalogSectionProps<T extends Row> {
  title: string;
  addLabel: string;
  rows: readonly T[];
  /** Column headings after the name, and each row's cells for them. */
  columns: readonly string[];
  cells(row: T): readonly string[];
  onAdd(): void;
  onEdit(row: T): void;
  onArchive?: ((row: T) => void) | undefined;
}

export function CatalogSection<T extends Row>({ title, addLabel, rows, columns, cells, onAdd, onEdit, onArchive }: CatalogSectionProps<T>) {
  const { t } = useManagerText();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-header">
        <h2 id={id}>{title}</h2>
        <button type="button" className="button-secondary" onClick={onAdd}>{addLabel}</button>
      </div>
      <table className="admin-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.name')}</th>
            {columns.map((c) => <th key={c} scope="col">{c}</th>)}
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {cells(row).map((cell, i) => <td key={columns[i]}>{cell}</td>)}
              <td>
                <button type="button" className="button-quiet" aria-label={t('catalog.editNamed', { name: row.name })} onClick={() => onEdit(row)}>{t('common.edit')}</button>
                {onArchive ? <button type="button" className="button-quiet" aria-label={t('catalog.archiveNamed', { name: row.name })} onClick={() => onArchive(row)}>{t('catalog.archive')}</button> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
