// A provider's weekly hours at one location, from a chosen day on. Saving is two steps: the
// preview lists the booked visits the new hours would leave out, then the manager saves.
import { useEffect, useId, useState } from 'react';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { calendarDateIn } from '../../ui/time';
import { useManagerText, type ManagerKey } from '../i18n';
import { DayEditor } from './DayEditor';
import { OrphanList } from './OrphanList';
import type { LocationView, OrphanView } from './types';
import { blocksInForce, toWeekly, type BlockDraft } from './week';
import { useShownError, type ShownError } from '../../i18n/api-errors';

export const weekdayKeys: ManagerKey[] = ['day.1', 'day.2', 'day.3', 'day.4', 'day.5', 'day.6', 'day.7'];

interface TemplateEditorProps {
  providerId: string;
  location: LocationView;
  locations: LocationView[];
  onSaved(): void;
}

export function TemplateEditor({ providerId, location, locations, onSaved }: TemplateEditorProps) {
  const { t } = useManagerText();
  const shown = useShownError();
  const today = calendarDateIn(Date.now(), location.timeZone);
  const [blocks, setBlocks] = useState<BlockDraft[] | null>(null);
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState('');
  const [preview, setPreview] = useState<OrphanView[] | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    setBlocks(null);
    void invoke('admin.templates.list', { providerId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setBlocks(blocksInForce(r.value.templates, location.id, today));
    });
  }, [providerId, location.id, today]);

  const edit = (next: BlockDraft[]) => {
    setBlocks(next);
    setPreview(null);
    setNotice(null);
  };
  const request = () => ({ providerId, locationId: location.id, weekly: toWeekly(blocks ?? []), validFrom, validTo: validTo || null });

  async function runPreview() {
    setIsBusy(true);
    const r = await invoke('admin.templates.preview', request());
    setIsBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(r.value.orphaned);
  }

  async function save() {
    setIsBusy(true);
    const r = await invoke('admin.templates.save', request());
    setIsBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(null);
    setNotice(t('hours.saved', { count: r.value.orphaned.length }));
    onSaved();
  }

  if (!blocks) return <p>{t('common.loading')}</p>;
  return (
    <form className="panel template-editor" aria-labelledby={`${id}-title`} onSubmit={(e) => {
      e.preventDefault();
      void (preview ? save() : runPreview());
    }}>
      <h2 id={`${id}-title`}>{t('hours.weeklyAt', { location: location.name })}</h2>
      <p className="hint">{t('hours.timesIn', { timeZone: location.timeZone })}</p>
      <div className="field-inline">
        <label htmlFor={`${id}-from`}>{t('hours.appliesFrom')}</label>
        <input id={`${id}-from`} type="date" value={validFrom} min={today} required onChange={(e) => {
          setValidFrom(e.target.value);
          setPreview(null);
        }} />
        <label htmlFor={`${id}-to`}>{t('hours.appliesUntil')}</label>
        <input id={`${id}-to`} type="date" value={validTo} min={validFrom} onChange={(e) => {
          setValidTo(e.target.value);
          setPreview(null);
        }} />
      </div>
      <div className="week-editor">
        {weekdayKeys.map((key, i) => (
          <DayEditor
            key={key}
            weekday={i + 1}
            dayName={t(key)}
            blocks={blocks.filter((b) => b.weekday === i + 1)}
            onChange={(day) => edit([...blocks.filter((b) => b.weekday !== i + 1), ...day])}
          />
        ))}
      </div>
      <ErrorMessage message={shown(error)} />
      {notice ? <p role="status" className="message message-success">{notice}</p> : null}
      {preview ? (
        <section className="preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{t('hours.previewTitle')}</h3>
          {preview.length === 0
            ? <p role="status">{t('hours.previewNone')}</p>
            : (
              <>
                <p role="status" className="message message-warning">{t('hours.previewSome', { count: preview.length })}</p>
                <OrphanList orphans={preview} locations={locations} label={t('hours.previewTitle')} />
              </>
            )}
        </section>
      ) : null}
      <div className="step-buttons">
        {preview ? <button type="button" className="button-secondary" onClick={() => setPreview(null)}>{t('hours.keepEditing')}</button> : null}
        <button type="submit" className="button-primary" disabled={isBusy}>{preview ? t('hours.save') : t('hours.preview')}</button>
      </div>
    </form>
  );
}
