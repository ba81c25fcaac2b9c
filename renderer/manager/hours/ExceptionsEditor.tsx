// Time off and extra hours for one provider, with the same preview as the weekly hours: the
// visits a new time off would leave without a provider are listed before saving.
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { formatDateTime } from '../../ui/time';
import { useManagerText } from '../i18n';
import { OrphanList } from './OrphanList';
import type { ExceptionView, LocationView, OrphanView } from './types';
import { instantOf } from './wall-time';
import { useShownError, type ShownError } from '../../i18n/api-errors';

interface ExceptionsEditorProps {
  providerId: string;
  locations: LocationView[];
  onSaved(): void;
}

export function ExceptionsEditor({ providerId, locations, onSaved }: ExceptionsEditorProps) {
  const { t } = useManagerText();
  const shown = useShownError();
  const [exceptions, setExceptions] = useState<ExceptionView[]>([]);
  const [kind, setKind] = useState<'time_off' | 'extra_hours'>('time_off');
  const [locationId, setLocationId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<OrphanView[] | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  // An exception for every location is typed in the first location's zone.
  const zone = (locations.find((l) => l.id === locationId) ?? locations[0])?.timeZone ?? 'UTC';
  const zoneOf = (lid: string | null) => (locations.find((l) => l.id === lid) ?? locations[0])?.timeZone ?? 'UTC';

  const load = useCallback(() => {
    void invoke('admin.exceptions.list', { providerId }).then((r) => (r.ok ? setExceptions(r.value) : setError(r.error)));
  }, [providerId]);
  useEffect(load, [load]);

  const request = () => ({ providerId, locationId: locationId || null, kind, startAt: instantOf(start, zone), endAt: instantOf(end, zone), note: note || null });
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
  };

  async function submit() {
    if (!start || !end) return setError(t('exceptions.needTimes'));
    const r = preview ? await invoke('admin.exceptions.save', request()) : await invoke('admin.exceptions.preview', request());
    if (!r.ok) return setError(r.error);
    setError(null);
    if (!preview) return setPreview(r.value.orphaned);
    setPreview(null);
    setNotice(t('hours.saved', { count: r.value.orphaned.length }));
    load();
    onSaved();
  }

  async function remove(exception: ExceptionView) {
    const r = await invoke('admin.exceptions.remove', { exceptionId: exception.id });
    if (!r.ok) return setError(r.error);
    setNotice(t('exceptions.removed', { count: r.value.orphaned.length }));
    load();
    onSaved();
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('exceptions.title')}</h2>
      {exceptions.length === 0 ? <p>{t('exceptions.none')}</p> : (
        <ul className="plain-list exception-list">
          {exceptions.map((e) => (
            <li key={e.id}>
              <span>{t(e.kind === 'time_off' ? 'exceptions.timeOff' : 'exceptions.extraHours')}</span>
              <span>{formatDateTime(e.startAt, zoneOf(e.locationId))} – {formatDateTime(e.endAt, zoneOf(e.locationId))}</span>
              <span>{locations.find((l) => l.id === e.locationId)?.name ?? t('exceptions.everyLocation')}</span>
              <span>{e.note ?? ''}</span>
              <button type="button" className="button-danger" onClick={() => void remove(e)}>{t('exceptions.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <form className="exception-form" onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}>
        <h3>{t('exceptions.add')}</h3>
        <div className="form-grid">
          <label htmlFor={`${id}-kind`}>{t('exceptions.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => changed(setKind)(e.target.value === 'extra_hours' ? 'extra_hours' : 'time_off')}>
            <option value="time_off">{t('exceptions.timeOff')}</option>
            <option value="extra_hours">{t('exceptions.extraHours')}</option>
          </select>
          <label htmlFor={`${id}-location`}>{t('dashboard.location')}</label>
          <select id={`${id}-location`} value={locationId} onChange={(e) => changed(setLocationId)(e.target.value)}>
            <option value="">{t('exceptions.everyLocation')}</option>
            {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
          <label htmlFor={`${id}-start`}>{t('exceptions.start')}</label>
          <input id={`${id}-start`} type="datetime-local" value={start} required onChange={(e) => changed(setStart)(e.target.value)} />
          <label htmlFor={`${id}-end`}>{t('exceptions.end')}</label>
          <input id={`${id}-end`} type="datetime-local" value={end} required onChange={(e) => changed(setEnd)(e.target.value)} />
          <label htmlFor={`${id}-note`}>{t('exceptions.note')}</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <p className="hint">{t('hours.timesIn', { timeZone: zone })}</p>
        <ErrorMessage message={shown(error)} />
        {notice ? <p role="status" className="message message-success">{notice}</p> : null}
        {preview ? (
          preview.length === 0
            ? <p role="status">{t('hours.previewNone')}</p>
            : (
              <>
                <p role="status" className="message message-warning">{t('hours.previewSome', { count: preview.length })}</p>
                <OrphanList orphans={preview} locations={locations} label={t('hours.previewTitle')} />
              </>
            )
        ) : null}
        <div className="step-buttons">
          <button type="submit" className="button-primary">{preview ? t('exceptions.save') : t('hours.preview')}</button>
        </div>
      </form>
    </section>
  );
}
