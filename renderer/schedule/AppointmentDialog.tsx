// One appointment: what it is, and what this person may do next (the API says which status
// steps the role allows). Cancelling inside the notice period is said before and after.
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { AppointmentPrintActions } from '../print/PrintButton';
import { WaitlistMatches } from '../waitlist/WaitlistMatches';
import { addDays, calendarDateIn, formatDateTime, formatDay, formatTime } from '../ui/time';
import type { Location } from './Schedule';
import { statusColors, statusLabels, type AppointmentStatus } from './status';

type Details = ApiOutput<'appointments.get'>;
type DaySummary = ApiOutput<'schedule.dayView'>['appointments'][number];
type Slot = ApiOutput<'schedule.openSlots'>['slots'][number];
type Policy = ApiOutput<'schedule.policy'>;

const transitions: { to: AppointmentStatus; label: MessageKey; op: 'appointments.confirm' | 'appointments.checkIn' | 'appointments.start' | 'appointments.complete' | 'appointments.noShow' }[] = [
  { to: 'confirmed', label: 'appointment.confirm', op: 'appointments.confirm' },
  { to: 'checked_in', label: 'appointment.checkIn', op: 'appointments.checkIn' },
  { to: 'in_progress', label: 'appointment.start', op: 'appointments.start' },
  { to: 'completed', label: 'appointment.complete', op: 'appointments.complete' },
  { to: 'no_show', label: 'appointment.noShow', op: 'appointments.noShow' },
];

interface AppointmentDialogProps {
  summary: DaySummary;
  location: Location;
  onClose(): void;
  onOpenPatient(patientId: string): void;
}

