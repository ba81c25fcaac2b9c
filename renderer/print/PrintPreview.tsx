// Print preview: the PDF the desk renders, shown in a frame from a blob: URL (the host's CSP
// allows blob: frames for exactly this), saved as a file, or sent to the printer chosen for
// its document type when this computer can print directly (the desktop app).
import { useEffect, useState } from 'react';
import { useApiError } from '../i18n/api-errors';
import { invoke, type ApiInput, type ApiOutput } from '../api/client';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { pdfBlob, saveFile } from './pdf-file';
import { usePrintText } from './messages';
import './print.css';

export type PrintDocument = ApiInput<'print.pdf'>['document'];
type PrintSettings = ApiOutput<'print.settings'>;

interface PrintPreviewProps {
  document: PrintDocument;
  onClose(): void;
}

export function PrintPreview({ document, onClose }: PrintPreviewProps) {
  const { t } = usePrintText();
  const explain = useApiError();
  const [pdf, setPdf] = useState<{ url: string; fileName: string } | null>(null);
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isPrinting, setIsPrinting] = useState(false);
  const title = t(`title.${document.type}`);

  useEffect(() => {
    let url: string | null = null;
    let isCurrent = true;
    void invoke('print.pdf', { document }).then((result) => {
      if (!isCurrent) return;
      if (!result.ok) return setError(explain(result.error));
      url = URL.createObjectURL(pdfBlob(result.value.pdfBase64));
      setPdf({ url, fileName: result.value.fileName });
    });
    void invoke('print.settings', {}).then((result) => {
      if (isCurrent && result.ok) setSettings(result.value);
    });
    return () => {
      isCurrent = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [document]);

  const printerName = settings?.canPrintDirectly ? settings.printers[document.type] ?? null : null;

  async function sendToPrinter(name: string) {
    setError(null);
    setIsPrinting(true);
    setNotice(t('preview.printing', { printer: name }));
    const result = await invoke('print.send', { document });
    setIsPrinting(false);
    if (!result.ok) {
      setNotice(null);
      return setError(explain(result.error));
    }
    setNotice(t('preview.printed', { printer: result.value.printerName }));
  }

  return (
    <Dialog title={title} onClose={onClose} size="wide">
      <ErrorMessage message={error} />
      {pdf ? (
        <>
          <iframe className="print-frame" src={pdf.url} title={t('preview.frame', { document: title })} />
          <p className="print-hint">{t('preview.blankHint')}</p>
        </>
      ) : error ? null : (
        <p role="status" className="print-loading">{t('preview.loading')}</p>
      )}
      <div className="action-row">
        <button type="button" className="button-primary" disabled={!pdf} onClick={() => pdf && saveFile(pdf.url, pdf.fileName)}>
          {t('preview.save')}
        </button>
        {printerName ? (
          <button type="button" className="button-secondary" disabled={!pdf || isPrinting} onClick={() => void sendToPrinter(printerName)}>
            {t('preview.print', { printer: printerName })}
          </button>
        ) : null}
      </div>
      {settings && !printerName ? (
        <p className="message message-info">{t(settings.canPrintDirectly ? 'preview.noPrinterChosen' : 'preview.noDirectPrinting')}</p>
      ) : null}
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}
    </Dialog>
  );
}
