// The receptionist's day: filters, the calendar in the location's zone, the status legend,
// and the dialogs for booking, one appointment, and one patient.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { CalendarRef, DatesSetInfo, EventClickInfo, EventDropInfo, EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import formaTheme from '@fullcalendar/react/themes/forma';
import { invoke, subscribe, type ApiOutput } from '../api/client';
import { PatientFinder, PatientPanel } from '../patients/PatientPanel';
import { roleLabel, type SignedIn } from '../signin/SignIn';
import { ErrorMessage } from '../ui/Dialog';
import { calendarDateIn, datesBetween, zoneName } from '../ui/time';
import { AppointmentDialog } from './AppointmentDialog';
import { BookingDialog } from './BookingDialog';
import { statusColors, statusLabels, statusOrder } from './status';

export type Location = ApiOutput<'schedule.locations'>[number];
export type Provider = ApiOutput<'schedule.providers'>[number];
export type Service = ApiOutput<'schedule.services'>[number];
type DayAppointment = ApiOutput<'schedule.dayView'>['appointments'][number];

interface ScheduleProps {
  session: SignedIn;
  onSignOut(): void;
  onLock(): void;
}

function patientName(a: { patientLastName: string | null; patientFirstName: string | null }): string {
  return a.patientLastName ? `${a.patientLastName}, ${a.patientFirstName ?? ''}`.trim() : 'Patient not synced yet';
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function Schedule({ session, onSignOut, onLock }: ScheduleProps) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [hiddenProviders, setHiddenProviders] = useState<Set<string>>(new Set());
  const [serviceId, setServiceId] = useState<string>('');
  const [isShowingCancelled, setIsShowingCancelled] = useState(true);
  const [range, setRange] = useState<{ from: string; until: string } | null>(null);
  const [appointments, setAppointments] = useState<DayAppointment[]>([]);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBooking, setIsBooking] = useState(false);
  const [openAppointment, setOpenAppointment] = useState<DayAppointment | null>(null);
  const [openPatientId, setOpenPatientId] = useState<string | null>(null);
  const calendarRef = useRef<CalendarRef | null>(null);

  const location = locations.find((l) => l.id === locationId) ?? null;
  const timeZone = location?.timeZone ?? 'UTC';

  useEffect(() => {
    void Promise.all([invoke('schedule.locations', {}), invoke('schedule.services', {})]).then(([l, s]) => {
      if (!l.ok) return setError(l.error.message);
      if (!s.ok) return setError(s.error.message);
      setLocations(l.value);
      setServices(s.value);
      setLocationId((current) => current ?? l.value[0]?.id ?? null);
    });
  }, []);

  useEffect(() => {
    if (!locationId) return;
    void invoke('schedule.providers', { locationId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setProviders(r.value);
      setHiddenProviders(new Set());
    });
  }, [locationId]);

  // Another desk's booking, a sync pull, or our own write: read the visible days again.
  useEffect(() => subscribe((event) => {
    if (event.type === 'changed' && event.tables.some((t) => t === 'appointments' || t === 'patients' || t === 'providers' || t === 'services')) {
      setRevision((r) => r + 1);
    }
  }), []);

  useEffect(() => {
    if (!locationId || !range) return;
    let isCurrent = true;
    const dates = datesBetween(range.from, range.until);
    void Promise.all(dates.map((date) => invoke('schedule.dayView', { locationId, date }))).then((results) => {
      if (!isCurrent) return;
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) return setError(failed.error.message);
      setError(null);
      setAppointments(results.flatMap((r) => (r.ok ? r.value.appointments : [])));
    });
    return () => {
      isCurrent = false;
    };
  }, [locationId, range, revision]);

  const events = useMemo<EventInput[]>(() => appointments
    .filter((a) => !hiddenProviders.has(a.providerId))
    .filter((a) => !serviceId || a.serviceId === serviceId)
    .filter((a) => isShowingCancelled || (a.status !== 'cancelled' && a.status !== 'late_cancelled'))
    .map((a) => {
      const colors = statusColors[a.status];
      return {
        id: a.id,
        title: patientName(a),
        start: new Date(a.startAt).toISOString(),
        end: new Date(a.endAt).toISOString(),
        // The theme draws a tint of this colour behind dark text, and the colour itself as the edge.
        color: colors.border,
        className: `appt-${a.status.replace('_', '-')}`,
        // Only bookings that can still move may be dragged.
        editable: a.status === 'booked' || a.status === 'confirmed',
        extendedProps: { appointment: a },
      };
    }), [appointments, hiddenProviders, serviceId, isShowingCancelled]);

  const openNewAppointment = useCallback(() => setIsBooking(true), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        openNewAppointment();
      } else if (key === 't') {
        calendarRef.current?.getApi().today();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openNewAppointment]);

  const onDatesSet = useCallback((info: DatesSetInfo) => {
    const from = info.startStr.slice(0, 10);
    const until = info.endStr.slice(0, 10);
    setRange((current) => (current?.from === from && current.until === until ? current : { from, until }));
  }, []);

  async function onEventDrop(info: EventDropInfo) {
    const appointment = info.event.extendedProps.appointment as DayAppointment;
    const start = info.event.start;
    if (!start) return info.revert();
    const result = await invoke('appointments.move', { appointmentId: appointment.id, startAt: start.getTime() });
    if (!result.ok) {
      info.revert();
      setError(`Not moved: ${result.error.message}`);
      return;
    }
    setError(null);
    setNotice(`${patientName(appointment)} moved. The reschedule will sync to the other desks.`);
  }

  const visibleProviders = providers;

  return (
    <div className="schedule-screen">
      <header className="topbar">
        <div className="topbar-left">
          <span className="brand">Frontdesk</span>
          <label className="inline-field">
            <span>Location</span>
            <select value={locationId ?? ''} onChange={(e) => setLocationId(e.target.value)}>
              {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </label>
          {location ? <span className="zone-note">Times in {zoneName(timeZone)} ({timeZone})</span> : null}
        </div>
        <div className="topbar-right">
          <button type="button" className="button-primary" onClick={openNewAppointment} aria-keyshortcuts="N">
            New appointment <kbd aria-hidden="true">N</kbd>
          </button>
          <span className="who">{session.staff.name} · {roleLabel(session.staff.role)}</span>
          <button type="button" className="button-quiet" onClick={onLock}>Lock</button>
          <button type="button" className="button-quiet" onClick={onSignOut}>Sign out</button>
        </div>
      </header>

      <div className="schedule-layout">
        <aside className="sidebar" aria-label="Filters and legend">
          <PatientFinder onOpen={setOpenPatientId} />
          <label className="field-label" htmlFor="filter-service">Service</label>
          <select id="filter-service" className="field" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">All services</option>
            {services.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <fieldset className="filter-group">
            <legend>Providers</legend>
            {visibleProviders.map((p) => (
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
            Show cancellations
          </label>
          <section aria-labelledby="legend-title" className="legend">
            <h2 id="legend-title">Status</h2>
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
                    {statusLabels[status]}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </aside>

        <main className="calendar-area" aria-label="Schedule">
          <h1 className="visually-hidden">Schedule{location ? ` for ${location.name}` : ''}</h1>
          <ErrorMessage message={error} />
          {notice ? <p role="status" className="message message-info">{notice}</p> : null}
          {location ? (
            <FullCalendar
              ref={calendarRef}
              plugins={[formaTheme, timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
              timeZone={timeZone}
              initialView="timeGridDay"
              initialDate={calendarDateIn(Date.now(), timeZone)}
              headerToolbar={{ start: 'today prev,next title', end: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek' }}
              buttons={{ today: { text: 'Today', hint: 'Go to today' }, timeGridDay: { text: 'Day' }, timeGridWeek: { text: 'Week' }, dayGridMonth: { text: 'Month' }, listWeek: { text: 'List' } }}
              nowIndicator
              slotEventOverlap={false}
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
              eventClick={(info: EventClickInfo) => {
                info.jsEvent.preventDefault();
                setOpenAppointment(info.event.extendedProps.appointment as DayAppointment);
              }}
              eventDrop={(info: EventDropInfo) => void onEventDrop(info)}
              datesSet={onDatesSet}
              eventContent={(arg) => {
                const a = arg.event.extendedProps.appointment as DayAppointment;
                if (arg.view.type === 'dayGridMonth' || arg.view.type === 'timeGridWeek') {
                  return (
                    <div className="event-content">
                      <span className="event-time">{arg.timeText}</span> <span className="event-patient">{arg.event.title}</span>
                      <span className="visually-hidden"> · {statusLabels[a.status]}</span>
                    </div>
                  );
                }
                return (
                  <div className="event-content">
                    <span className="event-time">{arg.timeText}</span>{' '}
                    <span className="event-patient">{arg.event.title}</span>
                    <span className="event-detail"> · {a.serviceName ?? 'Service'} · {a.providerName ?? ''} · {statusLabels[a.status]}</span>
                  </div>
                );
              }}
            />
          ) : (
            <p>Loading the schedule…</p>
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
    </div>
  );
}
