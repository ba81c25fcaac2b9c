// The clinic's catalog: providers, services, rooms and equipment, and locations, each listed
// with Add and Edit (forms in catalog/), and Archive where the API offers it.
import { useCallback, useEffect, useState } from 'react';
import { invoke, type ApiErrorBody } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { useManagerText } from '../i18n';
import { CatalogSection } from './catalog/CatalogSection';
import { LocationForm } from './catalog/LocationForm';
import { ProviderForm } from './catalog/ProviderForm';
import { ResourceForm } from './catalog/ResourceForm';
import { ServiceForm } from './catalog/ServiceForm';
import type { Catalog, LocationView, ProviderView, ResourceView, ServiceView } from './catalog/types';
import { useShownError, type ShownError } from '../../i18n/api-errors';

type Editing =
  | { kind: 'provider'; row: ProviderView | null }
  | { kind: 'service'; row: ServiceView | null }
  | { kind: 'resource'; row: ResourceView | null }
  | { kind: 'location'; row: LocationView | null };

const empty: Catalog = { providers: [], services: [], resources: [], locations: [] };

export function CatalogAdmin() {
  const { t } = useManagerText();
  const shown = useShownError();
  const [catalog, setCatalog] = useState<Catalog>(empty);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const load = useCallback(() => {
    void Promise.all([invoke('admin.providers.list', {}), invoke('admin.services.list', {}), invoke('admin.resources.list', {}), invoke('admin.locations.list', {})])
      .then(([p, s, r, l]) => {
        if (!p.ok || !s.ok || !r.ok || !l.ok) return setError([p, s, r, l].find((x) => !x.ok)!.error!);
        setError(null);
        setCatalog({ providers: p.value, services: s.value, resources: r.value, locations: l.value });
      });
  }, []);
  useEffect(load, [load]);

  const edit = (next: Editing) => {
    setNotice(null);
    setEditing(next);
  };
  const saved = () => {
    setEditing(null);
    setNotice(t('common.saved'));
    load();
  };
  const archive = (name: string, request: () => Promise<{ ok: true } | { ok: false; error: ApiErrorBody }>) => {
    if (!window.confirm(t('catalog.confirmArchive', { name }))) return;
    setNotice(null);
    void request().then((r) => {
      if (!r.ok) return setError(r.error);
      setNotice(t('catalog.archived', { name }));
      load();
    });
  };
  const locationName = (id: string) => catalog.locations.find((l) => l.id === id)?.name ?? '';
  const formProps = { catalog, onClose: () => setEditing(null), onSaved: saved };

  return (
    <div className="catalog">
      <ErrorMessage message={shown(error)} />
      <p role="status" className={notice ? 'message message-success' : 'visually-hidden'}>{notice}</p>
      <CatalogSection title={t('catalog.providers')} addLabel={t('catalog.addProvider')} rows={catalog.providers}
        columns={[t('catalog.specialty'), t('catalog.worksAt')]}
        cells={(p) => [p.specialty, p.locationIds.map(locationName).join(', ')]}
        onAdd={() => edit({ kind: 'provider', row: null })} onEdit={(row) => edit({ kind: 'provider', row })}
        onArchive={(p) => archive(p.name, () => invoke('admin.providers.archive', { providerId: p.id }))} />
      <CatalogSection title={t('catalog.services')} addLabel={t('catalog.addService')} rows={catalog.services}
        columns={[t('catalog.durationMin'), t('catalog.bookableOnline')]}
        cells={(s) => [t('catalog.minutes', { minutes: s.durationMin }), s.bookableOnline ? t('common.yes') : t('common.no')]}
        onAdd={() => edit({ kind: 'service', row: null })} onEdit={(row) => edit({ kind: 'service', row })}
        onArchive={(s) => archive(s.name, () => invoke('admin.services.archive', { serviceId: s.id }))} />
      <CatalogSection title={t('catalog.resources')} addLabel={t('catalog.addResource')} rows={catalog.resources}
        columns={[t('catalog.kind'), t('dashboard.location')]}
        cells={(r) => [t(r.kind === 'room' ? 'catalog.room' : 'catalog.equipment'), locationName(r.locationId)]}
        onAdd={() => edit({ kind: 'resource', row: null })} onEdit={(row) => edit({ kind: 'resource', row })}
        onArchive={(r) => archive(r.name, () => invoke('admin.resources.archive', { resourceId: r.id }))} />
      <CatalogSection title={t('catalog.locations')} addLabel={t('catalog.addLocation')} rows={catalog.locations}
        columns={[t('catalog.timeZone'), t('catalog.phone')]}
        cells={(l) => [l.timeZone, l.phone ?? '']}
        onAdd={() => edit({ kind: 'location', row: null })} onEdit={(row) => edit({ kind: 'location', row })} />
      {editing?.kind === 'provider' ? <ProviderForm editing={editing.row} {...formProps} /> : null}
      {editing?.kind === 'service' ? <ServiceForm editing={editing.row} {...formProps} /> : null}
      {editing?.kind === 'resource' ? <ResourceForm editing={editing.row} {...formProps} /> : null}
      {editing?.kind === 'location' ? <LocationForm editing={editing.row} {...formProps} /> : null}
    </div>
  );
}
