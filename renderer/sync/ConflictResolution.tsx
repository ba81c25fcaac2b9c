// What the desk can do about one refused booking: take one of the provider's next free times,
// put the patient on the waitlist, give up on it, or (managers) overbook the original time.
// Every remedy is an ordinary audited operation; only after it succeeds is the refusal marked
// resolved, so a failed remedy leaves the refusal on screen to try again.
import { useEffect, useState } from 'react';
import { invoke, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorMessage } from '../ui/Dialog';
import { addDays, calendarDateIn, formatDateTime } from '../ui/time';

export type Rejection = ApiOutput<'sync.rejections'>[number];
type Slot = ApiOutput<'schedule.openSlots'>['slots'][number];
type Role = ApiOutput<'session.signIn'>['staff']['role'];

/**
 * The refused visit as the remedies need it. A refused new booking is gone from the device
 * (main/sync/rejections.ts), so its ids come from the refused change's values; a refused
 * move left the appointment at its previous time, so it is read back.
 */
export interface RefusedVisit {
  kind: 'new' | 'existing';
  appointmentId: string;
  locationId: string;
  providerId: string;
  serviceId: string;
  patientId: string;
  /** The time the desk wanted. */
  startAt: number;
}

const shownSlots = 6;
const searchDays = 14;
const waitlistDays = 28;
const movable = new Set(['booked', 'confirmed']);

/** Managers may overbook (db/rules/permissions.ts); the server refuses it from anyone else. */
export function mayOverbook(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}

