// One audit event: who, what, when, from which device, and each changed column before and after.
import { formatDateTime } from '../../ui/time';
import { shortId } from '../format';
import { useManagerText } from '../i18n';
import type { AuditEntry } from './types';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditEntryRow({ entry, timeZone, onFilterAppointment }: { entry: AuditEntry; timeZone: string; onFilterAppointment(id: string): void }) {
  const { t, maybe } = useManagerText();
  return (
    <tr>
      <td>{formatDateTime(entry.at, timeZone)}</td>
      <td>{entry.staffName ?? t('audit.system')}{entry.staffRole ? ` · ${maybe(`role.${entry.staffRole}`, entry.staffRole)}` : ''}</td>
      <td>
        <code>{entry.action}</code>
        <div className="hint">{entry.entityTable} {shortId(entry.entityId)}</div>
        {entry.entityTable === 'appointments' ? (
          <button type="button" className="button-quiet" onClick={() => onFilterAppointment(entry.entityId)}>{t('audit.onlyThisAppointment')}</button>
        ) : null}
      </td>
      <td>{shortId(entry.deviceId)}{entry.isThisDevice ? ` (${t('audit.thisDevice')})` : ''} · #{entry.chainSeq}</td>
      <td>
        {entry.changes.length === 0 ? '—' : (
          <table className="diff">
            <thead><tr><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.before')}</th><th scope="col">{t('audit.after')}</th></tr></thead>
            <tbody>
              {entry.changes.map((c) => (
                <tr key={c.column}><th scope="row">{c.column}</th><td className="diff-before">{show(c.before)}</td><td className="diff-after">{show(c.after)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </td>
    </tr>
  );
}
