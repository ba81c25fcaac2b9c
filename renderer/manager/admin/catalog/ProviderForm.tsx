// Add or edit a provider: name, specialty, credentials, colour and where they work.
import { useState } from 'react';
import { invoke } from '../../../api/client';
import { useManagerText } from '../../i18n';
import { EditDialog, useSave } from '../form/EditDialog';
import { CheckList, Field } from '../form/Field';
import type { FormProps, ProviderView } from './types';

const fields = ['name', 'specialty', 'credentials', 'color', 'locationIds'] as const;

export function ProviderForm({ editing, catalog, onClose, onSaved }: FormProps<ProviderView>) {
  const { t } = useManagerText();
  const [name, setName] = useState(editing?.name ?? '');
  const [specialty, setSpecialty] = useState(editing?.specialty ?? '');
  const [credentials, setCredentials] = useState(editing?.credentials ?? '');
  const [color, setColor] = useState(editing?.color ?? '');
  const [locationIds, setLocationIds] = useState<string[]>(editing?.locationIds ?? []);
  const { errors, busy, save } = useSave(fields);
  const submit = () => void save(() => invoke('admin.providers.save', {
    id: editing?.id, name, specialty, credentials: credentials || null, color: color.trim() || null, locationIds,
  }), onSaved);

  return (
    <EditDialog title={editing ? t('catalog.editNamed', { name: editing.name }) : t('catalog.addProvider')} errors={errors} busy={busy} onSubmit={submit} onClose={onClose}>
      <Field label={t('catalog.name')} error={errors.fields.name}>
        {(c) => <input {...c} className="field" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('catalog.specialty')} error={errors.fields.specialty}>
        {(c) => <input {...c} className="field" value={specialty} onChange={(e) => setSpecialty(e.target.value)} />}
      </Field>
      <Field label={t('catalog.credentials')} error={errors.fields.credentials}>
        {(c) => <input {...c} className="field" value={credentials} onChange={(e) => setCredentials(e.target.value)} />}
      </Field>
      <Field label={t('catalog.color')} hint={t('catalog.colorHint')} error={errors.fields.color}>
        {(c) => <input {...c} className="field" value={color} onChange={(e) => setColor(e.target.value)} />}
      </Field>
      <CheckList legend={t('catalog.worksAt')} options={catalog.locations.map((l) => ({ id: l.id, label: l.name }))}
        checked={locationIds} onChange={setLocationIds} error={errors.fields.locationIds} />
    </EditDialog>
  );
}
