// Which printer each kind of document goes to on this computer (a label printer for labels,
// the desk printer for slips and day sheets). Where the app cannot print directly (the
// browser host), it says so instead of offering choices that would do nothing.
import { useEffect, useId, useState } from 'react';
import type { DocumentType } from '../../main/print/pdf-renderer';
import { invoke, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { usePrintText, type PrintKey } from '../print/messages';
import { ErrorMessage } from '../ui/Dialog';
import { useSettingsText } from './messages';

type PrintSettings = ApiOutput<'print.settings'>;

const documents: { type: DocumentType; title: PrintKey }[] = [
  { type: 'appointment_slip', title: 'title.appointment_slip' },
  { type: 'check_in_slip', title: 'title.check_in_slip' },
  { type: 'patient_label', title: 'title.patient_label' },
  { type: 'day_sheet', title: 'title.day_sheet' },
];

export function PrinterSettings() {
  const { t } = useSettingsText();
  const print = usePrintText();
  const explain = useApiError();
  const headingId = useId();
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void invoke('print.settings', {}).then((r) => (r.ok ? setSettings(r.value) : setError(explain(r.error))));
  }, [explain]);

  async function choose(type: DocumentType, printerName: string | null) {
    const result = await invoke('print.setPrinter', { documentType: type, printerName });
    if (!result.ok) return setError(explain(result.error));
    setError(null);
    setSettings((s) => (s ? { ...s, printers: result.value.printers } : s));
    const document = print.t(documents.find((d) => d.type === type)!.title);
    setNotice(printerName ? t('printers.saved', { document, printer: printerName }) : t('printers.cleared', { document }));
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('printers.heading')}</h3>
      <ErrorMessage message={error} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}
      {settings && !settings.canPrintDirectly ? <p>{t('printers.noDirect')}</p> : null}
      {settings?.canPrintDirectly ? documents.map((d) => {
        const chosen = settings.printers[d.type] ?? '';
        // A printer chosen earlier and since removed stays visible, so nobody thinks labels still print.
        const available = settings.available.map((p) => ({ name: p.name, label: p.displayName || p.name }));
        const options = chosen && !available.some((p) => p.name === chosen) ? [...available, { name: chosen, label: t('printers.missing', { printer: chosen }) }] : available;
        return (
          <div key={d.type} className="settings-row">
            <label htmlFor={`${headingId}-${d.type}`}>{t('printers.for', { document: print.t(d.title) })}</label>
            <select id={`${headingId}-${d.type}`} className="field" value={chosen} onChange={(e) => void choose(d.type, e.target.value || null)}>
              <option value="">{t('printers.ask')}</option>
              {options.map((p) => <option key={p.name} value={p.name}>{p.label}</option>)}
            </select>
          </div>
        );
      }) : null}
    </section>
  );
}
