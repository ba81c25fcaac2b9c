// The audit trail, newest first, a page at a time, with each device's chain verification.
import { useEffect, useState } from 'react';
import { invoke } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { useManagerText } from '../i18n';
import { AuditEntryRow } from './AuditEntryRow';
import { AuditFilters, emptyAuditFilter, type AuditFilter } from './AuditFilters';
import { ChainStatus } from './ChainStatus';
import type { AuditEntry, AuditQuery } from './types';
import { useShownError, type ShownError } from '../../i18n/api-errors';

const pageSize = 50;
const idPattern = /^[0-9a-f-]{36}$/i;

function toQuery(filter: AuditFilter, timeZone: string, offset: number): AuditQuery {
  return {
    patientId: filter.patient?.id,
    // A half-typed id would be refused as input; wait until it is whole.
    appointmentId: idPattern.test(filter.appointmentId) ? filter.appointmentId : undefined,
    staffUserId: filter.staffUserId || undefined,
    deviceId: filter.deviceId || undefined,
    from: filter.from || undefined,
    to: filter.to || undefined,
    timeZone, limit: pageSize, offset,
  };
}

export function AuditViewer() {
  const { t } = useManagerText();
  const shown = useShownError();
  const [filter, setFilter] = useState<AuditFilter>(emptyAuditFilter);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<ShownError>(null);

  useEffect(() => {
    void invoke('admin.locations.list', {}).then((r) => setTimeZone(r.ok ? (r.value[0]?.timeZone ?? 'UTC') : 'UTC'));
  }, []);

  useEffect(() => {
    if (!timeZone) return;
    let isCurrent = true;
    void invoke('audit.events', toQuery(filter, timeZone, 0)).then((r) => {
      if (!isCurrent) return;
      if (!r.ok) return setError(r.error);
      setError(null);
      setEntries(r.value.entries);
      setHasMore(r.value.hasMore);
    });
    return () => {
      isCurrent = false;
    };
  }, [filter, timeZone]);

  async function loadMore() {
    if (!timeZone || !entries) return;
    const r = await invoke('audit.events', toQuery(filter, timeZone, entries.length));
    if (!r.ok) return setError(r.error);
    setEntries([...entries, ...r.value.entries]);
    setHasMore(r.value.hasMore);
  }

  return (
    <div className="audit">
      <ChainStatus />
      <AuditFilters filter={filter} onChange={setFilter} />
      <ErrorMessage message={shown(error)} />
      {entries === null ? <p>{t('common.loading')}</p> : null}
      {entries?.length === 0 ? <p>{t('audit.none')}</p> : null}
      {entries && entries.length > 0 && timeZone ? (
        <div className="report-table-scroll" tabIndex={0} role="region" aria-label={t('audit.events')}>
          <table className="audit-table">
            <caption>{t('audit.events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th><th scope="col">{t('audit.who')}</th><th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.fromDevice')}</th><th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => <AuditEntryRow key={e.id} entry={e} timeZone={timeZone} onFilterAppointment={(id) => setFilter({ ...emptyAuditFilter, appointmentId: id })} />)}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasMore ? <button type="button" className="button-secondary" onClick={() => void loadMore()}>{t('audit.more')}</button> : null}
    </div>
  );
}
