// The desk: sign-in until someone is signed in, then the schedule with the sync bar. Any call
// that finds the session locked (idle lock, sign-out elsewhere) brings back the lock screen.
import { useCallback, useEffect, useState } from 'react';
import { hasLaunchToken, invoke, onSessionLost, setSessionId } from '../api/client';
import { Schedule } from '../schedule/Schedule';
import { SignIn, type SignedIn } from '../signin/SignIn';
import { SyncBar } from '../sync/SyncBar';

const lockCheckMs = 30_000;

export function App() {
  const [session, setSession] = useState<SignedIn | null>(null);
  const [locked, setLocked] = useState<{ staffId: string | null; message: string } | null>(null);

  const lock = useCallback((staffId: string | null, message: string) => {
    setSessionId(null);
    setSession(null);
    setLocked({ staffId, message });
  }, []);

  useEffect(() => onSessionLost((error) => {
    const details = error.details as { staff?: { id: string } } | undefined;
    lock(details?.staff?.id ?? null, error.message);
  }), [lock]);

  // The host locks an idle session; ask now and then, so an unattended screen hides the schedule.
  useEffect(() => {
    if (!session) return;
    const timer = setInterval(() => {
      void invoke('session.current', {}).then((result) => {
        if (result.ok && result.value.state === 'locked') {
          lock(result.value.staff.id, 'The screen locked after a while without activity. Sign in again.');
        }
      });
    }, lockCheckMs);
    return () => clearInterval(timer);
  }, [session, lock]);

  if (!hasLaunchToken()) {
    return (
      <main className="signin">
        <div className="signin-card">
          <h1>Frontdesk</h1>
          <p role="alert" className="message message-error">
            This page was opened without its launch key. Open Frontdesk from the address it printed when it started.
          </p>
        </div>
      </main>
    );
  }

  return (
    <div className="app">
      {session ? (
        <Schedule
          session={session}
          onSignOut={() => {
            void invoke('session.signOut', {});
            setSessionId(null);
            setSession(null);
            setLocked(null);
          }}
          onLock={() => lock(session.staff.id, `Locked by ${session.staff.name}. Sign in to continue.`)}
        />
      ) : (
        <SignIn
          locked={locked}
          onSignedIn={(s) => {
            setLocked(null);
            setSession(s);
          }}
        />
      )}
      {session ? <SyncBar /> : null}
    </div>
  );
}
