// After a cancellation: who on the waitlist fits the freed time (the same ranking the server's
// offer job uses), each with one button that books them into it and takes them off the list.
import { useCallback, useEffect, useState } from 'react';
import { invoke, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorMessage } from '../ui/Dialog';
import { formatCalendarDate, formatDateTime } from '../ui/time';
import { urgencyLabels } from './urgency';

type Matches = ApiOutput<'waitlist.matchesForSlot'>;

export function WaitlistMatches({ appointmentId, timeZone, onBooked }: { appointmentId: string; timeZone: string; onBooked(message: string): void }) {
  const { t } = useI18n();
  const explain = useApiError();
  const [matches, setMatches] = useState<Matches | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    void invoke('waitlist.matchesForSlot', { appointmentId }).then((r) => (r.ok ? setMatches(r.value) : setError(explain(r.error))));
  }, [appointmentId, explain]);
  useEffect(load, [load]);

  async function book(entry: Matches['entries'][number]) {
    setError(null);
    const result = await invoke('waitlist.bookIntoSlot', { entryId: entry.id, appointmentId });
    if (!result.ok) return setError(explain(result.error));
    onBooked(t('waitlist.bookedInto', { patient: entry.patientName ?? t('waitlist.patient'), when: formatDateTime(result.value.appointment.startAt, timeZone) }));
    load();
  }

  if (!matches) return <ErrorMessage message={error} />;
  const when = formatDateTime(matches.slot.startAt, timeZone);
  return (
    <section className="waitlist-matches" aria-labelledby={`matches-${appointmentId}`}>
      <h3 id={`matches-${appointmentId}`}>{t('waitlist.matchesTitle')}</h3>
      {matches.entries.length === 0 ? <p>{t('waitlist.matchesNone')}</p> : null}
      <ul className="plain-list waitlist">
        {matches.entries.map((e) => {
          const patient = e.patientName ?? t('waitlist.patient');
          return (
            <li key={e.id} className="waitlist-entry">
              <div>
                <p className="waitlist-patient">{patient}</p>
                <p>
                  {e.providerName ?? t('waitlist.anyProvider')} · {t('waitlist.between', { from: formatCalendarDate(e.earliestDate), to: formatCalendarDate(e.latestDate) })}
                  {' · '}{t(urgencyLabels[e.urgency] ?? 'waitlist.urgency0')}
                </p>
                {e.notes ? <p className="hint">{e.notes}</p> : null}
              </div>
              <button type="button" className="button-primary" onClick={() => void book(e)}>{t('waitlist.bookInto', { patient, when })}</button>
            </li>
          );
        })}
      </ul>
      <ErrorMessage message={error} />
    </section>
  );
}
