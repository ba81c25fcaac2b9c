// Add or edit a reminder rule: where and for which service it applies, the channel, how long
// before the visit, whether it asks the patient to confirm, and the hours it must not send in.
import { useId, useState } from 'react';
import { invoke } from '../../../api/client';
import { useManagerText } from '../../i18n';
import { EditDialog, useSave } from '../form/EditDialog';
import { Field } from '../form/Field';
import { hoursFromMinutes, minutesFromHours } from './offset';
import type { LocationView, ReminderRuleView, ServiceView } from './types';

const fields = ['locationId', 'serviceId', 'channel', 'offsetMinutes', 'kind', 'quietHours'] as const;

interface ReminderRuleFormProps {
  editing: ReminderRuleView | null;
  locations: LocationView[];
  services: ServiceView[];
  /** A new rule starts at the location the list is showing. */
  defaultLocationId: string;
  onClose(): void;
  onSaved(): void;
}

export function ReminderRuleForm({ editing, locations, services, defaultLocationId, onClose, onSaved }: ReminderRuleFormProps) {
  const { t } = useManagerText();
  const [locationId, setLocationId] = useState(editing ? editing.locationId ?? '' : defaultLocationId);
  const [serviceId, setServiceId] = useState(editing?.serviceId ?? '');
  const [channel, setChannel] = useState<'email' | 'sms'>(editing?.channel ?? 'sms');
  const [hours, setHours] = useState(editing ? hoursFromMinutes(editing.offsetMinutes) : '24');
  const [kind, setKind] = useState<'reminder' | 'confirmation_prompt'>(editing?.kind ?? 'reminder');
  const [quiet, setQuiet] = useState(editing ? editing.quietHours !== null : true);
  const [quietStart, setQuietStart] = useState(editing?.quietHours?.start ?? '21:00');
  const [quietEnd, setQuietEnd] = useState(editing?.quietHours?.end ?? '08:00');
  const { errors, busy, save } = useSave(fields);
  const id = useId();
  const submit = () => void save(() => invoke('admin.reminderRules.save', {
    id: editing?.id, locationId: locationId || null, serviceId: serviceId || null, channel, kind,
    offsetMinutes: minutesFromHours(hours), quietHours: quiet ? { start: quietStart, end: quietEnd } : null,
  }), onSaved);

  return (
    <EditDialog title={editing ? t('reminders.edit') : t('reminders.add')} errors={errors} busy={busy} onSubmit={submit} onClose={onClose}>
      <Field label={t('dashboard.location')} error={errors.fields.locationId}>
        {(c) => (
          <select {...c} className="field" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            <option value="">{t('dashboard.allLocations')}</option>
            {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('dashboard.service')} error={errors.fields.serviceId}>
        {(c) => (
          <select {...c} className="field" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('dashboard.allServices')}</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('reminders.kind')} error={errors.fields.kind}>
        {(c) => (
          <select {...c} className="field" value={kind} onChange={(e) => setKind(e.target.value === 'confirmation_prompt' ? 'confirmation_prompt' : 'reminder')}>
            <option value="reminder">{t('reminders.kind.reminder')}</option>
            <option value="confirmation_prompt">{t('reminders.kind.confirmation_prompt')}</option>
          </select>
        )}
      </Field>
      <fieldset className="form-field" aria-describedby={errors.fields.channel ? `${id}-channel-error` : undefined}>
        <legend className="field-label">{t('reminders.channel')}</legend>
        {(['sms', 'email'] as const).map((c) => (
          <label key={c} className="check"><input type="radio" name={`${id}-channel`} value={c} checked={channel === c} onChange={() => setChannel(c)} /> {t(`reminders.channel.${c}`)}</label>
        ))}
        {errors.fields.channel ? <p id={`${id}-channel-error`} className="field-error">{errors.fields.channel}</p> : null}
      </fieldset>
      <Field label={t('reminders.hoursBefore')} hint={t('reminders.hoursBeforeHint')} error={errors.fields.offsetMinutes}>
        {(c) => <input {...c} className="field" type="number" inputMode="decimal" min={0} step="any" value={hours} onChange={(e) => setHours(e.target.value)} />}
      </Field>
      <fieldset className="form-field" aria-describedby={`${id}-quiet-hint${errors.fields.quietHours ? ` ${id}-quiet-error` : ''}`}>
        <legend className="field-label">{t('reminders.quietHours')}</legend>
        <label className="check"><input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} /> {t('reminders.quietHoursOn')}</label>
        {quiet ? (
          <div className="field-row">
            <Field label={t('reminders.quietFrom')}>
              {(c) => <input {...c} className="field" type="time" value={quietStart} onChange={(e) => setQuietStart(e.target.value)} />}
            </Field>
            <Field label={t('reminders.quietUntil')}>
              {(c) => <input {...c} className="field" type="time" value={quietEnd} onChange={(e) => setQuietEnd(e.target.value)} />}
            </Field>
          </div>
        ) : null}
        <p id={`${id}-quiet-hint`} className="hint">{t('reminders.quietHoursHint')}</p>
        {errors.fields.quietHours ? <p id={`${id}-quiet-error`} className="field-error">{errors.fields.quietHours}</p> : null}
      </fieldset>
    </EditDialog>
  );
}
