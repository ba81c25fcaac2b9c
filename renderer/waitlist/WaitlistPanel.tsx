// Who is waiting at this location, most urgent first; take someone off once they are booked
// or no longer want a visit.
import { useCallback, useEffect, useState } from 'react';
import { invoke, subscribe, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { formatCalendarDate } from '../ui/time';
import { urgencyLabels } from './urgency';

type Entry = ApiOutput<'waitlist.list'>[number];

export function WaitlistPanel({ location, onClose }: { location: { id: string; name: string }; onClose(): void }) {
  const { t } = useI18n();
  const explain = useApiError();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    void invoke('waitlist.list', { locationId: location.id }).then((r) => (r.ok ? setEntries(r.value) : setError(explain(r.error))));
  }, [location.id]);

  useEffect(load, [load]);
  // Another desk's additions arrive by sync.
  useEffect(() => subscribe((event) => {
    if (event.type === 'changed' && event.tables.includes('waitlist_entries')) load();
  }), [load]);

  async function remove(entry: Entry) {
    const result = await invoke('waitlist.remove', { entryId: entry.id });
    if (!result.ok) return setError(explain(result.error));
    setError(null);
    setNotice(t('waitlist.removed', { patient: entry.patientName ?? t('waitlist.patient') }));
    load();
  }

  return (
    <Dialog title={t('waitlist.title')} onClose={onClose} size="wide" description={t('waitlist.description', { location: location.name })}>
      <ErrorMessage message={error} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}
      {entries === null && !error ? <p>{t('common.loading')}</p> : null}
      {entries?.length === 0 ? <p>{t('waitlist.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <ul className="plain-list waitlist">
          {entries.map((e) => {
            const patient = e.patientName ?? t('waitlist.patient');
            return (
              <li key={e.id} className="waitlist-entry">
                <div>
                  <p className="waitlist-patient">{patient}</p>
                  <p>
                    {e.serviceName ?? t('waitlist.service')} · {e.providerName ?? t('waitlist.anyProvider')} ·{' '}
                    {t('waitlist.between', { from: formatCalendarDate(e.earliestDate), to: formatCalendarDate(e.latestDate) })} · {t(urgencyLabels[e.urgency] ?? 'waitlist.urgency0')}
                  </p>
                  {e.notes ? <p className="hint">{e.notes}</p> : null}
                </div>
                <button type="button" className="button-secondary" onClick={() => void remove(e)} aria-label={t('waitlist.removeNamed', { patient })}>
                  {t('waitlist.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Dialog>
  );
}
