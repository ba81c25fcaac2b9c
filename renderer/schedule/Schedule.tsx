// The receptionist's day: filters, the calendar in the location's zone with the providers'
// working hours, the status legend, the keyboard shortcuts, and the dialogs for booking, one
// appointment, one patient and the waitlist.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { CalendarRef, DatesSetInfo, EventClickInfo, EventDropInfo, EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import esLocale from '@fullcalendar/react/locales/es';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import formaTheme from '@fullcalendar/react/themes/forma';
import { invoke, subscribe, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageToggle } from '../i18n/LanguageToggle';
import { PatientFinder, PatientPanel } from '../patients/PatientPanel';
import { PrintButton } from '../print/PrintButton';
import { actionForMenuCommand } from '../shortcuts/commands';
import { ShortcutHelp } from '../shortcuts/ShortcutHelp';
import { shortcutFor, shortcutKey, type ShortcutAction } from '../shortcuts/shortcuts';
import { roleLabels, type SignedIn } from '../signin/SignIn';
import { ErrorMessage } from '../ui/Dialog';
import { calendarDateIn, datesBetween, zoneName } from '../ui/time';
import { SettingsDialog, settingsRoles } from '../settings/SettingsDialog';
import { useSettingsText } from '../settings/messages';
import { TasksPanel } from '../tasks/TasksPanel';
import { useOpenTasks } from '../tasks/useOpenTasks';
import { WaitlistPanel } from '../waitlist/WaitlistPanel';
import { AppointmentDialog } from './AppointmentDialog';
import { BookingDialog } from './BookingDialog';
import { shadingEvents, type WorkingHours } from './calendar-shading';
import { statusColors, statusLabels, statusOrder } from './status';

export type Location = ApiOutput<'schedule.locations'>[number];
export type Provider = ApiOutput<'schedule.providers'>[number];
export type Service = ApiOutput<'schedule.services'>[number];
type DayAppointment = ApiOutput<'schedule.dayView'>['appointments'][number];

interface ScheduleProps {
  session: SignedIn;
  onSignOut(): void;
  onLock(): void;
  /** The shown location's zone, for the sync bar's clock. */
  onTimeZoneChange(timeZone: string | null): void;
}

export const scheduleDataReady = 'frontdesk:schedule-data-ready';
export const schedulePainted = 'frontdesk:schedule-painted';

/** After FullCalendar has taken a new set of events: the next frame draws them, the one after follows that paint. */
function markPainted(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark(schedulePainted)));
}

const scheduleTables = ['appointments', 'patients', 'providers', 'services', 'schedule_templates', 'schedule_exceptions'];

