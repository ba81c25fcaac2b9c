// What the dashboard counts: a range of days and, optionally, one location, provider, service.
import { useId } from 'react';
import { useManagerText } from '../i18n';
import type { FilterOptions } from './types';

export interface DashboardFilter {
  from: string;
  to: string;
  locationId: string;
  providerId: string;
  serviceId: string;
}

export function FilterBar({ filter, options, onChange }: { filter: DashboardFilter; options: FilterOptions | null; onChange(filter: DashboardFilter): void }) {
  const { t } = useManagerText();
  const id = useId();
  const set = (patch: Partial<DashboardFilter>) => onChange({ ...filter, ...patch });
  return (
    <form className="filter-bar" aria-label={t('dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
      <input id={`${id}-from`} type="date" value={filter.from} max={filter.to} required onChange={(e) => e.target.value && set({ from: e.target.value })} />
      <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
      <input id={`${id}-to`} type="date" value={filter.to} min={filter.from} required onChange={(e) => e.target.value && set({ to: e.target.value })} />
      <label htmlFor={`${id}-location`}>{t('dashboard.location')}</label>
      <select id={`${id}-location`} value={filter.locationId} onChange={(e) => set({ locationId: e.target.value })}>
        <option value="">{t('dashboard.allLocations')}</option>
        {options?.locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
      </select>
      <label htmlFor={`${id}-provider`}>{t('dashboard.provider')}</label>
      <select id={`${id}-provider`} value={filter.providerId} onChange={(e) => set({ providerId: e.target.value })}>
        <option value="">{t('dashboard.allProviders')}</option>
        {options?.providers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <label htmlFor={`${id}-service`}>{t('dashboard.service')}</label>
      <select id={`${id}-service`} value={filter.serviceId} onChange={(e) => set({ serviceId: e.target.value })}>
        <option value="">{t('dashboard.allServices')}</option>
        {options?.services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
    </form>
  );
}
