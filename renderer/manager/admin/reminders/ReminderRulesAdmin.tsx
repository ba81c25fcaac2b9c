// Reminder rules: what is sent before a visit, by which channel and when, for the whole
// organization or one location, for every service or one. A location's list shows the
// organization-wide rules too, since they apply there as well.
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke } from '../../../api/client';
import { ErrorMessage } from '../../../ui/Dialog';
import { formatCount } from '../../format';
import { useManagerText } from '../../i18n';
import { ReminderRuleForm } from './ReminderRuleForm';
import type { LocationView, ReminderRuleView, ServiceView } from './types';
import { useShownError, type ShownError } from '../../../i18n/api-errors';

export function ReminderRulesAdmin() {
  const { t, language } = useManagerText();
  const shown = useShownError();
  const [locations, setLocations] = useState<LocationView[]>([]);
  const [services, setServices] = useState<ServiceView[]>([]);
  const [locationId, setLocationId] = useState('');
  const [rules, setRules] = useState<ReminderRuleView[]>([]);
  const [editing, setEditing] = useState<ReminderRuleView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const id = useId();

  useEffect(() => {
    void Promise.all([invoke('admin.locations.list', {}), invoke('admin.services.list', {})]).then(([l, s]) => {
      if (!l.ok) return setError(l.error);
      if (!s.ok) return setError(s.error);
      setLocations(l.value);
      setServices(s.value);
    });
  }, []);
  const load = useCallback(() => {
    void invoke('admin.reminderRules.list', locationId ? { locationId } : {}).then((r) => (r.ok ? setRules(r.value) : setError(r.error)));
  }, [locationId]);
  useEffect(load, [load]);

  const locationName = (lid: string | null) => (lid === null ? t('dashboard.allLocations') : locations.find((l) => l.id === lid)?.name ?? lid);
  const serviceName = (sid: string | null) => (sid === null ? t('dashboard.allServices') : services.find((s) => s.id === sid)?.name ?? t('reminders.archivedService'));
  const describe = (r: ReminderRuleView) => t('reminders.describe', {
    kind: t(`reminders.kind.${r.kind}`), channel: t(`reminders.channel.${r.channel}`), hours: formatCount(r.offsetMinutes / 60, language), service: serviceName(r.serviceId), location: locationName(r.locationId),
  });
  const remove = (rule: ReminderRuleView) => {
    if (!window.confirm(t('reminders.confirmRemove', { rule: describe(rule) }))) return;
    setNotice(null);
    void invoke('admin.reminderRules.remove', { ruleId: rule.id }).then((r) => {
      if (!r.ok) return setError(r.error);
      setNotice(t('reminders.removed'));
      load();
    });
  };

  return (
    <div>
      <div className="field-inline">
        <label htmlFor={`${id}-location`}>{t('dashboard.location')}</label>
        <select id={`${id}-location`} value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          <option value="">{t('dashboard.allLocations')}</option>
          {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
        <button type="button" className="button-primary" onClick={() => {
          setNotice(null);
          setEditing('new');
        }}>{t('reminders.add')}</button>
      </div>
      <ErrorMessage message={shown(error)} />
      <p role="status" className={notice ? 'message message-success' : 'visually-hidden'}>{notice}</p>
      {rules.length === 0 ? <p>{t('reminders.none')}</p> : (
        <table className="admin-table">
          <caption className="visually-hidden">{t('section.reminders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.location')}</th>
              <th scope="col">{t('dashboard.service')}</th>
              <th scope="col">{t('reminders.kind')}</th>
              <th scope="col">{t('reminders.channel')}</th>
              <th scope="col">{t('reminders.when')}</th>
              <th scope="col">{t('reminders.quietHours')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <th scope="row">{locationName(r.locationId)}</th>
                <td>{serviceName(r.serviceId)}</td>
                <td>{t(`reminders.kind.${r.kind}`)}</td>
                <td>{t(`reminders.channel.${r.channel}`)}</td>
                <td>{t('reminders.hoursBeforeShort', { hours: formatCount(r.offsetMinutes / 60, language) })}</td>
                <td>{r.quietHours ? `${r.quietHours.start}–${r.quietHours.end}` : t('reminders.noQuietHours')}</td>
                <td>
                  <button type="button" className="button-quiet" aria-label={t('reminders.editNamed', { rule: describe(r) })} onClick={() => {
                    setNotice(null);
                    setEditing(r);
                  }}>{t('common.edit')}</button>
                  <button type="button" className="button-quiet" aria-label={t('reminders.removeNamed', { rule: describe(r) })} onClick={() => remove(r)}>{t('reminders.remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <ReminderRuleForm editing={editing === 'new' ? null : editing} locations={locations} services={services} defaultLocationId={locationId}
          onClose={() => setEditing(null)} onSaved={() => {
            setEditing(null);
            setNotice(t('common.saved'));
            load();
          }} />
      ) : null}
    </div>
  );
}
