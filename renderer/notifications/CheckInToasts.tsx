// "Ana García checked in for 10:30 with Dr. Lee": a polite notice when a patient arrives, so
// the desk hears about kiosk check-ins without watching the calendar. It reads today's day
// view of every location again on each change to appointments and compares the statuses.
// The notices stay until dismissed (no timer to race a screen reader or a busy receptionist).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { invoke, subscribe } from '../api/client';
import { calendarDateIn, formatTime } from '../ui/time';
import { findNewCheckIns, statusesOf, type StatusById, type WatchedVisit } from './check-ins';
import { useNotificationText } from './messages';
import './notifications.css';

/** Older notices give way; a waiting room's worth at once is still readable. */
const maxShown = 5;

async function readTodaysVisits(): Promise<WatchedVisit[] | null> {
  const locations = await invoke('schedule.locations', {});
  if (!locations.ok) return null;
  const days = await Promise.all(locations.value.map((l) => invoke('schedule.dayView', { locationId: l.id, date: calendarDateIn(Date.now(), l.timeZone) })));
  const visits: WatchedVisit[] = [];
  for (const day of days) {
    if (!day.ok) return null;
    for (const a of day.value.appointments) visits.push({ ...a, timeZone: day.value.location.timeZone });
  }
  return visits;
}

export function CheckInToasts() {
  const { t } = useNotificationText();
  const [arrivals, setArrivals] = useState<WatchedVisit[]>([]);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let isActive = true;
    let known: StatusById | null = null;
    // One reading at a time, in order: two overlapping readings could report one arrival twice.
    let queue = Promise.resolve();
    const read = () => {
      queue = queue.then(async () => {
        const visits = await readTodaysVisits();
        if (!isActive || !visits) return;
        const arrived = known ? findNewCheckIns(known, visits) : [];
        known = statusesOf(visits);
        if (arrived.length === 0) return;
        const ids = new Set(arrived.map((v) => v.id));
        setArrivals((shown) => [...shown.filter((v) => !ids.has(v.id)), ...arrived].slice(-maxShown));
      });
    };
    read();
    const stop = subscribe((event) => {
      if (event.type === 'changed' && event.tables.includes('appointments')) read();
    });
    return () => {
      isActive = false;
      stop();
    };
  }, []);

  function dismiss(id: string) {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const hadFocus = buttons.some((b) => b === document.activeElement);
    const index = arrivals.findIndex((v) => v.id === id);
    setArrivals((shown) => shown.filter((v) => v.id !== id));
    // Keep the keyboard in the notices while there are more to read, instead of dropping it on the page.
    const next = buttons[index + 1] ?? buttons[index - 1];
    if (hadFocus) next?.focus();
  }

  function describe(v: WatchedVisit): string {
    const patient = [v.patientFirstName, v.patientLastName].filter(Boolean).join(' ');
    const time = formatTime(v.startAt, v.timeZone);
    return v.providerName ? t('checkedIn', { patient, time, provider: v.providerName }) : t('checkedInNoProvider', { patient, time });
  }

  return (
    <section className="toasts" aria-label={t('region')}>
      {/* Always present, so assistive technology is already watching when a notice arrives; not atomic, so only the new one is read. */}
      <div ref={listRef} role="status" aria-live="polite" aria-atomic="false" className="toast-list">
        {arrivals.map((v) => {
          const message = describe(v);
          return (
            <div key={v.id} className="toast" onKeyDown={(e: KeyboardEvent) => {
              if (e.key !== 'Escape') return;
              e.stopPropagation();
              dismiss(v.id);
            }}>
              <p className="toast-text">{message}</p>
              <button type="button" className="button-quiet" aria-label={t('dismissNamed', { message })} onClick={() => dismiss(v.id)}>
                {t('dismiss')}
              </button>
            </div>
          );
        })}
      </div>
    </section>
  );
}
