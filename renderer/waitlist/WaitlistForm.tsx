// Adding a patient to the waitlist from the booking dialog, when none of the open times suits:
// the service and provider already chosen there, plus who, between which dates, how urgent,
// and the patient's preferred days and times.
import { useId, useState, type FormEvent } from 'react';
import { invoke } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import { PatientSearch, type PatientSummary } from '../patients/PatientPanel';
import { ErrorMessage } from '../ui/Dialog';
import { addDays, calendarDateIn } from '../ui/time';
import { urgencyLabels } from './urgency';

interface WaitlistFormProps {
  locationId: string;
  timeZone: string;
  serviceId: string;
  /** null: any provider who offers the service. */
  providerId: string | null;
  onAdded(message: string): void;
  onBack(): void;
}

export function WaitlistForm({ locationId, timeZone, serviceId, providerId, onAdded, onBack }: WaitlistFormProps) {
  const { t } = useI18n();
  const explain = useApiError();
  const today = calendarDateIn(Date.now(), timeZone);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [earliestDate, setEarliestDate] = useState(today);
  const [latestDate, setLatestDate] = useState(addDays(today, 28));
  const [urgency, setUrgency] = useState(0);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { earliest: useId(), latest: useId(), urgency: useId(), notes: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!patient) return setError(t('waitlist.choosePatient'));
    const result = await invoke('waitlist.add', {
      patientId: patient.id, serviceId, providerId: providerId ?? undefined, locationId, earliestDate, latestDate, urgency, notes: notes.trim() || undefined,
    });
    if (!result.ok) return setError(explain(result.error));
    onAdded(t('waitlist.added', { patient: `${patient.lastName}, ${patient.firstName}` }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PatientSearch selected={patient} onSelect={setPatient} autoSelectFirst />
      <div className="field-row">
        <div>
          <label className="field-label" htmlFor={ids.earliest}>{t('waitlist.earliest')}</label>
          <input id={ids.earliest} className="field" type="date" value={earliestDate} onChange={(e) => setEarliestDate(e.target.value)} required />
        </div>
        <div>
          <label className="field-label" htmlFor={ids.latest}>{t('waitlist.latest')}</label>
          <input id={ids.latest} className="field" type="date" value={latestDate} onChange={(e) => setLatestDate(e.target.value)} required />
        </div>
      </div>
      <label className="field-label" htmlFor={ids.urgency}>{t('waitlist.urgency')}</label>
      <select id={ids.urgency} className="field" value={urgency} onChange={(e) => setUrgency(Number(e.target.value))}>
        {urgencyLabels.map((label, value) => <option key={label} value={value}>{t(label)}</option>)}
      </select>
      <label className="field-label" htmlFor={ids.notes}>{t('waitlist.preferences')}</label>
      <textarea id={ids.notes} className="field" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <ErrorMessage message={error} />
      <div className="step-buttons">
        <button type="button" className="button-secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="submit" className="button-primary">{t('waitlist.add')}</button>
      </div>
    </form>
  );
}
