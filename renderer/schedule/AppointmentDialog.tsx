// One appointment: what it is, and what this person may do next (the API says which status
// steps the role allows). Cancelling inside the notice period is said before and after.
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke, type ApiOutput } from '../api/client';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { addDays, calendarDateIn, formatDateTime, formatDay, formatTime } from '../ui/time';
import type { Location } from './Schedule';
import { statusColors, statusLabels, type AppointmentStatus } from './status';

type Details = ApiOutput<'appointments.get'>;
type DaySummary = ApiOutput<'schedule.dayView'>['appointments'][number];
type Slot = ApiOutput<'schedule.openSlots'>['slots'][number];
type Policy = ApiOutput<'schedule.policy'>;

const transitions: { to: AppointmentStatus; label: string; op: 'appointments.confirm' | 'appointments.checkIn' | 'appointments.start' | 'appointments.complete' | 'appointments.noShow' }[] = [
  { to: 'confirmed', label: 'Confirm', op: 'appointments.confirm' },
  { to: 'checked_in', label: 'Check in', op: 'appointments.checkIn' },
  { to: 'in_progress', label: 'Start visit', op: 'appointments.start' },
  { to: 'completed', label: 'Complete visit', op: 'appointments.complete' },
  { to: 'no_show', label: 'Mark no-show', op: 'appointments.noShow' },
];

interface AppointmentDialogProps {
  summary: DaySummary;
  location: Location;
  onClose(): void;
  onOpenPatient(patientId: string): void;
}

export function AppointmentDialog({ summary, location, onClose, onOpenPatient }: AppointmentDialogProps) {
  const [details, setDetails] = useState<Details | null>(null);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<'view' | 'cancel' | 'reschedule'>('view');
  const [notes, setNotes] = useState('');
  const tz = location.timeZone;
  const notesId = useId();

  const load = useCallback(async () => {
    const result = await invoke('appointments.get', { appointmentId: summary.id });
    if (!result.ok) return setError(result.error.message);
    setDetails(result.value);
    setNotes(result.value.appointment.notes ?? '');
  }, [summary.id]);

  useEffect(() => {
    void load();
    void invoke('schedule.policy', { locationId: location.id }).then((r) => r.ok && setPolicy(r.value));
  }, [load, location.id]);

  const appointment = details?.appointment;
  const status = appointment?.status ?? summary.status;
  const name = summary.patientLastName ? `${summary.patientLastName}, ${summary.patientFirstName ?? ''}` : 'Patient';
  const isInsideNotice = appointment && policy ? appointment.startAt - Date.now() < policy.cancellationNoticeHours * 3_600_000 : false;
  const canCancel = details?.nextStatuses.some((s) => s === 'cancelled' || s === 'late_cancelled') ?? false;

  async function step(op: (typeof transitions)[number]['op'], label: string) {
    setError(null);
    const result = await invoke(op, { appointmentId: summary.id });
    if (!result.ok) return setError(result.error.message);
    setNotice(`${label}: done.`);
    await load();
  }

  async function saveNotes() {
    const result = await invoke('appointments.setNotes', { appointmentId: summary.id, notes });
    if (!result.ok) return setError(result.error.message);
    setNotice('Notes saved.');
    await load();
  }

  const colors = statusColors[status];
  return (
    <Dialog title={`${name} · ${summary.serviceName ?? 'Appointment'}`} onClose={onClose} size="wide">
      <p className="status-line">
        Status:{' '}
        <strong
          className="status-badge"
          ref={(el) => {
            el?.style.setProperty('background-color', colors.background);
            el?.style.setProperty('border-color', colors.border);
            el?.style.setProperty('color', colors.text);
          }}
        >
          {statusLabels[status]}
        </strong>
        {appointment?.overbook ? <span className="message-inline"> Overbooked</span> : null}
      </p>
      {status === 'late_cancelled' ? (
        <p className="message message-warning">
          Late cancellation: cancelled with less than {policy?.cancellationNoticeHours ?? 24} hours' notice{appointment?.lateCancelFee ? '; the late-cancellation fee applies' : ''}.
        </p>
      ) : null}
      <dl className="summary">
        <dt>When</dt><dd>{formatDateTime(appointment?.startAt ?? summary.startAt, tz)}–{formatTime(appointment?.endAt ?? summary.endAt, tz)}</dd>
        <dt>Provider</dt><dd>{summary.providerName ?? 'Provider'}</dd>
        <dt>Where</dt><dd>{location.name}</dd>
        <dt>Confirmation code</dt><dd>{appointment?.confirmationCode ?? '…'}</dd>
        {appointment?.cancelReason ? (<><dt>Cancellation reason</dt><dd>{appointment.cancelReason}</dd></>) : null}
      </dl>
      <ErrorMessage message={error} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}

      {mode === 'view' && details ? (
        <div className="action-row" role="group" aria-label="Appointment actions">
          {transitions.filter((t) => details.nextStatuses.includes(t.to)).map((t) => (
            <button key={t.to} type="button" className={t.to === 'checked_in' ? 'button-primary' : 'button-secondary'} onClick={() => void step(t.op, t.label)}>
              {t.label}
            </button>
          ))}
          {details.canReschedule ? <button type="button" className="button-secondary" onClick={() => setMode('reschedule')}>Reschedule…</button> : null}
          {canCancel ? <button type="button" className="button-danger" onClick={() => setMode('cancel')}>Cancel appointment…</button> : null}
          <button type="button" className="button-quiet" onClick={() => onOpenPatient(summary.patientId)}>Open patient</button>
        </div>
      ) : null}

      {mode === 'cancel' ? (
        <CancelForm
          appointmentId={summary.id}
          isInsideNotice={isInsideNotice}
          noticeHours={policy?.cancellationNoticeHours ?? 24}
          onDone={async (message) => {
            setMode('view');
            setNotice(message);
            await load();
          }}
          onBack={() => setMode('view')}
        />
      ) : null}

      {mode === 'reschedule' && appointment ? (
        <RescheduleForm
          appointment={appointment}
          location={location}
          providerName={summary.providerName ?? 'the provider'}
          onDone={async (message) => {
            setMode('view');
            setNotice(message);
            await load();
          }}
          onBack={() => setMode('view')}
        />
      ) : null}

      {mode === 'view' ? (
        <form className="notes" onSubmit={(e) => {
          e.preventDefault();
          void saveNotes();
        }}>
          <label className="field-label" htmlFor={notesId}>Notes</label>
          <textarea id={notesId} className="field" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <button type="submit" className="button-secondary">Save notes</button>
        </form>
      ) : null}
    </Dialog>
  );
}

