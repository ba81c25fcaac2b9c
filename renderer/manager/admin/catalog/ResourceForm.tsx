// Add or edit a room or piece of equipment at one location.
import { useState } from 'react';
import { invoke } from '../../../api/client';
import { useManagerText } from '../../i18n';
import { EditDialog, useSave } from '../form/EditDialog';
import { Field } from '../form/Field';
import type { FormProps, ResourceView } from './types';

const fields = ['locationId', 'name', 'kind'] as const;

export function ResourceForm({ editing, catalog, onClose, onSaved }: FormProps<ResourceView>) {
  const { t } = useManagerText();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<'room' | 'equipment'>(editing?.kind ?? 'room');
  const [locationId, setLocationId] = useState(editing?.locationId ?? catalog.locations[0]?.id ?? '');
  const { errors, busy, save } = useSave(fields);
  const submit = () => void save(() => invoke('admin.resources.save', { id: editing?.id, locationId, name, kind }), onSaved);

  return (
    <EditDialog title={editing ? t('catalog.editNamed', { name: editing.name }) : t('catalog.addResource')} errors={errors} busy={busy} onSubmit={submit} onClose={onClose}>
      <Field label={t('catalog.name')} error={errors.fields.name}>
        {(c) => <input {...c} className="field" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('catalog.kind')} error={errors.fields.kind}>
        {(c) => (
          <select {...c} className="field" value={kind} onChange={(e) => setKind(e.target.value === 'equipment' ? 'equipment' : 'room')}>
            <option value="room">{t('catalog.room')}</option>
            <option value="equipment">{t('catalog.equipment')}</option>
          </select>
        )}
      </Field>
      <Field label={t('dashboard.location')} error={errors.fields.locationId}>
        {(c) => (
          <select {...c} className="field" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            {catalog.locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        )}
      </Field>
    </EditDialog>
  );
}
