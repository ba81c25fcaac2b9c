// Staff accounts: add one, change a role or deactivate, and reset a PIN or password. The API
// decides who may touch an administrator; its refusal is shown as is.
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { Dialog, ErrorMessage } from '../../ui/Dialog';
import { useManagerText } from '../i18n';
import { useShownError, type ShownError } from '../../i18n/api-errors';

type Staff = ApiOutput<'admin.staff.list'>[number];
type Role = Staff['role'];
const roles: Role[] = ['receptionist', 'nurse', 'provider', 'manager', 'admin'];

function StaffForm({ staff, onDone }: { staff: Staff | null; onDone(): void }) {
  const { t, maybe } = useManagerText();
  const shown = useShownError();
  const [name, setName] = useState(staff?.name ?? '');
  const [role, setRole] = useState<Role>(staff?.role ?? 'receptionist');
  const [active, setActive] = useState(staff?.active ?? true);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ShownError>(null);
  const id = useId();
  return (
    <Dialog title={staff ? t('staff.edit', { name: staff.name }) : t('staff.add')} onClose={onDone}>
      <form onSubmit={(e) => {
        e.preventDefault();
        void invoke('admin.staff.save', { id: staff?.id, name, role, active, providerId: staff?.providerId ?? null, secret: staff ? undefined : secret })
          .then((r) => (r.ok ? onDone() : setError(r.error)));
      }}>
        <label className="field-label" htmlFor={`${id}-name`}>{t('staff.name')}</label>
        <input id={`${id}-name`} className="field" value={name} required onChange={(e) => setName(e.target.value)} />
        <label className="field-label" htmlFor={`${id}-role`}>{t('staff.role')}</label>
        <select id={`${id}-role`} className="field" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => <option key={r} value={r}>{maybe(`role.${r}`, r)}</option>)}
        </select>
        <label className="check"><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('staff.active')}</label>
        {staff ? null : (
          <>
            <label className="field-label" htmlFor={`${id}-secret`}>{t('staff.secret')}</label>
            <input id={`${id}-secret`} className="field" type="password" autoComplete="new-password" value={secret} required aria-describedby={`${id}-hint`} onChange={(e) => setSecret(e.target.value)} />
            <p id={`${id}-hint`} className="hint">{t('staff.secretHint')}</p>
          </>
        )}
        <ErrorMessage message={shown(error)} />
        <div className="step-buttons"><button type="submit" className="button-primary">{t('common.save')}</button></div>
      </form>
    </Dialog>
  );
}

function ResetSecret({ staff, onDone }: { staff: Staff; onDone(message: string | null): void }) {
  const { t } = useManagerText();
  const shown = useShownError();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ShownError>(null);
  const id = useId();
  return (
    <Dialog title={t('staff.resetFor', { name: staff.name })} onClose={() => onDone(null)}>
      <form onSubmit={(e) => {
        e.preventDefault();
        void invoke('admin.staff.resetSecret', { staffUserId: staff.id, secret }).then((r) => (r.ok ? onDone(t('staff.resetDone', { name: staff.name })) : setError(r.error)));
      }}>
        <label className="field-label" htmlFor={`${id}-secret`}>{t('staff.newSecret')}</label>
        <input id={`${id}-secret`} className="field" type="password" autoComplete="new-password" value={secret} required aria-describedby={`${id}-hint`} onChange={(e) => setSecret(e.target.value)} />
        <p id={`${id}-hint`} className="hint">{t('staff.secretHint')}</p>
        <ErrorMessage message={shown(error)} />
        <div className="step-buttons"><button type="submit" className="button-primary">{t('staff.reset')}</button></div>
      </form>
    </Dialog>
  );
}

export function StaffAdmin() {
  const { t, maybe } = useManagerText();
  const shown = useShownError();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const load = useCallback(() => {
    void invoke('admin.staff.list', {}).then((r) => (r.ok ? setStaff(r.value) : setError(r.error)));
  }, []);
  useEffect(load, [load]);
  return (
    <div>
      <button type="button" className="button-primary" onClick={() => setEditing('new')}>{t('staff.add')}</button>
      <ErrorMessage message={shown(error)} />
      {notice ? <p role="status" className="message message-success">{notice}</p> : null}
      <table className="admin-table">
        <caption className="visually-hidden">{t('section.staff')}</caption>
        <thead><tr><th scope="col">{t('staff.name')}</th><th scope="col">{t('staff.role')}</th><th scope="col">{t('staff.active')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{maybe(`role.${s.role}`, s.role)}</td>
              <td>{s.active ? t('common.yes') : t('common.no')}</td>
              <td>
                <button type="button" className="button-quiet" onClick={() => setEditing(s)} aria-label={t('staff.edit', { name: s.name })}>{t('common.edit')}</button>
                <button type="button" className="button-quiet" onClick={() => setResetting(s)} aria-label={t('staff.resetFor', { name: s.name })}>{t('staff.reset')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? <StaffForm staff={editing === 'new' ? null : editing} onDone={() => {
        setEditing(null);
        load();
      }} /> : null}
      {resetting ? <ResetSecret staff={resetting} onDone={(message) => {
        setResetting(null);
        setNotice(message);
      }} /> : null}
    </div>
  );
}
