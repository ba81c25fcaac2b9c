// Add or edit a service: its length and buffers, who may provide it, the rooms and equipment
// it takes, the patient's preparation, and whether patients may book it online.
import { useState } from 'react';
import { invoke } from '../../../api/client';
import { useManagerText } from '../../i18n';
import { EditDialog, useSave } from '../form/EditDialog';
import { CheckList, Field } from '../form/Field';
import { numberFrom } from '../form/numbers';
import { ResourceGroups } from './ResourceGroups';
import type { FormProps, ServiceView } from './types';

const fields = ['name', 'durationMin', 'bufferBeforeMin', 'bufferAfterMin', 'eligibleProviderIds', 'requiredResources', 'preparation', 'color'] as const;

export function ServiceForm({ editing, catalog, onClose, onSaved }: FormProps<ServiceView>) {
  const { t } = useManagerText();
  const [name, setName] = useState(editing?.name ?? '');
  const [durationMin, setDurationMin] = useState(String(editing?.durationMin ?? 30));
  const [bufferBeforeMin, setBufferBeforeMin] = useState(String(editing?.bufferBeforeMin ?? 0));
  const [bufferAfterMin, setBufferAfterMin] = useState(String(editing?.bufferAfterMin ?? 0));
  const [eligibleProviderIds, setEligibleProviderIds] = useState<string[]>(editing?.eligibleProviderIds ?? []);
  const [requiredResources, setRequiredResources] = useState<string[][]>(editing?.requiredResources ?? []);
  const [preparation, setPreparation] = useState(editing?.preparation ?? '');
  const [color, setColor] = useState(editing?.color ?? '');
  const [bookableOnline, setBookableOnline] = useState(editing?.bookableOnline ?? false);
  const { errors, busy, save } = useSave(fields);
  const submit = () => void save(() => invoke('admin.services.save', {
    id: editing?.id, name,
    durationMin: numberFrom(durationMin), bufferBeforeMin: numberFrom(bufferBeforeMin), bufferAfterMin: numberFrom(bufferAfterMin),
    eligibleProviderIds, requiredResources, preparation: preparation || null, color: color.trim() || null, bookableOnline,
  }), onSaved);
  const minutesField = (label: string, value: string, set: (v: string) => void, error: string | undefined) => (
    <Field label={label} error={error}>
      {(c) => <input {...c} className="field" type="number" inputMode="numeric" min={0} step={5} value={value} onChange={(e) => set(e.target.value)} />}
    </Field>
  );

  return (
    <EditDialog title={editing ? t('catalog.editNamed', { name: editing.name }) : t('catalog.addService')} errors={errors} busy={busy} onSubmit={submit} onClose={onClose}>
      <Field label={t('catalog.name')} error={errors.fields.name}>
        {(c) => <input {...c} className="field" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="field-row field-row-3">
        {minutesField(t('catalog.durationMin'), durationMin, setDurationMin, errors.fields.durationMin)}
        {minutesField(t('catalog.bufferBeforeMin'), bufferBeforeMin, setBufferBeforeMin, errors.fields.bufferBeforeMin)}
        {minutesField(t('catalog.bufferAfterMin'), bufferAfterMin, setBufferAfterMin, errors.fields.bufferAfterMin)}
      </div>
      <CheckList legend={t('catalog.eligibleProviders')} hint={t('catalog.eligibleProvidersHint')}
        options={catalog.providers.map((p) => ({ id: p.id, label: p.name }))}
        checked={eligibleProviderIds} onChange={setEligibleProviderIds} error={errors.fields.eligibleProviderIds} />
      <ResourceGroups groups={requiredResources} catalog={catalog} onChange={setRequiredResources} error={errors.fields.requiredResources} />
      <Field label={t('catalog.preparation')} hint={t('catalog.preparationHint')} error={errors.fields.preparation}>
        {(c) => <textarea {...c} className="field" rows={3} value={preparation} onChange={(e) => setPreparation(e.target.value)} />}
      </Field>
      <Field label={t('catalog.color')} hint={t('catalog.colorHint')} error={errors.fields.color}>
        {(c) => <input {...c} className="field" value={color} onChange={(e) => setColor(e.target.value)} />}
      </Field>
      <label className="check"><input type="checkbox" checked={bookableOnline} onChange={(e) => setBookableOnline(e.target.checked)} /> {t('catalog.bookableOnline')}</label>
    </EditDialog>
  );
}
