// Booking at the desk, one step at a time and all of it by keyboard: each step is a form, so
// arrow keys move through the choices and Enter goes on. Service -> provider or "first
// available" -> open slot -> patient -> review with the policy and preparation -> confirm.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { invoke, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey, Translator } from '../i18n/translate';
import { WaitlistForm } from '../waitlist/WaitlistForm';
import { NewPatientForm, PatientSearch, type PatientSummary } from '../patients/PatientPanel';
import { Dialog, ErrorMessage } from '../ui/Dialog';
import { addDays, calendarDateIn, formatBirthDate, formatDateTime, formatDay, formatTime } from '../ui/time';
import type { Location, Provider, Service } from './Schedule';

type Slot = ApiOutput<'schedule.openSlots'>['slots'][number];
type Policy = ApiOutput<'schedule.policy'>;
type Step = 'service' | 'provider' | 'slot' | 'patient' | 'review' | 'done' | 'waitlist';

const stepTitles: Record<Step, MessageKey> = {
  service: 'booking.step.service',
  provider: 'booking.step.provider',
  slot: 'booking.step.time',
  patient: 'booking.step.patient',
  review: 'booking.step.review',
  done: 'booking.step.done',
  waitlist: 'booking.step.waitlist',
};

const firstAvailable = 'first-available';
const slotDays = 14;
const maxSlotsShown = 48;

interface BookingDialogProps {
  location: Location;
  services: Service[];
  providers: Provider[];
  onClose(): void;
  onBooked(startAt: number): void;
}

/** Focus the chosen option (or the first control) whenever a step appears. */
function useStepFocus(step: Step) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    const target = ['[data-autofocus]', 'input:checked', 'input, select, textarea, button[type=submit]']
      .map((selector) => root?.querySelector<HTMLElement>(selector))
      .find(Boolean);
    target?.focus();
  }, [step]);
  return ref;
}

