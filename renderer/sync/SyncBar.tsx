// Always at the bottom of the desk: is this device talking to the clinic server, how many of
// its changes are still waiting, when it last synced, and which changes the server refused.
import { useCallback, useEffect, useState } from 'react';
import { invoke, onConnectionChange, subscribe, type ApiOutput } from '../api/client';
import { Dialog, ErrorMessage } from '../ui/Dialog';

type SyncState = ApiOutput<'sync.state'>;
type Rejection = ApiOutput<'sync.rejections'>[number];

function formatClock(instant: number): string {
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(instant);
}

export function SyncBar() {
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
    <footer className="sync-bar" aria-label="Sync status">
      <span className={`sync-dot ${isOnline ? 'sync-online' : 'sync-offline'}`} aria-hidden="true" />
      <span role="status" className="sync-item">
        {state === null ? 'Checking sync…' : isOnline ? 'Online' : 'Offline'}
        {!isHostConnected ? ' (lost contact with the Frontdesk service on this computer)' : ''}
      </span>
      <span className="sync-item">{pending === 0 ? '0 pending changes' : `${pending} pending change${pending === 1 ? '' : 's'}`}</span>
      <span className="sync-item">Last sync: {state?.lastSyncAt ? formatClock(state.lastSyncAt) : 'not yet'}</span>
      {state?.problem ? <span className="sync-item sync-problem">{state.problem}</span> : null}
      {rejections > 0 ? (
        <button type="button" className="button-warning" onClick={() => setIsPanelOpen(true)}>
          {rejections} refused change{rejections === 1 ? '' : 's'} to resolve
        </button>
      ) : null}
      {isPanelOpen ? <RejectionsPanel onClose={() => setIsPanelOpen(false)} /> : null}
    </footer>
  );
}

function describeRejection(r: Rejection): string {
  const visit = r.rejected;
  if (!visit) return `A change to ${r.tableName.replace('_', ' ')} was refused.`;
  const who = visit.patientName ?? 'a patient';
  const when = visit.startAt ? new Date(visit.startAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : 'an unknown time';
  return `${visit.serviceName ?? 'Appointment'} for ${who} with ${visit.providerName ?? 'the provider'} at ${when}`;
}

function RejectionsPanel({ onClose }: { onClose(): void }) {
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

  return (
    <Dialog title="Changes the server refused" onClose={onClose} size="wide"
      description="Another desk got there first, or a rule changed. Book again, waitlist or tell the patient, then mark it resolved.">
      <ErrorMessage message={error} />
      {rows?.length === 0 ? <p>Nothing left to resolve.</p> : null}
      <ul className="plain-list">
        {rows?.map((r) => (
          <li key={r.changeId} className="rejection">
            <p className="rejection-title">{describeRejection(r)}</p>
            <p><strong>Reason:</strong> {r.reason.replace(/_/g, ' ')}</p>
            <p>{r.message}</p>
            <button type="button" className="button-secondary" onClick={() => void resolve(r.changeId)}>Mark resolved</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
