// The desk: sign-in until someone is signed in, then the schedule with the sync bar. Any call
// that finds the session locked (idle lock, sign-out elsewhere) brings back the lock screen.
import { useCallback, useEffect, useState } from 'react';
import { hasLaunchToken, invoke, onSessionLost, setSessionId } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { ManageSwitch } from '../manager/ManageSwitch';
import { CheckInToasts } from '../notifications/CheckInToasts';
import { Schedule } from '../schedule/Schedule';
import { SignIn, type LockReason, type SignedIn } from '../signin/SignIn';
import { SyncBar } from '../sync/SyncBar';

const lockCheckMs = 30_000;

export function App() {
  return (
    <I18nProvider>
      <Desk />
    </I18nProvider>
  );
}

function Desk() {
  const { t } = useI18n();
  const explain = useApiError();
  const [session, setSession] = useState<SignedIn | null>(null);
  const [locked, setLocked] = useState<{ staffId: string | null; reason: LockReason } | null>(null);
  // The sync bar speaks the clinic's time, like the calendar: the desk may sit in another zone.
  const [timeZone, setTimeZone] = useState<string | null>(null);

  const lock = useCallback((staffId: string | null, reason: LockReason) => {
    setSessionId(null);
    setSession(null);
    setLocked({ staffId, reason });
  }, []);

  useEffect(() => onSessionLost((error) => {
    const details = error.details as { staff?: { id: string } } | undefined;
    lock(details?.staff?.id ?? null, error.code === 'session_locked' ? { kind: 'idle' } : { kind: 'message', message: explain(error) });
  }), [lock, explain]);

  // The host locks an idle session; ask now and then, so an unattended screen hides the schedule.
  useEffect(() => {
    if (!session) return;
    const timer = setInterval(() => {
      void invoke('session.current', {}).then((result) => {
        if (result.ok && result.value.state === 'locked') lock(result.value.staff.id, { kind: 'idle' });
      });
    }, lockCheckMs);
    return () => clearInterval(timer);
  }, [session, lock]);

  if (!hasLaunchToken()) {
    return (
      <main className="signin">
        <div className="signin-card">
          <h1>Frontdesk</h1>
          <p role="alert" className="message message-error">{t('app.noLaunchToken')}</p>
        </div>
      </main>
    );
  }

  return (
    <div className="app">
      {session ? (
        <ManageSwitch role={session.staff.role}>
        <Schedule
          session={session}
          onTimeZoneChange={setTimeZone}
          onSignOut={() => {
            void invoke('session.signOut', {});
            setSessionId(null);
            setSession(null);
            setLocked(null);
          }}
          onLock={() => lock(session.staff.id, { kind: 'manual', name: session.staff.name })}
        />
        </ManageSwitch>
      ) : (
        <SignIn
          locked={locked}
          onSignedIn={(s) => {
            setLocked(null);
            setSession(s);
          }}
        />
      )}
      {session ? <SyncBar timeZone={timeZone} role={session.staff.role} /> : null}
      {session ? <CheckInToasts /> : null}
    </div>
  );
}