function CancelForm({ appointmentId, isInsideNotice, noticeHours, onDone, onBack }: {
  appointmentId: string;
  isInsideNotice: boolean;
  noticeHours: number;
  onDone(message: string): void;
  onBack(): void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  return (
    <form className="inline-form" onSubmit={(e) => {
      e.preventDefault();
      void invoke('appointments.cancel', { appointmentId, reason }).then((r) => {
        if (!r.ok) return setError(r.error.message);
        onDone(r.value.isLateCancellation
          ? `Cancelled as a late cancellation (less than ${r.value.noticeHours} hours' notice)${r.value.lateCancelFeeCents > 0 ? `; fee $${(r.value.lateCancelFeeCents / 100).toFixed(2)}` : ''}.`
          : 'Cancelled.');
      });
    }}>
      {isInsideNotice ? (
        <p className="message message-warning">
          This is inside the {noticeHours}-hour notice period: it will be recorded as a late cancellation.
        </p>
      ) : null}
      <label className="field-label" htmlFor={reasonId}>Reason for cancelling</label>
      <input id={reasonId} className="field" value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus autoFocus />
      <ErrorMessage message={error} />
      <div className="step-buttons">
        <button type="button" className="button-secondary" onClick={onBack}>Keep appointment</button>
        <button type="submit" className="button-danger">Cancel appointment</button>
      </div>
    </form>
  );
}

function RescheduleForm({ appointment, location, providerName, onDone, onBack }: {
  appointment: Details['appointment'];
  location: Location;
  providerName: string;
  onDone(message: string): void;
  onBack(): void;
}) {
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const tz = location.timeZone;

  useEffect(() => {
    const from = calendarDateIn(Date.now(), tz);
    void invoke('schedule.openSlots', {
      serviceId: appointment.serviceId, locationId: location.id, providerIds: [appointment.providerId], from, to: addDays(from, 13),
    }).then((r) => (r.ok ? setSlots(r.value.slots.slice(0, 40)) : setError(r.error.message)));
  }, [appointment.serviceId, appointment.providerId, location.id, tz]);

  const slot = slots?.[index];
  return (
    <form className="inline-form" onSubmit={(e) => {
      e.preventDefault();
      if (!slot) return;
      void invoke('appointments.move', { appointmentId: appointment.id, startAt: slot.startAt }).then((r) => {
        if (!r.ok) return setError(r.error.message);
        onDone(`Moved to ${formatDateTime(r.value.appointment.startAt, tz)}.`);
      });
    }}>
      <fieldset className="choices slot-grid">
        <legend>New time with {providerName}</legend>
        {slots === null ? <p>Finding open times…</p> : null}
        {slots?.length === 0 ? <p>No open times in the next two weeks.</p> : null}
        {slots?.map((s, i) => (
          <label key={s.startAt} className="choice">
            <input type="radio" name="new-slot" checked={i === index} onChange={() => setIndex(i)} autoFocus={i === 0} />
            <span className="choice-main">{formatDay(s.startAt, tz)}</span>
            <span className="choice-detail">{formatTime(s.startAt, tz)}</span>
          </label>
        ))}
      </fieldset>
      <ErrorMessage message={error} />
      <div className="step-buttons">
        <button type="button" className="button-secondary" onClick={onBack}>Back</button>
        <button type="submit" className="button-primary" disabled={!slot}>Move appointment</button>
      </div>
    </form>
  );
}