export function BookingDialog({ location, services, providers, onClose, onBooked }: BookingDialogProps) {
  const i18n = useI18n();
  const explain = useApiError();
  const { t } = i18n;
  const [step, setStep] = useState<Step>('service');
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [providerChoice, setProviderChoice] = useState(firstAvailable);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [slotIndex, setSlotIndex] = useState(0);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [booked, setBooked] = useState<ApiOutput<'appointments.book'> | null>(null);
  const [waitlisted, setWaitlisted] = useState<string | null>(null);
  const stepRef = useStepFocus(step);
  const tz = location.timeZone;

  const service = services.find((s) => s.id === serviceId) ?? null;
  const eligible = providers.filter((p) => p.locationIds.includes(location.id) && (!service || service.eligibleProviderIds.length === 0 || service.eligibleProviderIds.includes(p.id)));
  const providerName = (id: string) => providers.find((p) => p.id === id)?.name ?? t('booking.providerFallback');
  const slot = slots?.[slotIndex] ?? null;

  useEffect(() => {
    void invoke('schedule.policy', { locationId: location.id }).then((r) => r.ok && setPolicy(r.value));
  }, [location.id]);

  function go(next: Step) {
    setError(null);
    setStep(next);
  }

  async function loadSlots() {
    if (!service) return;
    setSlots(null);
    setIsBusy(true);
    const from = calendarDateIn(Date.now(), tz);
    const result = await invoke('schedule.openSlots', {
      serviceId: service.id,
      locationId: location.id,
      providerIds: providerChoice === firstAvailable ? eligible.map((p) => p.id) : [providerChoice],
      from,
      to: addDays(from, slotDays - 1),
    });
    setIsBusy(false);
    if (!result.ok) return setError(explain(result.error));
    const sorted = [...result.value.slots].sort((a, b) => a.startAt - b.startAt || providerName(a.providerId).localeCompare(providerName(b.providerId)));
    setSlots(sorted.slice(0, maxSlotsShown));
    setSlotIndex(0);
    go('slot');
  }

  async function confirm() {
    if (!service || !slot || !patient) return;
    setIsBusy(true);
    setError(null);
    const result = await invoke('appointments.book', {
      locationId: location.id,
      providerId: slot.providerId,
      serviceId: service.id,
      patientId: patient.id,
      startAt: slot.startAt,
      resourceIds: slot.resourceIds.length > 0 ? slot.resourceIds : undefined,
      notes: notes.trim() || undefined,
      sourceChannel: 'desk',
    });
    setIsBusy(false);
    if (!result.ok) {
      // Said as the rules said it: who holds the time, and what to do instead.
      setError(explain(result.error));
      return;
    }
    setBooked(result.value);
    onBooked(result.value.appointment.startAt);
    go('done');
  }

  const submit = (action: () => void) => (event: FormEvent) => {
    event.preventDefault();
    action();
  };

  let body: ReactNode;
  if (step === 'service') {
    body = (
      <form onSubmit={submit(() => (service ? go('provider') : setError(t('booking.chooseService'))))}>
        <fieldset className="choices">
          <legend>{t('booking.whichService')}</legend>
          {services.map((s) => (
            <label key={s.id} className="choice">
              <input type="radio" name="service" checked={serviceId === s.id} onChange={() => setServiceId(s.id)} />
              <span className="choice-main">{s.name}</span>
              <span className="choice-detail">{t('booking.minutes', { minutes: s.durationMin })}</span>
            </label>
          ))}
        </fieldset>
        <StepButtons onBack={null} next={t('booking.nextProvider')} />
      </form>
    );
  } else if (step === 'provider') {
    body = (
      <form onSubmit={submit(() => void loadSlots())}>
        <fieldset className="choices">
          <legend>{t('booking.whichProvider')}</legend>
          <label className="choice">
            <input type="radio" name="provider" checked={providerChoice === firstAvailable} onChange={() => setProviderChoice(firstAvailable)} />
            <span className="choice-main">{t('booking.firstAvailable')}</span>
            <span className="choice-detail">{t('booking.anyProviderFor', { service: service?.name ?? '' })}</span>
          </label>
          {eligible.map((p) => (
            <label key={p.id} className="choice">
              <input type="radio" name="provider" checked={providerChoice === p.id} onChange={() => setProviderChoice(p.id)} />
              <span className="choice-main">{p.name}</span>
              <span className="choice-detail">{p.specialty}</span>
            </label>
          ))}
          {eligible.length === 0 ? <p>{t('booking.noProvider', { location: location.name })}</p> : null}
        </fieldset>
        <StepButtons onBack={() => go('service')} next={isBusy ? t('booking.findingTimes') : t('booking.nextTime')} isBusy={isBusy} />
      </form>
    );
  } else if (step === 'slot') {
    const byDay = new Map<string, { slot: Slot; index: number }[]>();
    slots?.forEach((s, index) => {
      const day = calendarDateIn(s.startAt, tz);
      byDay.set(day, [...(byDay.get(day) ?? []), { slot: s, index }]);
    });
    body = (
      <form onSubmit={submit(() => (slot ? go('patient') : setError(t('booking.chooseTime'))))}>
        {slots?.length === 0 ? <p role="status">{t('booking.noTimes', { days: slotDays })}</p> : null}
        <div className="slot-days">
          {[...byDay.values()].map((list) => (
            <fieldset key={list[0]!.slot.startAt} className="choices slot-day">
              <legend>{formatDay(list[0]!.slot.startAt, tz)}</legend>
              {list.map(({ slot: s, index }) => (
                <label key={`${s.providerId}-${s.startAt}`} className="choice">
                  <input
                    type="radio"
                    name="slot"
                    checked={slotIndex === index}
                    onChange={() => setSlotIndex(index)}
                    aria-label={t('booking.slotWith', { when: formatDateTime(s.startAt, tz), provider: providerName(s.providerId) })}
                  />
                  <span className="choice-main">{formatTime(s.startAt, tz)}</span>
                  <span className="choice-detail">{providerName(s.providerId)}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div className="step-buttons">
          <button type="button" className="button-secondary" onClick={() => go('provider')}>{t('common.back')}</button>
          <button type="button" className="button-secondary" onClick={() => go('waitlist')}>{t('booking.toWaitlist')}</button>
          <button type="submit" className="button-primary">{t('booking.nextPatient')}</button>
        </div>
      </form>
    );
  } else if (step === 'patient') {
    body = (
      <PatientStep
        selected={patient}
        onSelect={setPatient}
        onNext={(p) => {
          setPatient(p);
          go('review');
        }}
        onBack={() => go('slot')}
      />
    );
  } else if (step === 'review' && service && slot && patient) {
    body = (
      <form onSubmit={submit(() => void confirm())}>
        <dl className="summary">
          <dt>{t('booking.service')}</dt><dd>{service.name} ({t('booking.minutes', { minutes: service.durationMin })})</dd>
          <dt>{t('booking.provider')}</dt><dd>{providerName(slot.providerId)}</dd>
          <dt>{t('booking.when')}</dt><dd>{formatDateTime(slot.startAt, tz)} ({tz})</dd>
          <dt>{t('booking.where')}</dt><dd>{location.name}</dd>
          <dt>{t('booking.patient')}</dt><dd>{patient.lastName}, {patient.firstName} · {t('patient.born', { date: formatBirthDate(patient.dateOfBirth) })}{patient.phone ? ` · ${patient.phone}` : ''}</dd>
        </dl>
        <section className="policy" aria-label={t('booking.policy')}>
          <h3>{t('booking.cancellationPolicy')}</h3>
          <p>{policyText(policy, i18n)}</p>
          <h3>{t('booking.preparation')}</h3>
          <p>{service.preparation || t('booking.noPreparation')}</p>
        </section>
        <label className="field-label" htmlFor="booking-notes">{t('booking.notes')}</label>
        <textarea id="booking-notes" className="field" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <ErrorMessage message={error} />
        <div className="step-buttons">
          <button type="button" className="button-secondary" onClick={() => go('patient')}>{t('common.back')}</button>
          <button type="submit" className="button-primary" disabled={isBusy} data-autofocus>{isBusy ? t('booking.booking') : t('booking.book')}</button>
        </div>
      </form>
    );
  } else if (step === 'done' && booked) {
    body = (
      <div>
        <p role="status" className="message message-success">
          {t('booking.booked', {
            patient: `${patient?.lastName}, ${patient?.firstName}`, when: formatDateTime(booked.appointment.startAt, tz), code: booked.appointment.confirmationCode,
          })}
        </p>
        {booked.attendance.isFlagged ? (
          <p className="message message-warning">
            {t('booking.flagged', { noShows: booked.attendance.noShows, lateCancellations: booked.attendance.lateCancellations, threshold: booked.attendance.threshold })}
          </p>
        ) : null}
        <div className="step-buttons">
          <button type="button" className="button-secondary" onClick={() => {
            setPatient(null);
            setBooked(null);
            setNotes('');
            go('service');
          }}>{t('booking.another')}</button>
          <button type="button" className="button-primary" onClick={onClose} data-autofocus>{t('common.done')}</button>
        </div>
      </div>
    );
  } else if (step === 'waitlist' && service) {
    body = waitlisted ? (
      <div>
        <p role="status" className="message message-success">{waitlisted}</p>
        <div className="step-buttons">
          <span />
          <button type="button" className="button-primary" onClick={onClose} data-autofocus>{t('common.done')}</button>
        </div>
      </div>
    ) : (
      <>
        <p>{t('booking.waitlistFor', { service: service.name, provider: providerChoice === firstAvailable ? t('waitlist.anyProvider') : providerName(providerChoice) })}</p>
        <WaitlistForm
          locationId={location.id}
          timeZone={tz}
          serviceId={service.id}
          providerId={providerChoice === firstAvailable ? null : providerChoice}
          onAdded={setWaitlisted}
          onBack={() => go('slot')}
        />
      </>
    );
  }

  return (
    <Dialog title={t('booking.title')} onClose={onClose} size="wide" description={t('booking.description', { location: location.name, timeZone: tz })}>
      <ol className="steps" aria-label={t('booking.steps')}>
        {(['service', 'provider', 'slot', 'patient', 'review'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'step-current' : ''}>{t(stepTitles[s])}</li>
        ))}
      </ol>
      <div ref={stepRef} className="step-body">
        <h3 className="step-title">{t(stepTitles[step])}</h3>
        {step !== 'review' ? <ErrorMessage message={error} /> : null}
        {body}
      </div>
    </Dialog>
  );
}

function policyText(policy: Policy | null, { t }: Translator): string {
  if (!policy) return t('booking.policyLoading');
  const fee = policy.lateCancelFeeCents > 0 ? t('booking.policyFee', { fee: (policy.lateCancelFeeCents / 100).toFixed(2) }) : '';
  return t('booking.policyText', {
    hours: policy.cancellationNoticeHours, fee, grace: policy.noShowGraceMinutes, early: Math.min(policy.checkInEarlyMinutes, 15),
  });
}

function StepButtons({ onBack, next, isBusy = false }: { onBack: (() => void) | null; next: string; isBusy?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="step-buttons">
      {onBack ? <button type="button" className="button-secondary" onClick={onBack}>{t('common.back')}</button> : <span />}
      <button type="submit" className="button-primary" disabled={isBusy}>{next}</button>
    </div>
  );
}

function PatientStep({ selected, onSelect, onNext, onBack }: {
  selected: PatientSummary | null;
  onSelect(p: PatientSummary | null): void;
  onNext(p: PatientSummary): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const [isCreating, setIsCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();
  if (isCreating) {
    return <NewPatientForm onCreated={onNext} onCancel={() => setIsCreating(false)} />;
  }
  return (
    <form id={formId} onSubmit={(e) => {
      e.preventDefault();
      if (selected) onNext(selected);
      else setError(t('booking.findPatient'));
    }}>
      <PatientSearch selected={selected} onSelect={onSelect} autoSelectFirst />
      <ErrorMessage message={error} />
      <div className="step-buttons">
        <button type="button" className="button-secondary" onClick={onBack}>{t('common.back')}</button>
        <button type="button" className="button-secondary" onClick={() => setIsCreating(true)}>{t('booking.registerNew')}</button>
        <button type="submit" className="button-primary">{t('booking.nextReview')}</button>
      </div>
    </form>
  );
}
