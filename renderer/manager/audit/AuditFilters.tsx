// The audit trail's filters: a patient found by search, an appointment, a staff member, a
// device, and a range of days in the clinic's zone.
import { useEffect, useId, useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { PatientSearch, type PatientSummary } from '../../patients/PatientPanel';
import { useManagerText } from '../i18n';

export interface AuditFilter {
  patient: PatientSummary | null;
  appointmentId: string;
  staffUserId: string;
  deviceId: string;
  from: string;
  to: string;
}

export const emptyAuditFilter: AuditFilter = { patient: null, appointmentId: '', staffUserId: '', deviceId: '', from: '', to: '' };

type Staff = ApiOutput<'admin.staff.list'>[number];

export function AuditFilters({ filter, onChange }: { filter: AuditFilter; onChange(filter: AuditFilter): void }) {
  const { t } = useManagerText();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [devices, setDevices] = useState<string[]>([]);
  const [isPickingPatient, setIsPickingPatient] = useState(false);
  const id = useId();
  const set = (patch: Partial<AuditFilter>) => onChange({ ...filter, ...patch });

  useEffect(() => {
    void invoke('admin.staff.list', {}).then((r) => r.ok && setStaff(r.value));
    void invoke('audit.verifyChains', {}).then((r) => r.ok && setDevices(r.value.devices.map((d) => d.deviceId)));
  }, []);

  return (
    <form className="panel audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="form-grid">
        <span className="field-label">{t('audit.patient')}</span>
        <div>
          {filter.patient ? (
            <span>{filter.patient.lastName}, {filter.patient.firstName} <button type="button" className="button-quiet" onClick={() => set({ patient: null })}>{t('audit.clearPatient')}</button></span>
          ) : isPickingPatient ? (
            <PatientSearch selected={null} onSelect={(p) => {
              if (!p) return;
              setIsPickingPatient(false);
              set({ patient: p });
            }} />
          ) : <button type="button" className="button-quiet" onClick={() => setIsPickingPatient(true)}>{t('audit.choosePatient')}</button>}
        </div>
        <label htmlFor={`${id}-appointment`}>{t('audit.appointment')}</label>
        <input id={`${id}-appointment`} value={filter.appointmentId} placeholder={t('audit.appointmentHint')} onChange={(e) => set({ appointmentId: e.target.value.trim() })} />
        <label htmlFor={`${id}-staff`}>{t('audit.staff')}</label>
        <select id={`${id}-staff`} value={filter.staffUserId} onChange={(e) => set({ staffUserId: e.target.value })}>
          <option value="">{t('audit.anyone')}</option>
          {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <label htmlFor={`${id}-device`}>{t('audit.deviceFilter')}</label>
        <select id={`${id}-device`} value={filter.deviceId} onChange={(e) => set({ deviceId: e.target.value })}>
          <option value="">{t('audit.anyDevice')}</option>
          {devices.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
        <input id={`${id}-from`} type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
        <input id={`${id}-to`} type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
    </form>
  );
}