export function AppointmentDialog({ summary, location, onClose, onOpenPatient }: AppointmentDialogProps) {
  const { t } = useI18n();
  const explain = useApiError();
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
    if (!result.ok) return setError(explain(result.error));
    setDetails(result.value);
    setNotes(result.value.appointment.notes ?? '');
  }, [summary.id]);

  useEffect(() => {
    void load();
    void invoke('schedule.policy', { locationId: location.id }).then((r) => r.ok && setPolicy(r.value));
  }, [load, location.id]);

  const appointment = details?.appointment;
  const status = appointment?.status ?? summary.status;
  const name = summary.patientLastName ? `${summary.patientLastName}, ${summary.patientFirstName ?? ''}` : t('waitlist.patient');
  const isInsideNotice = appointment && policy ? appointment.startAt - Date.now() < policy.cancellationNoticeHours * 3_600_000 : false;
  const canCancel = details?.nextStatuses.some((s) => s === 'cancelled' || s === 'late_cancelled') ?? false;
  // A cancellation still ahead frees a time someone on the waitlist may want.
  const hasFreedTime = (status === 'cancelled' || status === 'late_cancelled') && appointment !== undefined && appointment.startAt > Date.now();

  async function step(op: (typeof transitions)[number]['op'], label: MessageKey) {
    setError(null);
    const result = await invoke(op, { appointmentId: summary.id });
    if (!result.ok) return setError(explain(result.error));
    setNotice(t('appointment.stepDone', { action: t(label) }));
    await load();
  }

  async function saveNotes() {
    const result = await invoke('appointments.setNotes', { appointmentId: summary.id, notes });
    if (!result.ok) return setError(explain(result.error));
    setNotice(t('appointment.notesSaved'));
    await load();
  }

  const colors = statusColors[status];
  return (
    <Dialog title={`${name} · ${summary.serviceName ?? t('appointment.fallback')}`} onClose={onClose} size="wide">
      <p className="status-line">
        {t('appointment.status')}{' '}
        <strong
          className="status-badge"
          ref={(el) => {
            el?.style.setProperty('background-color', colors.background);
            el?.style.setProperty('border-color', colors.border);
            el?.style.setProperty('color', colors.text);
          }}
        >
          {t(statusLabels[status])}
        </strong>
        {appointment?.overbook ? <span className="message-inline"> {t('appointment.overbooked')}</span> : null}
      </p>
      {status === 'late_cancelled' ? (
        <p className="message message-warning">
          {t('appointment.lateNotice', { hours: policy?.cancellationNoticeHours ?? 24 })}{appointment?.lateCancelFee ? t('appointment.feeApplies') : ''}.
        </p>
      ) : null}
      <dl className="summary">
        <dt>{t('booking.when')}</dt><dd>{formatDateTime(appointment?.startAt ?? summary.startAt, tz)}–{formatTime(appointment?.endAt ?? summary.endAt, tz)}</dd>
        <dt>{t('booking.provider')}</dt><dd>{summary.providerName ?? t('booking.providerFallback')}</dd>
        <dt>{t('booking.where')}</dt><dd>{location.name}</dd>
        <dt>{t('appointment.code')}</dt><dd>{appointment?.confirmationCode ?? '…'}</dd>
        {appointment?.cancelReason ? (<><dt>{t('appointment.cancelReason')}</dt><dd>{appointment.cancelReason}</dd></>) : null}
      </dl>
      <ErrorMessage message={error} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}

      {mode === 'view' && details ? (
        <div className="action-row" role="group" aria-label={t('appointment.actions')}>
          {transitions.filter((tr) => details.nextStatuses.includes(tr.to)).map((tr) => (
            <button key={tr.to} type="button" className={tr.to === 'checked_in' ? 'button-primary' : 'button-secondary'} onClick={() => void step(tr.op, tr.label)}>
              {t(tr.label)}
            </button>
          ))}
          {details.canReschedule ? <button type="button" className="button-secondary" onClick={() => setMode('reschedule')}>{t('appointment.reschedule')}</button> : null}
          {canCancel ? <button type="button" className="button-danger" onClick={() => setMode('cancel')}>{t('appointment.cancelOpen')}</button> : null}
          <button type="button" className="button-quiet" onClick={() => onOpenPatient(summary.patientId)}>{t('appointment.openPatient')}</button>
        </div>
      ) : null}
      {mode === 'view' ? <AppointmentPrintActions appointmentId={summary.id} patientId={summary.patientId} status={status} /> : null}

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
          providerName={summary.providerName ?? t('conflict.theProvider')}
          onDone={async (message) => {
            setMode('view');
            setNotice(message);
            await load();
          }}
          onBack={() => setMode('view')}
        />
      ) : null}

      {mode === 'view' && hasFreedTime ? (
        <WaitlistMatches appointmentId={summary.id} timeZone={tz} onBooked={setNotice} />
      ) : null}

      {mode === 'view' ? (
        <form className="notes" onSubmit={(e) => {
          e.preventDefault();
          void saveNotes();
        }}>
          <label className="field-label" htmlFor={notesId}>{t('appointment.notes')}</label>
          <textarea id={notesId} className="field" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <button type="submit" className="button-secondary">{t('appointment.saveNotes')}</button>
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
  const { t } = useI18n();
  const explain = useApiError();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  return (
    <form className="inline-form" onSubmit={(e) => {
      e.preventDefault();
      void invoke('appointments.cancel', { appointmentId, reason }).then((r) => {
        if (!r.ok) return setError(explain(r.error));
        onDone(r.value.isLateCancellation
          ? t('appointment.cancelledLate', {
            hours: r.value.noticeHours,
            fee: r.value.lateCancelFeeCents > 0 ? t('appointment.cancelledFee', { fee: (r.value.lateCancelFeeCents / 100).toFixed(2) }) : '',
          })
          : t('appointment.cancelled'));
      });
    }}>
      {isInsideNotice ? (
        <p className="message message-warning">
          {t('appointment.insideNotice', { hours: noticeHours })}
        </p>
      ) : null}
      <label className="field-label" htmlFor={reasonId}>{t('appointment.reasonLabel')}</label>
      <input id={reasonId} className="field" value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus autoFocus />
      <ErrorMessage message={error} />
      <div className="step-buttons">
        <button type="button" className="button-secondary" onClick={onBack}>{t('appointment.keep')}</button>
        <button type="submit" className="button-danger">{t('appointment.cancel')}</button>
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
  const { t } = useI18n();
  const explain = useApiError();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const tz = location.timeZone;

  useEffect(() => {
    const from = calendarDateIn(Date.now(), tz);
    void invoke('schedule.openSlots', {
      serviceId: appointment.serviceId, locationId: location.id, providerIds: [appointment.providerId], from, to: addDays(from, 13),
    }).then((r) => (r.ok ? setSlots(r.value.slots.slice(0, 40)) : setError(explain(r.error))));
  }, [appointment.serviceId, appointment.providerId, location.id, tz]);

  const slot = slots?.[index];
  return (
    <form className="inline-form" onSubmit={(e) => {
      e.preventDefault();
      if (!slot) return;
      void invoke('appointments.move', { appointmentId: appointment.id, startAt: slot.startAt }).then((r) => {
        if (!r.ok) return setError(explain(r.error));
        onDone(t('appointment.movedTo', { when: formatDateTime(r.value.appointment.startAt, tz) }));
      });
    }}>
      <fieldset className="choices slot-grid">
        <legend>{t('appointment.newTimeWith', { provider: providerName })}</legend>
        {slots === null ? <p>{t('booking.findingTimes')}</p> : null}
        {slots?.length === 0 ? <p>{t('appointment.noTimes')}</p> : null}
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
        <button type="button" className="button-secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="submit" className="button-primary" disabled={!slot}>{t('appointment.move')}</button>
      </div>
    </form>
  );
}
