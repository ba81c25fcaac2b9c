// Always on screen while someone is signed in: online or offline, pending changes, the last
// sync in the clinic's time, and the changes the server refused, which open the conflict panel.
import { useCallback, useEffect, useState } from 'react';
import { invoke, onConnectionChange, subscribe, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { formatClock, formatDateTime } from '../ui/time';
import { ConflictResolution, type Rejection } from './ConflictResolution';

type SyncState = ApiOutput<'sync.state'>;
type Role = ApiOutput<'session.signIn'>['staff']['role'];

const reasonLabels: Partial<Record<string, MessageKey>> = {
  slot_taken: 'conflict.reasonSlotTaken',
  clock_drift: 'conflict.reasonClockDrift',
  forbidden: 'conflict.reasonForbidden',
  invalid: 'conflict.reasonInvalid',
  unknown_table: 'conflict.reasonUnknownTable',
};

/** timeZone: the clinic location's, once the schedule knows it; null until then. role: who is signed in, for overbooking. */
export function SyncBar({ timeZone, role }: { timeZone: string | null; role: Role }) {
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
      {isPanelOpen ? <RejectionsPanel timeZone={timeZone ?? 'UTC'} role={role} onClose={() => setIsPanelOpen(false)} /> : null}
    </footer>
  );
}

function RejectionsPanel({ timeZone, role, onClose }: { timeZone: string; role: Role; onClose(): void }) {
  const { t, language } = useI18n();
  const explain = useApiError();
  const [rows, setRows] = useState<Rejection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    void invoke('sync.rejections', {}).then((result) => (result.ok ? setRows(result.value) : setError(explain(result.error))));
  }, [explain]);
  useEffect(load, [load]);

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

  /**
   * What the server said. Its sentence is English; in another language a taken slot is told
   * from the appointment that took it (synced to this device by then), and any other reason
   * by its label alone.
   */
  function refusalDetails(r: Rejection): string | null {
    if (language === 'en') return r.message;
    const holder = r.conflictsWith;
    if (r.reason === 'slot_taken' && holder?.startAt) {
      return t('conflict.takenBy', {
        provider: holder.providerName ?? t('conflict.theProvider'),
        when: formatDateTime(holder.startAt, timeZone),
        service: holder.serviceName ?? t('conflict.anAppointment'),
        patient: holder.patientName ?? t('conflict.aPatient'),
      });
    }
    return null;
  }

  return (
    <Dialog title={t('conflict.title')} onClose={onClose} size="wide" description={t('conflict.description')}>
      <ErrorMessage message={error} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}
      {rows?.length === 0 ? <p>{t('conflict.none')}</p> : null}
      <ul className="plain-list">
        {rows?.map((r) => (
          <li key={r.changeId} className="rejection" aria-label={describe(r)}>
            <p className="rejection-title">{describe(r)}</p>
            <p><strong>{t('conflict.reason')}</strong> {t(reasonLabels[r.reason] ?? 'conflict.reasonInvalid')}</p>
            {refusalDetails(r) ? <p>{refusalDetails(r)}</p> : null}
            <ConflictResolution
              rejection={r}
              role={role}
              timeZone={timeZone}
              onResolved={(message) => {
                setNotice(message);
                load();
              }}
            />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
