// Upcoming visits outside working hours now, for one provider: they stay booked until someone
// moves or cancels them, and leave this list as soon as they fit the hours again.
import { useCallback, useEffect, useState } from 'react';
import { invoke, subscribe } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { useManagerText } from '../i18n';
import { OrphanList } from './OrphanList';
import { RebookDialog } from './RebookDialog';
import type { LocationView, OrphanView } from './types';
import { useShownError, type ShownError } from '../../i18n/api-errors';

const watchedTables = ['appointments', 'schedule_templates', 'schedule_exceptions'];

export function ToRebook({ providerId, locations, revision }: { providerId: string; locations: LocationView[]; revision: number }) {
  const { t } = useManagerText();
  const shown = useShownError();
  const [orphans, setOrphans] = useState<OrphanView[] | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const [rebooking, setRebooking] = useState<OrphanView | null>(null);
  const [changes, setChanges] = useState(0);

  const load = useCallback(() => {
    void invoke('admin.orphans.list', { providerId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setError(null);
      setOrphans(r.value.orphaned);
    });
  }, [providerId]);

  useEffect(load, [load, revision, changes]);
  useEffect(() => subscribe((event) => {
    if (event.type === 'changed' && event.tables.some((table) => watchedTables.includes(table))) setChanges((c) => c + 1);
  }), []);

  return (
    <section className="panel" aria-labelledby="to-rebook-title">
      <h2 id="to-rebook-title">{t('hours.toRebook')}</h2>
      <ErrorMessage message={shown(error)} />
      {orphans === null ? <p>{t('common.loading')}</p> : null}
      {orphans?.length === 0 ? <p>{t('hours.nothingToRebook')}</p> : null}
      {orphans && orphans.length > 0 ? (
        <OrphanList orphans={orphans} locations={locations} label={t('hours.toRebook')} onRebook={setRebooking} />
      ) : null}
      {rebooking ? (
        <RebookDialog orphan={rebooking} onClose={() => {
          setRebooking(null);
          load();
        }} />
      ) : null}
    </section>
  );
}
