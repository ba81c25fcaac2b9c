// Appointments left outside working hours: in a preview (what saving would do) or in the
// "to rebook" list (what is outside now). Nothing here cancels anything.
import { formatDateTime } from '../../ui/time';
import { useManagerText } from '../i18n';
import type { LocationView, OrphanView } from './types';

interface OrphanListProps {
  orphans: OrphanView[];
  locations: LocationView[];
  label: string;
  onRebook?(orphan: OrphanView): void;
}

export function OrphanList({ orphans, locations, label, onRebook }: OrphanListProps) {
  const { t } = useManagerText();
  const zoneOf = (locationId: string) => locations.find((l) => l.id === locationId)?.timeZone ?? 'UTC';
  return (
    <ul className="orphan-list" aria-label={label}>
      {orphans.map((o) => (
        <li key={o.id}>
          <span className="orphan-patient">{o.patientName}</span>
          <span>{o.serviceName ?? t('hours.serviceUnknown')}</span>
          <span>{formatDateTime(o.startAt, zoneOf(o.locationId))}</span>
          {o.wasOutsideBefore ? <span className="orphan-note">{t('hours.alreadyOutside')}</span> : <span />}
          {onRebook ? (
            <button type="button" className="button-secondary" onClick={() => onRebook(o)}>
              {t('hours.rebook', { patient: o.patientName })}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