export function Schedule({ session, onSignOut, onLock, onTimeZoneChange }: ScheduleProps) {
  const { t, tn, language } = useI18n();
  const explain = useApiError();
  const [locations, setLocations] = useState<Location[]>([]);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [hiddenProviders, setHiddenProviders] = useState<Set<string>>(new Set());
  const [serviceId, setServiceId] = useState<string>('');
  const [isShowingCancelled, setIsShowingCancelled] = useState(true);
  const [range, setRange] = useState<{ from: string; until: string } | null>(null);
  const [viewType, setViewType] = useState('timeGridDay');
  const [appointments, setAppointments] = useState<DayAppointment[]>([]);
  const [hours, setHours] = useState<WorkingHours[]>([]);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBooking, setIsBooking] = useState(false);
  const [isWaitlistOpen, setIsWaitlistOpen] = useState(false);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [isTasksOpen, setIsTasksOpen] = useState(false);
  const [isSettingsOpen, setIsSettingsOpen] = useState(false);
  const settingsText = useSettingsText();
  const [openAppointment, setOpenAppointment] = useState<DayAppointment | null>(null);
  const [openPatientId, setOpenPatientId] = useState<string | null>(null);
  const calendarRef = useRef<CalendarRef | null>(null);
  const finderRef = useRef<HTMLDivElement | null>(null);

  const location = locations.find((l) => l.id === locationId) ?? null;
  const openTasks = useOpenTasks(locationId);
  const explainError = useApiError();
  const timeZone = location?.timeZone ?? 'UTC';

  useEffect(() => onTimeZoneChange(location?.timeZone ?? null), [location?.timeZone, onTimeZoneChange]);

  const patientName = useCallback((a: { patientLastName: string | null; patientFirstName: string | null }) =>
    (a.patientLastName ? `${a.patientLastName}, ${a.patientFirstName ?? ''}`.trim() : t('schedule.patientNotSynced')), [t]);

  useEffect(() => {
    void Promise.all([invoke('schedule.locations', {}), invoke('schedule.services', {})]).then(([l, s]) => {
      if (!l.ok) return setError(explain(l.error));
      if (!s.ok) return setError(explain(s.error));
      setLocations(l.value);
      setServices(s.value);
      setLocationId((current) => current ?? l.value[0]?.id ?? null);
    });
  }, []);

  useEffect(() => {
    if (!locationId) return;
    void invoke('schedule.providers', { locationId }).then((r) => {
      if (!r.ok) return setError(explain(r.error));
      setProviders(r.value);
      setHiddenProviders(new Set());
    });
  }, [locationId]);

  // Another desk's booking, a sync pull, or our own write: read the visible days again.
  useEffect(() => subscribe((event) => {
    if (event.type === 'changed' && event.tables.some((table) => scheduleTables.includes(table))) setRevision((r) => r + 1);
  }), []);

  useEffect(() => {
    if (!locationId || !range) return;
    let isCurrent = true;
    const dates = datesBetween(range.from, range.until);
    void Promise.all([
      Promise.all(dates.map((date) => invoke('schedule.dayView', { locationId, date }))),
      dates.length > 0 ? invoke('schedule.workingHours', { locationId, from: dates[0]!, to: dates[dates.length - 1]! }) : null,
    ]).then(([days, working]) => {
      if (!isCurrent) return;
      const failed = days.find((r) => !r.ok);
      if (failed && !failed.ok) return setError(explain(failed.error));
      if (working && !working.ok) return setError(explain(working.error));
      setError(null);
      // With the paint mark below, what bench/week-view.bench.ts reads: data in hand to calendar on screen.
      performance.mark(scheduleDataReady);
      setAppointments(days.flatMap((r) => (r.ok ? r.value.appointments : [])));
      setHours(working?.ok ? working.value.providers : []);
    });
    return () => {
      isCurrent = false;
    };
  }, [locationId, range, revision]);

  const providerNames = useMemo(() => new Map(providers.map((p) => [p.id, p.name])), [providers]);
  const shownProviderCount = providers.filter((p) => !hiddenProviders.has(p.id)).length;

  const events = useMemo<EventInput[]>(() => {
    const visits = appointments
      .filter((a) => !hiddenProviders.has(a.providerId))
      .filter((a) => !serviceId || a.serviceId === serviceId)
      .filter((a) => isShowingCancelled || (a.status !== 'cancelled' && a.status !== 'late_cancelled'))
      .map((a): EventInput => ({
        id: a.id,
        title: patientName(a),
        start: new Date(a.startAt).toISOString(),
        end: new Date(a.endAt).toISOString(),
        // The theme draws a tint of this colour behind dark text, and the colour itself as the edge.
        color: statusColors[a.status].border,
        className: `appt-${a.status.replace('_', '-')}`,
        // Only bookings that can still move may be dragged.
        editable: a.status === 'booked' || a.status === 'confirmed',
        extendedProps: { appointment: a },
      }));
    const shading = shadingEvents(hours.filter((h) => !hiddenProviders.has(h.providerId)), providerNames, {
      break: (provider) => t('schedule.break', { provider }),
      timeOff: (provider) => t('schedule.timeOff', { provider }),
    });
    return [...shading, ...visits];
  }, [appointments, hours, hiddenProviders, serviceId, isShowingCancelled, providerNames, patientName, t]);

  const checkInFocused = useCallback(async () => {
    const element = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-appointment-id]') : null;
    const appointment = appointments.find((a) => a.id === element?.dataset.appointmentId);
    if (!appointment) {
      setNotice(null);
      return setError(t('schedule.checkInNothingSelected'));
    }
    const result = await invoke('appointments.checkIn', { appointmentId: appointment.id });
    if (!result.ok) {
      setNotice(null);
      return setError(explain(result.error));
    }
    setError(null);
    setNotice(t('schedule.checkedIn', { patient: patientName(appointment) }));
  }, [appointments, patientName, t]);

  const runShortcut = useCallback((action: ShortcutAction) => {
    const api = calendarRef.current?.getApi();
    const handlers: Record<ShortcutAction, () => void> = {
      newAppointment: () => setIsBooking(true),
      today: () => api?.today(),
      previous: () => api?.prev(),
      next: () => api?.next(),
      findPatient: () => finderRef.current?.querySelector<HTMLInputElement>('input[type=search]')?.focus(),
      checkIn: () => void checkInFocused(),
      waitlist: () => setIsWaitlistOpen(true),
      help: () => setIsHelpOpen(true),
    };
    handlers[action]();
  }, [checkInFocused]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      runShortcut(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runShortcut]);

  // In the Electron window the application menu sends the same actions (its accelerators work
  // even while a field has focus, which the single-key shortcuts deliberately do not).
  useEffect(() => subscribe((event) => {
    if (event.type !== 'command') return;
    const action = actionForMenuCommand(event.command);
    if (action === 'lock') onLock();
    else if (action) runShortcut(action);
  }), [runShortcut, onLock]);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const from = info.startStr.slice(0, 10);
    const until = info.endStr.slice(0, 10);
    setViewType(info.view.type);
    setRange((current) => (current?.from === from && current.until === until ? current : { from, until }));
  }, []);

  async function onEventDrop(info: EventDropInfo) {
    const appointment = info.event.extendedProps.appointment as DayAppointment;
    const start = info.event.start;
    if (!start) return info.revert();
    const result = await invoke('appointments.move', { appointmentId: appointment.id, startAt: start.getTime() });
    if (!result.ok) {
      info.revert();
      setNotice(null);
      setError(t('schedule.notMoved', { reason: explain(result.error) }));
      return;
    }
    setError(null);
    setNotice(t('schedule.moved', { patient: patientName(appointment) }));
  }

  const setAllProviders = (isShown: boolean) => setHiddenProviders(isShown ? new Set() : new Set(providers.map((p) => p.id)));
  const today = calendarDateIn(Date.now(), timeZone);

  return (
    <div className="schedule-screen">
      <header className="topbar">
        <div className="topbar-left">
          <span className="brand">Frontdesk</span>
          <label className="inline-field">
            <span>{t('schedule.location')}</span>
            <select value={locationId ?? ''} onChange={(e) => setLocationId(e.target.value)}>
              {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </label>
          {location ? <span className="zone-note">{t('schedule.timesIn', { zone: zoneName(timeZone), timeZone })}</span> : null}
        </div>
        <div className="topbar-right">
          <button type="button" className="button-primary" onClick={() => setIsBooking(true)} aria-keyshortcuts="N">
            {t('schedule.newAppointment')} <kbd aria-hidden="true">{shortcutKey('newAppointment').display}</kbd>
          </button>
          <button type="button" className="button-secondary" onClick={() => setIsWaitlistOpen(true)} aria-keyshortcuts="W">{t('schedule.waitlist')}</button>
          {/* The name is the visible text plus a hidden word: "Tasks 2 open" (WCAG 2.5.3, label in name). */}
          <button type="button" className="button-secondary" onClick={() => setIsTasksOpen(true)}>
            {t('tasks.button')}
            {openTasks.tasks?.length ? (
              <>
                {' '}<span className="count-badge">{openTasks.tasks.length}</span>
                <span className="visually-hidden"> {tn('tasks.countSuffix', openTasks.tasks.length)}</span>
              </>
            ) : null}
          </button>
          {viewType === 'timeGridDay' && location && range ? (
            <PrintButton label="entry.daySheet" document={{ type: 'day_sheet', locationId: location.id, date: range.from, ...(shownProviderCount === 1 ? { providerId: providers.find((p) => !hiddenProviders.has(p.id))?.id } : {}) }} />
          ) : null}
          <button type="button" className="button-quiet" onClick={() => setIsHelpOpen(true)} aria-keyshortcuts="?">{t('schedule.shortcuts')}</button>
          {settingsRoles.includes(session.staff.role) ? (
            <button type="button" className="button-quiet" onClick={() => setIsSettingsOpen(true)}>{settingsText.t('open')}</button>
          ) : null}
          <LanguageToggle />
          <span className="who">{session.staff.name} · {t(roleLabels[session.staff.role])}</span>
          <button type="button" className="button-quiet" onClick={onLock}>{t('schedule.lock')}</button>
          <button type="button" className="button-quiet" onClick={onSignOut}>{t('schedule.signOut')}</button>
        </div>
      </header>

      <div className="schedule-layout">
        <aside className="sidebar" aria-label={t('schedule.sidebar')}>
          <div ref={finderRef}>
            <PatientFinder onOpen={setOpenPatientId} />
          </div>
          <label className="field-label" htmlFor="filter-service">{t('schedule.service')}</label>
          <select id="filter-service" className="field" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">{t('schedule.allServices')}</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <fieldset className="filter-group">
            <legend>{t('schedule.providers')}</legend>
            <div className="filter-actions">
              <button type="button" className="button-quiet" onClick={() => setAllProviders(true)}>{t('schedule.showAll')}</button>
              <button type="button" className="button-quiet" onClick={() => setAllProviders(false)}>{t('schedule.showNone')}</button>
            </div>
            {providers.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={!hiddenProviders.has(p.id)}
                  onChange={(e) => setHiddenProviders((current) => {
                    const next = new Set(current);
                    if (e.target.checked) next.delete(p.id);
                    else next.add(p.id);
                    return next;
                  })}
                />
                <span className="provider-swatch" data-color={p.color ?? ''} ref={(el) => el?.style.setProperty('--swatch', p.color ?? '#6b7280')} aria-hidden="true" />
                {p.name}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={isShowingCancelled} onChange={(e) => setIsShowingCancelled(e.target.checked)} />
            {t('schedule.showCancellations')}
          </label>
          <section aria-labelledby="legend-title" className="legend">
            <h2 id="legend-title">{t('schedule.status')}</h2>
            <ul>
              {statusOrder.map((status) => (
                <li key={status}>
                  <span
                    className="legend-chip"
                    ref={(el) => {
                      el?.style.setProperty('background-color', statusColors[status].background);
                      el?.style.setProperty('border-color', statusColors[status].border);
                      el?.style.setProperty('color', statusColors[status].text);
                    }}
                  >
                    {t(statusLabels[status])}
                  </span>
                </li>
              ))}
              <li><span className="legend-chip legend-break">{t('schedule.legendBreak')}</span></li>
              <li><span className="legend-chip legend-time-off">{t('schedule.legendTimeOff')}</span></li>
              <li><span className="legend-chip legend-off-hours">{t('schedule.legendOffHours')}</span></li>
            </ul>
          </section>
        </aside>

        <main className="calendar-area" aria-label={t('schedule.main')}>
          <h1 className="visually-hidden">{location ? t('schedule.titleAt', { location: location.name }) : t('schedule.main')}</h1>
          <ErrorMessage message={error} />
          {notice ? <p role="status" className="message message-info">{notice}</p> : null}
          {viewType === 'timeGridWeek' && shownProviderCount > 3 ? (
            <p className="message message-info">{tn('schedule.crowdedWeek', shownProviderCount)}</p>
          ) : null}
          {location ? (
            <FullCalendar
              ref={calendarRef}
              plugins={[formaTheme, timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
              locale={language === 'es' ? esLocale : 'en'}
              timeZone={timeZone}
              initialView="timeGridDay"
              initialDate={today}
              headerToolbar={{ start: 'today prev,next title', end: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek' }}
              buttons={{
                today: { text: t('calendar.today'), hint: t('calendar.todayHint') },
                prev: { hint: t('calendar.previous') },
                next: { hint: t('calendar.next') },
                timeGridDay: { text: t('calendar.day'), hint: t('calendar.dayView') },
                timeGridWeek: { text: t('calendar.week'), hint: t('calendar.weekView') },
                dayGridMonth: { text: t('calendar.month'), hint: t('calendar.monthView') },
                listWeek: { text: t('calendar.list'), hint: t('calendar.listView') },
              }}
              nowIndicator
              slotEventOverlap={false}
              // The slot search steps by 15 minutes; dragging snaps to the same grid.
              snapDuration="00:15:00"
              // A whole clinic's week does not fit side by side: stack at most three, the rest behind "+N more".
              views={{ timeGridWeek: { eventMaxStack: 3 }, dayGridMonth: { dayMaxEvents: 4 } }}
              allDaySlot={false}
              slotMinTime="07:00:00"
              slotMaxTime="20:00:00"
              scrollTime="08:00:00"
              height="100%"
              events={events}
              eventInteractive
              editable
              eventDurationEditable={false}
              eventDidMount={(info) => {
                const a = info.event.extendedProps.appointment as DayAppointment | undefined;
                if (a) info.el.dataset.appointmentId = a.id;
              }}
              eventClick={(info: EventClickInfo) => {
                info.jsEvent.preventDefault();
                const a = info.event.extendedProps.appointment as DayAppointment | undefined;
                if (a) setOpenAppointment(a);
              }}
              eventDrop={(info) => void onEventDrop(info)}
              datesSet={onDatesSet}
              eventsSet={markPainted}
              backgroundEventContent={(arg) => (arg.event.title ? <span className="shading-label">{arg.event.title}</span> : null)}
              eventContent={(arg) => {
                const a = arg.event.extendedProps.appointment as DayAppointment | undefined;
                if (!a) return null;
                if (arg.view.type === 'dayGridMonth' || arg.view.type === 'timeGridWeek') {
                  return (
                    <div className="event-content">
                      <span className="event-time">{arg.timeText}</span> <span className="event-patient">{arg.event.title}</span>
                      <span className="visually-hidden"> · {t(statusLabels[a.status])}</span>
                    </div>
                  );
                }
                return (
                  <div className="event-content">
                    <span className="event-time">{arg.timeText}</span>{' '}
                    <span className="event-patient">{arg.event.title}</span>
                    <span className="event-detail"> · {a.serviceName ?? t('schedule.serviceFallback')} · {a.providerName ?? ''} · {t(statusLabels[a.status])}</span>
                  </div>
                );
              }}
            />
          ) : (
            <p>{t('schedule.loading')}</p>
          )}
        </main>
      </div>

      {isBooking && location ? (
        <BookingDialog
          location={location}
          services={services}
          providers={providers}
          onClose={() => setIsBooking(false)}
          onBooked={(startAt) => {
            calendarRef.current?.getApi().gotoDate(calendarDateIn(startAt, timeZone));
            setRevision((r) => r + 1);
          }}
        />
      ) : null}
      {openAppointment && location ? (
        <AppointmentDialog
          summary={openAppointment}
          location={location}
          onClose={() => setOpenAppointment(null)}
          onOpenPatient={(id) => {
            setOpenAppointment(null);
            setOpenPatientId(id);
          }}
        />
      ) : null}
      {openPatientId ? <PatientPanel patientId={openPatientId} locationId={locationId} timeZone={timeZone} onClose={() => setOpenPatientId(null)} /> : null}
      {isWaitlistOpen && location ? <WaitlistPanel location={location} onClose={() => setIsWaitlistOpen(false)} /> : null}
      {isTasksOpen && location ? (
        <TasksPanel
          location={location}
          tasks={openTasks.tasks}
          loadError={openTasks.error ? explainError(openTasks.error) : null}
          onChanged={openTasks.reload}
          onOpenPatient={(id) => {
            setIsTasksOpen(false);
            setOpenPatientId(id);
          }}
          onClose={() => setIsTasksOpen(false)}
        />
      ) : null}
      {isSettingsOpen ? <SettingsDialog locations={locations} locationId={locationId} onClose={() => setIsSettingsOpen(false)} /> : null}
      {isHelpOpen ? <ShortcutHelp onClose={() => setIsHelpOpen(false)} /> : null}
    </div>
  );
}

