// Staff sign-in at a shared desk: choose your name, type your PIN. Also the lock screen:
// after the idle lock the same person is preselected and told why.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { invoke, setSessionId, type ApiOutput } from '../api/client';
import { useApiError } from '../i18n/api-errors';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageToggle } from '../i18n/LanguageToggle';
import type { MessageKey } from '../i18n/translate';
import { ErrorMessage } from '../ui/Dialog';

export type SignedIn = ApiOutput<'session.signIn'>;
type StaffMember = ApiOutput<'session.staff'>[number];

export const roleLabels: Record<StaffMember['role'], MessageKey> = {
  receptionist: 'role.receptionist',
  nurse: 'role.nurse',
  provider: 'role.provider',
  manager: 'role.manager',
  admin: 'role.admin',
};

/** Why the screen is locked; said in the desk's language when it is, else as the service said it. */
export type LockReason = { kind: 'idle' } | { kind: 'manual'; name: string } | { kind: 'message'; message: string };

interface SignInProps {
  onSignedIn(session: SignedIn): void;
  /** Set when the screen locked: who was signed in, and why they must sign in again. */
  locked?: { staffId: string | null; reason: LockReason } | null;
}

export function SignIn({ onSignedIn, locked }: SignInProps) {
  const { t } = useI18n();
  const explain = useApiError();
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
      else setError(explain(result.error));
    });
  }, []);

  useEffect(() => {
    if (locked?.staffId) pinRef.current?.focus();
  }, [locked?.staffId, staff]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return setError(t('signin.chooseName'));
    if (!secret) return setError(t('signin.enterPin'));
    setIsBusy(true);
    setError(null);
    const result = await invoke('session.signIn', { staffUserId: chosen, secret });
    setIsBusy(false);
    setSecret('');
    if (!result.ok) {
      setError(explain(result.error));
      pinRef.current?.focus();
      return;
    }
    setSessionId(result.value.sessionId);
    onSignedIn(result.value);
  }

  const reason = locked?.reason;
  const lockMessage = !reason ? null
    : reason.kind === 'idle' ? t('lock.idle')
      : reason.kind === 'manual' ? t('lock.manual', { name: reason.name })
        : reason.message;

  return (
    <main className="signin" aria-labelledby="signin-title">
      <form className="signin-card" onSubmit={(e) => void submit(e)} noValidate>
        <p className="brand" aria-hidden="true">Frontdesk</p>
        <h1 id="signin-title">{locked ? t('signin.lockedTitle') : t('signin.title')}</h1>
        {lockMessage ? <p className="message message-info" role="status">{lockMessage}</p> : null}
        <fieldset className="staff-list">
          <legend>{t('signin.who')}</legend>
          {staff === null ? <p>{t('signin.loadingStaff')}</p> : null}
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
              <span className="choice-detail">{t(roleLabels[member.role])}</span>
            </label>
          ))}
        </fieldset>
        <label htmlFor={pinId} className="field-label">{t('signin.pin')}</label>
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
          {isBusy ? t('signin.checking') : t('signin.submit')}
        </button>
        <LanguageToggle />
      </form>
    </main>
  );
}
