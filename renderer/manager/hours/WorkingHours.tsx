// Working hours for one provider: the weekly template per location, time off and extra
// hours, and the visits that no longer fit and wait to be rebooked.
import { useEffect, useId, useState } from 'react';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { useManagerText } from '../i18n';
import { ExceptionsEditor } from './ExceptionsEditor';
import { TemplateEditor } from './TemplateEditor';
import { ToRebook } from './ToRebook';
import type { LocationView, ProviderView } from './types';
import { useShownError, type ShownError } from '../../i18n/api-errors';

export function WorkingHours() {
  const { t } = useManagerText();
  const shown = useShownError();
  const [providers, setProviders] = useState<ProviderView[]>([]);
  const [locations, setLocations] = useState<LocationView[]>([]);
  const [providerId, setProviderId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<ShownError>(null);
  const id = useId();

  useEffect(() => {
    void Promise.all([invoke('admin.providers.list', {}), invoke('admin.locations.list', {})]).then(([p, l]) => {
      if (!p.ok) return setError(p.error);
      if (!l.ok) return setError(l.error);
      setProviders(p.value);
      setLocations(l.value);
      setProviderId(p.value[0]?.id ?? '');
    });
  }, []);

  const provider = providers.find((p) => p.id === providerId);
  const providerLocations = locations.filter((l) => provider?.locationIds.includes(l.id));
  const location = providerLocations.find((l) => l.id === locationId) ?? providerLocations[0];

  return (
    <div className="working-hours">
      <ErrorMessage message={shown(error)} />
      <div className="field-inline">
        <label htmlFor={`${id}-provider`}>{t('dashboard.provider')}</label>
        <select id={`${id}-provider`} value={providerId} onChange={(e) => setProviderId(e.target.value)}>
          {providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <label htmlFor={`${id}-location`}>{t('dashboard.location')}</label>
        <select id={`${id}-location`} value={location?.id ?? ''} onChange={(e) => setLocationId(e.target.value)}>
          {providerLocations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
      </div>
      {provider && location ? (
        <>
          <TemplateEditor key={`${provider.id}|${location.id}`} providerId={provider.id} location={location} locations={locations} onSaved={() => setRevision((r) => r + 1)} />
          <ToRebook providerId={provider.id} locations={locations} revision={revision} />
          <ExceptionsEditor key={provider.id} providerId={provider.id} locations={providerLocations} onSaved={() => setRevision((r) => r + 1)} />
        </>
      ) : null}
    </div>
  );
}
