// Always on screen while someone is signed in: online or offline, pending changes, the last
// sync in the clinic's time, and the changes the server refused, which open the conflict panel.
import { useCallback, useEffect, useState } from 'react';
import { invoke, onConnectionChange, subscribe, type ApiOutput } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { formatClock, formatDateTime } from '../ui/time';

type SyncState = ApiOutput<'sync.state'>;
type Rejection = ApiOutput<'sync.rejections'>[number];

/** timeZone: the clinic location's, once the schedule knows it; null until then. */
export function SyncBar({ timeZone }: { timeZone: string | null }) {
  const { t, tn } = useI18n();
  const [state, setState] = useState<SyncState | null>(null);
  const [isHostConnected, setIsHostConnected] = useState(true);
  const [isPanelOpen, setIsPanelOpen] = useState(false);

  const refresh = useCallback(() => {
    void invoke('sync.state', {}).then((result) => result.ok && setState(result.value));
  }, []);

  useEffect(() => {
    refresh();
    const unsubscribe = subscribe((event) => {
      if (event.type === 'sync') setState(event.state);
      // Pending counts change with every local write.
      else if (event.type === 'changed') refresh();
    });
    const unwatch = onConnectionChange(setIsHostConnected);
    return () => {
      unsubscribe();
      unwatch();
    };
  }, [refresh]);

  const isOnline = isHostConnected && state?.online === true;
  const pending = state?.pending ?? 0;
  const rejections = state?.unresolvedRejections ?? 0;

  return (
    <footer className="sync-bar" aria-label={t('sync.bar')}>
      <span className={`sync-dot ${isOnline ? 'sync-online' : 'sync-offline'}`} aria-hidden="true" />
      <span role="status" className="sync-item">
        {state === null ? t('sync.checking') : isOnline ? t('sync.online') : t('sync.offline')}
        {!isHostConnected ? ` ${t('sync.lostHost')}` : ''}
      </span>
      <span className="sync-item">{tn('sync.pending', pending)}</span>
      <span className="sync-item">
        {t('sync.lastSync', { time: state?.lastSyncAt && timeZone ? formatClock(state.lastSyncAt, timeZone) : t('sync.notYet') })}
      </span>
      {state?.problem ? <span className="sync-item sync-problem">{state.problem}</span> : null}
      {rejections > 0 ? (
        <button type="button" className="button-warning" onClick={() => setIsPanelOpen(true)}>
          {tn('sync.refused', rejections)}
        </button>
      ) : null}
      {isPanelOpen ? <RejectionsPanel timeZone={timeZone ?? 'UTC'} onClose={() => setIsPanelOpen(false)} /> : null}
    </footer>
  );
}

function RejectionsPanel({ timeZone, onClose }: { timeZone: string; onClose(): void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Rejection[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    void invoke('sync.rejections', {}).then((result) => (result.ok ? setRows(result.value) : setError(result.error.message)));
  }, []);
  useEffect(load, [load]);

  async function resolve(changeId: string) {
    const result = await invoke('sync.resolveRejection', { changeId });
    if (!result.ok) return setError(result.error.message);
    load();
  }

  function describe(r: Rejection): string {
    const visit = r.rejected;
    if (!visit) return t('conflict.otherChange', { table: r.tableName.replace(/_/g, ' ') });
    return t('conflict.visit', {
      service: visit.serviceName ?? t('conflict.anAppointment'),
      patient: visit.patientName ?? t('conflict.aPatient'),
      provider: visit.providerName ?? t('conflict.theProvider'),
      when: visit.startAt ? formatDateTime(visit.startAt, timeZone) : t('conflict.unknownTime'),
    });
  }

  return (
    <Dialog title={t('conflict.title')} onClose={onClose} size="wide" description={t('conflict.description')}>
      <ErrorMessage message={error} />
      {rows?.length === 0 ? <p>{t('conflict.none')}</p> : null}
      <ul className="plain-list">
        {rows?.map((r) => (
          <li key={r.changeId} className="rejection">
            <p className="rejection-title">{describe(r)}</p>
            <p><strong>{t('conflict.reason')}</strong> {r.reason.replace(/_/g, ' ')}</p>
            <p>{r.message}</p>
            <button type="button" className="button-secondary" onClick={() => void resolve(r.changeId)}>{t('conflict.resolve')}</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
