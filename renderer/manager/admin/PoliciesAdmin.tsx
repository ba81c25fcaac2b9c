// Cancellation, no-show and check-in policy, for the organization or one location.
import { useEffect, useId, useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { useManagerText, type ManagerKey } from '../i18n';
import { useShownError, type ShownError } from '../../i18n/api-errors';

type Policy = ApiOutput<'admin.policies.get'>;
type Location = ApiOutput<'admin.locations.list'>[number];
const fields = ['cancellationNoticeHours', 'lateCancelFeeCents', 'noShowGraceMinutes', 'noShowThreshold', 'checkInEarlyMinutes', 'lateArrivalMinutes'] as const;
type Field = (typeof fields)[number];

export function PoliciesAdmin() {
  const { t } = useManagerText();
  const shown = useShownError();
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState('');
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [values, setValues] = useState<Record<Field, string>>({} as Record<Field, string>);
  const [error, setError] = useState<ShownError>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    void invoke('admin.locations.list', {}).then((r) => r.ok && setLocations(r.value));
  }, []);
  useEffect(() => {
    void invoke('admin.policies.get', { locationId: locationId || null }).then((r) => {
      if (!r.ok) return setError(r.error);
      setPolicy(r.value);
      setValues(Object.fromEntries(fields.map((f) => [f, String(r.value[f])])) as Record<Field, string>);
    });
  }, [locationId]);

  return (
    <form className="panel" onSubmit={(e) => {
      e.preventDefault();
      const numbers = Object.fromEntries(fields.map((f) => [f, Number(values[f])])) as Record<Field, number>;
      void invoke('admin.policies.save', { locationId: locationId || null, ...numbers }).then((r) => {
        if (!r.ok) return setError(r.error);
        setError(null);
        setPolicy(r.value);
        setNotice(t('common.saved'));
      });
    }}>
      <div className="form-grid">
        <label htmlFor={`${id}-scope`}>{t('dashboard.location')}</label>
        <select id={`${id}-scope`} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          <option value="">{t('policies.organization')}</option>
          {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
        {fields.map((f) => (
          <span key={f} className="form-grid-pair">
            <label htmlFor={`${id}-${f}`}>{t(`policies.${f}` as ManagerKey)}</label>
            <input id={`${id}-${f}`} type="number" min={0} step={1} required value={values[f] ?? ''} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
          </span>
        ))}
      </div>
      {policy ? <p className="hint">{t(`policies.source.${policy.source}` as ManagerKey)}</p> : null}
      <ErrorMessage message={shown(error)} />
      {notice ? <p role="status" className="message message-success">{notice}</p> : null}
      <div className="step-buttons"><button type="submit" className="button-primary">{t('common.save')}</button></div>
    </form>
  );
}