function readString(values: Record<string, unknown>, column: string): string | null {
  const value = values[column];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

async function loadRefusedVisit(r: Rejection): Promise<RefusedVisit | null> {
  if (r.tableName !== 'appointments') return null;
  const values = (r.values ?? {}) as Record<string, unknown>;
  const wanted = typeof values.start_at === 'number' ? values.start_at : r.rejected?.startAt ?? null;
  const existing = await invoke('appointments.get', { appointmentId: r.rowId });
  if (existing.ok) {
    const a = existing.value.appointment;
    if (!movable.has(a.status)) return null;
    return {
      kind: 'existing', appointmentId: a.id, locationId: a.locationId, providerId: readString(values, 'provider_id') ?? a.providerId,
      serviceId: a.serviceId, patientId: a.patientId, startAt: wanted ?? a.startAt,
    };
  }
  const locationId = readString(values, 'location_id');
  const providerId = readString(values, 'provider_id');
  const serviceId = readString(values, 'service_id');
  const patientId = readString(values, 'patient_id');
  if (!locationId || !providerId || !serviceId || !patientId || wanted === null) return null;
  return { kind: 'new', appointmentId: r.rowId, locationId, providerId, serviceId, patientId, startAt: wanted };
}

interface ConflictResolutionProps {
  rejection: Rejection;
  role: Role;
  timeZone: string;
  onResolved(message: string): void;
}

export function ConflictResolution({ rejection, role, timeZone, onResolved }: ConflictResolutionProps) {
  const { t } = useI18n();
  const explain = useApiError();
  const [visit, setVisit] = useState<RefusedVisit | null | undefined>(undefined);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [providerNames, setProviderNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void loadRefusedVisit(rejection).then(async (found) => {
      if (!isCurrent) return;
      setVisit(found);
      if (!found) return;
      const today = calendarDateIn(Date.now(), timeZone);
      const wantedDay = calendarDateIn(found.startAt, timeZone);
      const from = wantedDay > today ? wantedDay : today;
      const [open, providers] = await Promise.all([
        invoke('schedule.openSlots', { serviceId: found.serviceId, locationId: found.locationId, providerIds: [found.providerId], from, to: addDays(from, searchDays - 1) }),
        invoke('schedule.providers', { locationId: found.locationId }),
      ]);
      if (!isCurrent) return;
      if (providers.ok) setProviderNames(new Map(providers.value.map((p) => [p.id, p.name])));
      if (!open.ok) return setError(explain(open.error));
      if (open.value.slots.length > 0) return setSlots(open.value.slots.slice(0, shownSlots));
      // The provider has nothing soon: offer whoever is free first for the same service.
      const first = await invoke('schedule.firstAvailable', { serviceId: found.serviceId, locationId: found.locationId, from });
      if (!isCurrent) return;
      setSlots(first.ok && first.value.slot ? [first.value.slot] : []);
    });
    return () => {
      isCurrent = false;
    };
  }, [rejection, timeZone, explain]);

  async function settle(remedy: () => Promise<{ ok: true } | { ok: false; message: string }>, message: string) {
    setIsBusy(true);
    setError(null);
    const done = await remedy();
    if (!done.ok) {
      setIsBusy(false);
      return setError(done.message);
    }
    const resolved = await invoke('sync.resolveRejection', { changeId: rejection.changeId });
    setIsBusy(false);
    if (!resolved.ok) return setError(explain(resolved.error));
    onResolved(message);
  }

  const ok = { ok: true as const };
  const refused = (error: Parameters<typeof explain>[0]) => ({ ok: false as const, message: explain(error) });

  function place(v: RefusedVisit, startAt: number, providerId: string, overbook: boolean) {
    return async () => {
      const result = v.kind === 'new'
        ? await invoke('appointments.book', { locationId: v.locationId, providerId, serviceId: v.serviceId, patientId: v.patientId, startAt, overbook })
        : await invoke('appointments.move', { appointmentId: v.appointmentId, startAt, providerId, overbook });
      return result.ok ? ok : refused(result.error);
    };
  }

  const name = (providerId: string) => providerNames.get(providerId) ?? rejection.rejected?.providerName ?? t('conflict.theProvider');
  const patient = rejection.rejected?.patientName ?? t('conflict.aPatient');

  if (visit === undefined) return <p>{t('common.loading')}</p>;
  if (visit === null) {
    return (
      <div className="action-row">
        <button type="button" className="button-secondary" onClick={() => void settle(async () => ok, t('conflict.resolvedPlain'))}>{t('conflict.resolve')}</button>
      </div>
    );
  }

  const canWaitlist = role !== 'provider' && visit.kind === 'new';
  return (
    <div className="conflict-options">
      <h3 className="conflict-heading">{t('conflict.nextFree', { provider: name(visit.providerId) })}</h3>
      {slots === null ? <p>{t('booking.findingTimes')}</p> : null}
      {slots?.length === 0 ? <p>{t('conflict.noFreeTimes')}</p> : null}
      {slots && slots.length > 0 ? (
        <ul className="plain-list slot-buttons">
          {slots.map((s) => {
            const values = { when: formatDateTime(s.startAt, timeZone), provider: name(s.providerId) };
            const label = visit.kind === 'new' ? t('conflict.bookSlot', values) : t('conflict.moveSlot', values);
            const done = visit.kind === 'new' ? t('conflict.booked', { patient, ...values }) : t('conflict.moved', { patient, ...values });
            return (
              <li key={`${s.providerId}-${s.startAt}`}>
                <button type="button" className="button-secondary" disabled={isBusy} onClick={() => void settle(place(visit, s.startAt, s.providerId, false), done)}>
                  {label}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="action-row" role="group" aria-label={t('conflict.otherRemedies')}>
        {canWaitlist ? (
          <button
            type="button"
            className="button-secondary"
            disabled={isBusy}
            onClick={() => void settle(async () => {
              const today = calendarDateIn(Date.now(), timeZone);
              const result = await invoke('waitlist.add', {
                patientId: visit.patientId, serviceId: visit.serviceId, providerId: visit.providerId, locationId: visit.locationId,
                earliestDate: today, latestDate: addDays(today, waitlistDays),
              });
              // Already waiting for this service here is as good as added.
              return result.ok || result.error.code === 'duplicate' ? ok : refused(result.error);
            }, t('waitlist.added', { patient }))}
          >
            {t('conflict.waitlist')}
          </button>
        ) : null}
        {visit.kind === 'new' ? (
          <button type="button" className="button-secondary" disabled={isBusy} onClick={() => void settle(async () => ok, t('conflict.droppedBooking', { patient }))}>
            {t('conflict.dropBooking')}
          </button>
        ) : (
          <>
            <button type="button" className="button-secondary" disabled={isBusy} onClick={() => void settle(async () => ok, t('conflict.keptTime', { patient }))}>
              {t('conflict.keepTime')}
            </button>
            <button
              type="button"
              className="button-danger"
              disabled={isBusy}
              onClick={() => void settle(async () => {
                const result = await invoke('appointments.cancel', { appointmentId: visit.appointmentId, reason: t('conflict.cancelReason') });
                return result.ok ? ok : refused(result.error);
              }, t('conflict.cancelledVisit', { patient }))}
            >
              {t('conflict.cancelVisit')}
            </button>
          </>
        )}
        {mayOverbook(role) ? (
          <button type="button" className="button-warning" disabled={isBusy} onClick={() => void settle(place(visit, visit.startAt, visit.providerId, true), t('conflict.overbooked', { patient }))}>
            {t('conflict.overbook', { when: formatDateTime(visit.startAt, timeZone) })}
          </button>
        ) : null}
      </div>
      <ErrorMessage message={error} />
    </div>
  );
}
