// Staff sign-in at a shared desk: choose your name, type your PIN. Also the lock screen:
// after the idle lock the same person is preselected and told why.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { invoke, setSessionId, type ApiOutput } from '../api/client';
import { ErrorMessage } from '../ui/Dialog';

export type SignedIn = ApiOutput<'session.signIn'>;
type StaffMember = ApiOutput<'session.staff'>[number];

const roleLabels: Record<StaffMember['role'], string> = {
  receptionist: 'Receptionist',
  nurse: 'Nurse',
  provider: 'Provider',
  manager: 'Manager',
  admin: 'Administrator',
};

export function roleLabel(role: StaffMember['role']): string {
  return roleLabels[role];
}

interface SignInProps {
  onSignedIn(session: SignedIn): void;
  /** Set when the screen locked: who was signed in, and why they must sign in again. */
  locked?: { staffId: string | null; message: string } | null;
}

export function SignIn({ onSignedIn, locked }: SignInProps) {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(locked?.staffId ?? null);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  const pinId = useId();

  useEffect(() => {
    void invoke('session.staff', {}).then((result) => {
      if (result.ok) setStaff(result.value);
      else setError(result.error.message);
    });
  }, []);

  useEffect(() => {
    if (locked?.staffId) pinRef.current?.focus();
  }, [locked?.staffId, staff]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setError('Choose your name first.');
    if (!secret) return setError('Enter your PIN or password.');
    setIsBusy(true);
    setError(null);
    const result = await invoke('session.signIn', { staffUserId: chosen, secret });
    setIsBusy(false);
    setSecret('');
    if (!result.ok) {
      setError(result.error.message);
      pinRef.current?.focus();
      return;
    }
    setSessionId(result.value.sessionId);
    onSignedIn(result.value);
  }

  return (
    <main className="signin" aria-labelledby="signin-title">
      <form className="signin-card" onSubmit={(e) => void submit(e)} noValidate>
        <p className="brand" aria-hidden="true">Frontdesk</p>
        <h1 id="signin-title">{locked ? 'Screen locked' : 'Sign in'}</h1>
        {locked ? <p className="message message-info" role="status">{locked.message}</p> : null}
        <fieldset className="staff-list">
          <legend>Who is at the desk?</legend>
          {staff === null ? <p>Loading staff…</p> : null}
          {staff?.map((member) => (
            <label key={member.id} className="choice">
              <input
                type="radio"
                name="staff"
                value={member.id}
                checked={chosen === member.id}
                onChange={() => {
                  setChosen(member.id);
                  setError(null);
                }}
              />
              <span className="choice-main">{member.name}</span>
              <span className="choice-detail">{roleLabel(member.role)}</span>
            </label>
          ))}
        </fieldset>
        <label htmlFor={pinId} className="field-label">PIN or password</label>
        <input
          id={pinId}
          ref={pinRef}
          className="field"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
        <ErrorMessage message={error} />
        <button type="submit" className="button-primary" disabled={isBusy}>
          {isBusy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
