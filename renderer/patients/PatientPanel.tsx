// Patients at the desk: search by name, date of birth or phone; register a new one; and the
// panel with details, upcoming and past visits, and the attendance warning.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { invoke, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import type { Translator } from '../i18n/translate';
import { statusLabels } from '../schedule/status';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { formatBirthDate, formatDateTime } from '../ui/time';

export type PatientSummary = ApiOutput<'patients.search'>['patients'][number];

const searchDelayMs = 200;

function usePatientSearch(query: string) {
  const explain = useApiError();
  const [results, setResults] = useState<PatientSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setResults(null);
      setError(null);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      void invoke('patients.search', { query: text, limit: 10 }).then((r) => {
        if (!isCurrent) return;
        if (r.ok) {
          setResults(r.value.patients);
          setError(null);
        } else setError(explain(r.error));
      });
    }, searchDelayMs);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query]);
  return { results, error };
}

function describePatient(p: PatientSummary, { t }: Translator): string {
  return `${t('patient.born', { date: formatBirthDate(p.dateOfBirth) })}${p.phone ? ` · ${p.phone}` : ''}`;
}

/** The search field and its results as a radio group: arrow keys choose, Enter goes on. */
export function PatientSearch({ selected, onSelect, autoSelectFirst = false }: {
  selected: PatientSummary | null;
  onSelect(p: PatientSummary | null): void;
  autoSelectFirst?: boolean;
}) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const [query, setQuery] = useState('');
  const { results, error } = usePatientSearch(query);
  const inputId = useId();
  const hintId = useId();

  useEffect(() => {
    if (!results) return;
    if (selected && results.some((p) => p.id === selected.id)) return;
    onSelect(autoSelectFirst ? (results[0] ?? null) : null);
    // Only when new results arrive; the selection itself is the caller's.
  }, [results]);

  return (
    <div className="patient-search">
      <label className="field-label" htmlFor={inputId}>{t('patient.find')}</label>
      <input
        id={inputId}
        className="field"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={hintId}
        autoComplete="off"
      />
      <p id={hintId} className="hint">{t('patient.findHint')}</p>
      <ErrorMessage message={error} />
      {results && results.length === 0 ? <p role="status">{t('patient.noMatch', { query: query.trim() })}</p> : null}
      {results && results.length > 0 ? (
        <fieldset className="choices">
          <legend>{tn('patient.matches', results.length)}</legend>
          {results.map((p) => (
            <label key={p.id} className="choice">
              <input type="radio" name="patient" checked={selected?.id === p.id} onChange={() => onSelect(p)} />
              <span className="choice-main">{p.lastName}, {p.firstName}</span>
              <span className="choice-detail">{describePatient(p, i18n)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

export function NewPatientForm({ onCreated, onCancel }: { onCreated(p: PatientSummary): void; onCancel(): void }) {
  const { t } = useI18n();
  const explain = useApiError();
  const [form, setForm] = useState({ firstName: '', lastName: '', dateOfBirth: '', phone: '', email: '' });
  const [error, setError] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<boolean>(false);
  const ids = { first: useId(), last: useId(), dob: useId(), phone: useId(), email: useId() };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await invoke('patients.create', { ...form, isNotDuplicate: duplicateOf });
    if (!result.ok) {
      setError(explain(result.error));
      setDuplicateOf(result.error.code === 'duplicate');
      return;
    }
    onCreated(result.value.patient);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="new-patient" noValidate>
      <div className="field-row">
        <div>
          <label className="field-label" htmlFor={ids.first}>{t('patient.firstName')}</label>
          <input id={ids.first} className="field" value={form.firstName} onChange={set('firstName')} required data-autofocus />
        </div>
        <div>
          <label className="field-label" htmlFor={ids.last}>{t('patient.lastName')}</label>
          <input id={ids.last} className="field" value={form.lastName} onChange={set('lastName')} required />
        </div>
      </div>
      <div className="field-row">
        <div>
          <label className="field-label" htmlFor={ids.dob}>{t('patient.dateOfBirth')}</label>
          <input id={ids.dob} className="field" type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} required />
        </div>
        <div>
          <label className="field-label" htmlFor={ids.phone}>{t('patient.phone')}</label>
          <input id={ids.phone} className="field" type="tel" value={form.phone} onChange={set('phone')} />
        </div>
      </div>
      <label className="field-label" htmlFor={ids.email}>{t('patient.email')}</label>
      <input id={ids.email} className="field" type="email" value={form.email} onChange={set('email')} />
      <ErrorMessage message={error} />
      <div className="step-buttons">
        <button type="button" className="button-secondary" onClick={onCancel}>{t('patient.backToSearch')}</button>
        <button type="submit" className="button-primary">{duplicateOf ? t('patient.registerAnyway') : t('patient.register')}</button>
      </div>
    </form>
  );
}

/** The sidebar's "find a patient": choose one to open the panel. */
export function PatientFinder({ onOpen }: { onOpen(id: string): void }) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<PatientSummary | null>(null);
  return (
    <form className="patient-finder" onSubmit={(e) => {
      e.preventDefault();
      if (selected) onOpen(selected.id);
    }}>
      <PatientSearch selected={selected} onSelect={setSelected} autoSelectFirst />
      <button type="submit" className="button-secondary" disabled={!selected}>{t('appointment.openPatient')}</button>
    </form>
  );
}

type Panel = ApiOutput<'patients.panel'>;

export function PatientPanel({ patientId, locationId, timeZone, onClose }: { patientId: string; locationId: string | null; timeZone: string; onClose(): void }) {
  const { t, tn } = useI18n();
  const explain = useApiError();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void invoke('patients.panel', { patientId, locationId: locationId ?? undefined, pastLimit: 20 }).then((r) => (r.ok ? setPanel(r.value) : setError(explain(r.error))));
  }, [patientId, locationId]);

  const p = panel?.patient;
  const a = panel?.attendance;
  return (
    <Dialog title={p ? `${p.lastName}, ${p.firstName}` : t('waitlist.patient')} onClose={onClose} size="wide">
      <ErrorMessage message={error} />
      {p && a ? (
        <>
          <dl className="summary">
            <dt>{t('patient.dateOfBirth')}</dt><dd>{formatBirthDate(p.dateOfBirth)}</dd>
            <dt>{t('patient.phone')}</dt><dd>{p.phone ?? t('patient.noneOnFile')}</dd>
            <dt>{t('patient.email')}</dt><dd>{p.email ?? t('patient.noneOnFile')}</dd>
            <dt>{t('patient.remindersBy')}</dt><dd>{p.preferredChannel === 'none' ? t('patient.noReminders') : p.preferredChannel.toUpperCase()} · {p.preferredLanguage === 'es' ? t('patient.spanish') : t('patient.english')}</dd>
            <dt>{t('patient.attendance')}</dt><dd>{tn('patient.noShows', a.noShows)}, {tn('patient.lateCancellations', a.lateCancellations)}</dd>
          </dl>
          {a.isFlagged ? (
            <p className="message message-warning" role="note">{t('patient.flagged', { threshold: a.threshold })}</p>
          ) : null}
          <h3>{t('patient.upcoming')}</h3>
          <VisitList visits={panel.upcoming} timeZone={timeZone} empty={t('patient.noUpcoming')} />
          <h3>{t('patient.past')}</h3>
          <VisitList visits={panel.past} timeZone={timeZone} empty={t('patient.noPast')} />
        </>
      ) : !error ? <p>{t('common.loading')}</p> : null}
    </Dialog>
  );
}

function VisitList({ visits, timeZone, empty }: { visits: Panel['upcoming']; timeZone: string; empty: string }) {
  const { t } = useI18n();
  if (visits.length === 0) return <p>{empty}</p>;
  return (
    <ul className="visit-list">
      {visits.map((v) => (
        <li key={v.id}>
          <span>{formatDateTime(v.startAt, timeZone)}</span>
          <span>{t('patient.visitWith', { service: v.serviceName ?? t('schedule.serviceFallback'), provider: v.providerName ?? t('conflict.theProvider') })}</span>
          <span className="visit-status">{t(statusLabels[v.status])}</span>
        </li>
      ))}
    </ul>
  );
}
