// Devices live on the sync server: pairing codes, last sync, revoking. Offline, the screen
// says so instead of failing (the manager laptop often is).
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { formatClock } from '../../ui/time';
import { useManagerText } from '../i18n';
import { useShownError, type ShownError } from '../../i18n/api-errors';

type DeviceList = ApiOutput<'admin.devices.list'>;
type DeviceRole = 'front_desk' | 'manager' | 'kiosk';

export function DevicesAdmin() {
  const { t, maybe } = useManagerText();
  const shown = useShownError();
  const [list, setList] = useState<DeviceList | null>(null);
  const [role, setRole] = useState<DeviceRole>('front_desk');
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const id = useId();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const load = useCallback(() => {
    void invoke('admin.devices.list', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, []);
  useEffect(load, [load]);

  return (
    <div>
      <section className="panel" aria-labelledby={`${id}-pair`}>
        <h2 id={`${id}-pair`}>{t('devices.pair')}</h2>
        <form className="field-inline" onSubmit={(e) => {
          e.preventDefault();
          void invoke('admin.devices.pairingCode', { role }).then((r) => {
            if (!r.ok) return setError(r.error);
            if (r.value.status !== 'online') return setMessage(r.value.message);
            setCode({ code: r.value.code, expiresAt: r.value.expiresAt });
          });
        }}>
          <label htmlFor={`${id}-role`}>{t('devices.kind')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as DeviceRole)}>
            {(['front_desk', 'manager', 'kiosk'] as const).map((r) => <option key={r} value={r}>{maybe(`device.${r}`, r)}</option>)}
          </select>
          <button type="submit" className="button-primary">{t('devices.createCode')}</button>
        </form>
        {code ? <p role="status" className="message message-success">{t('devices.code', { code: code.code, until: formatClock(code.expiresAt, zone) })}</p> : null}
      </section>
      <ErrorMessage message={shown(error)} />
      {message ? <p role="status" className="message message-warning">{message}</p> : null}
      {list && list.status !== 'online' ? <p role="status" className="message message-warning">{list.message}</p> : null}
      {list?.status === 'online' ? (
        <table className="admin-table">
          <caption className="visually-hidden">{t('section.devices')}</caption>
          <thead><tr><th scope="col">{t('devices.name')}</th><th scope="col">{t('devices.kind')}</th><th scope="col">{t('devices.lastSync')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
          <tbody>
            {list.devices.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}{d.isThisDevice ? ` (${t('audit.thisDevice')})` : ''}</th>
                <td>{maybe(`device.${d.role}`, d.role)}</td>
                <td>{d.lastSeenAt === null ? t('devices.never') : formatClock(d.lastSeenAt, zone)}</td>
                <td>
                  {d.revokedAt !== null ? t('devices.revoked') : (
                    <button type="button" className="button-danger" disabled={d.isThisDevice} aria-label={t('devices.revokeNamed', { name: d.name })} onClick={() => {
                      if (!window.confirm(t('devices.confirmRevoke', { name: d.name }))) return;
                      void invoke('admin.devices.revoke', { deviceId: d.id }).then((r) => {
                        if (!r.ok) return setError(r.error);
                        if (r.value.status !== 'online') return setMessage(r.value.message);
                        load();
                      });
                    }}>{t('devices.revoke')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
