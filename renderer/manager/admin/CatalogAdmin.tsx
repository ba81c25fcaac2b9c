// The clinic's catalog at a glance: providers, services, resources and locations, with
// archiving where the API offers it. (Edit forms beyond names are still to come.)
import { useCallback, useEffect, useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { useManagerText } from '../i18n';

type Provider = ApiOutput<'admin.providers.list'>[number];
type Service = ApiOutput<'admin.services.list'>[number];
type Resource = ApiOutput<'admin.resources.list'>[number];
type Location = ApiOutput<'admin.locations.list'>[number];

function NameList({ title, rows, detail, onArchive }: { title: string; rows: { id: string; name: string }[]; detail(id: string): string; onArchive?(id: string): void }) {
  const { t } = useManagerText();
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <ul className="plain-list catalog-list">
        {rows.map((r) => (
          <li key={r.id}>
            <span className="orphan-patient">{r.name}</span>
            <span className="hint">{detail(r.id)}</span>
            {onArchive ? <button type="button" className="button-quiet" aria-label={t('catalog.archiveNamed', { name: r.name })} onClick={() => onArchive(r.id)}>{t('catalog.archive')}</button> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CatalogAdmin() {
  const { t } = useManagerText();
  const [providers, setProviders] = useState<Provider[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [resources, setResources] = useState<Resource[]>([]);
  const [locations, setLocations] = useState<Location[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void Promise.all([invoke('admin.providers.list', {}), invoke('admin.services.list', {}), invoke('admin.resources.list', {}), invoke('admin.locations.list', {})])
      .then(([p, s, r, l]) => {
        for (const result of [p, s, r, l]) if (!result.ok) return setError(result.error.message);
        if (p.ok) setProviders(p.value);
        if (s.ok) setServices(s.value);
        if (r.ok) setResources(r.value);
        if (l.ok) setLocations(l.value);
      });
  }, []);
  useEffect(load, [load]);
  const done = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? load() : setError(r.error?.message ?? null));
  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
  return (
    <div className="catalog">
      <ErrorMessage message={error} />
      <NameList title={t('catalog.providers')} rows={providers} detail={(id) => providers.find((p) => p.id === id)?.specialty ?? ''}
        onArchive={(providerId) => void invoke('admin.providers.archive', { providerId }).then(done)} />
      <NameList title={t('catalog.services')} rows={services} detail={(id) => t('catalog.minutes', { minutes: services.find((s) => s.id === id)?.durationMin ?? 0 })}
        onArchive={(serviceId) => void invoke('admin.services.archive', { serviceId }).then(done)} />
      <NameList title={t('catalog.resources')} rows={resources} detail={(id) => locationName(resources.find((r) => r.id === id)?.locationId ?? '')}
        onArchive={(resourceId) => void invoke('admin.resources.archive', { resourceId }).then(done)} />
      <NameList title={t('catalog.locations')} rows={locations} detail={(id) => locations.find((l) => l.id === id)?.timeZone ?? ''} />
    </div>
  );
}
