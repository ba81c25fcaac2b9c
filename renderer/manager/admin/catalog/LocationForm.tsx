// Add or edit a location: its name, the time zone its hours are kept in, address and phone.
import { useState } from 'react';
import { invoke } from '../../../api/client';
import { useManagerText } from '../../i18n';
import { EditDialog, useSave } from '../form/EditDialog';
import { Field } from '../form/Field';
import type { FormProps, LocationView } from './types';

const fields = ['name', 'timeZone', 'address', 'phone'] as const;
const zones = Intl.supportedValuesOf('timeZone');

export function LocationForm({ editing, onClose, onSaved }: FormProps<LocationView>) {
  const { t } = useManagerText();
  const [name, setName] = useState(editing?.name ?? '');
  const [timeZone, setTimeZone] = useState(editing?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [address, setAddress] = useState(editing?.address ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const { errors, busy, save } = useSave(fields);
  const submit = () => void save(() => invoke('admin.locations.save', {
    id: editing?.id, name, timeZone, address: address || null, phone: phone || null,
  }), onSaved);

  return (
    <EditDialog title={editing ? t('catalog.editNamed', { name: editing.name }) : t('catalog.addLocation')} errors={errors} busy={busy} onSubmit={submit} onClose={onClose}>
      <Field label={t('catalog.name')} error={errors.fields.name}>
        {(c) => <input {...c} className="field" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('catalog.timeZone')} hint={t('catalog.timeZoneHint')} error={errors.fields.timeZone}>
        {(c) => (
          <>
            <input {...c} className="field" list={`${c.id}-zones`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
            <datalist id={`${c.id}-zones`}>{zones.map((z) => <option key={z} value={z} />)}</datalist>
          </>
        )}
      </Field>
      <Field label={t('catalog.address')} error={errors.fields.address}>
        {(c) => <textarea {...c} className="field" rows={2} value={address} onChange={(e) => setAddress(e.target.value)} />}
      </Field>
      <Field label={t('catalog.phone')} error={errors.fields.phone}>
        {(c) => <input {...c} className="field" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}
      </Field>
    </EditDialog>
  );
}
