// The rooms and equipment a service needs, as groups: the visit takes one resource from
// each group (two exam rooms in one group are interchangeable; a room and an ECG machine in
// two groups are both needed).
import { useId } from 'react';
import { useManagerText } from '../../i18n';
import { CheckList } from '../form/Field';
import type { Catalog } from './types';

interface ResourceGroupsProps {
  groups: string[][];
  catalog: Catalog;
  onChange(groups: string[][]): void;
  error?: string | undefined;
}

export function ResourceGroups({ groups, catalog, onChange, error }: ResourceGroupsProps) {
  const { t } = useManagerText();
  const id = useId();
  const locationName = (id: string) => catalog.locations.find((l) => l.id === id)?.name ?? '';
  const options = catalog.resources.map((r) => ({ id: r.id, label: `${r.name} (${locationName(r.locationId)})` }));
  return (
    <fieldset className="form-field resource-groups" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{t('catalog.requiredResources')}</legend>
      <p className="hint">{groups.length === 0 ? t('catalog.noResourcesNeeded') : t('catalog.requiredResourcesHint')}</p>
      {groups.map((group, i) => (
        <div key={i} className="resource-group">
          <CheckList legend={t('catalog.needsOneOf', { n: i + 1 })} options={options} checked={group}
            onChange={(checked) => onChange(groups.map((g, j) => (j === i ? checked : g)))} />
          <button type="button" className="button-quiet" onClick={() => onChange(groups.filter((_, j) => j !== i))}>
            {t('catalog.removeGroup', { n: i + 1 })}
          </button>
        </div>
      ))}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      <button type="button" className="button-secondary" onClick={() => onChange([...groups, []])}>{t('catalog.addGroup')}</button>
    </fieldset>
  );
}
