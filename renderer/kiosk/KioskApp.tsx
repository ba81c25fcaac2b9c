// The patients' kiosk: pairing on first run, then the check-in. Its own small app, sharing no
// code with the desk, and reaching the desk only through the kiosk operations.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { callKiosk, type KioskOutput } from './kiosk-api';
import { readKioskToken, saveKioskToken } from './kiosk-token';
import { LanguageProvider, useText } from './language';
import { LanguageToggle } from './LanguageToggle';
import { KioskShell } from './KioskShell';
import { PairingScreen, type PairingNotice } from './screens/PairingScreen';
import { ScreenHeading } from './ScreenHeading';

type Connection =
  | { state: 'loading' }
  | { state: 'ready'; session: KioskOutput<'kiosk.session'> }
  | { state: 'unreachable' };

export function KioskApp() {
  return (
    <LanguageProvider>
      <Kiosk />
    </LanguageProvider>
  );
}

function Kiosk() {
  const [token, setToken] = useState<string | null>(readKioskToken);
  const [notice, setNotice] = useState<PairingNotice | null>(null);
  const [connection, setConnection] = useState<Connection>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const unpair = useCallback(() => {
    saveKioskToken(null);
    setToken(null);
    setNotice('pair.unpaired');
  }, []);

  useEffect(() => {
    if (!token) return;
    let isCurrent = true;
    setConnection({ state: 'loading' });
    void callKiosk('kiosk.session', {}, token).then((result) => {
      if (!isCurrent) return;
      if (result.ok) setConnection({ state: 'ready', session: result.value });
      else if (result.error.code === 'unauthenticated') unpair();
      else setConnection({ state: 'unreachable' });
    });
    return () => {
      isCurrent = false;
    };
  }, [token, attempt, unpair]);

  if (!token) {
    return (
      <Frame>
        <PairingScreen notice={notice} onPaired={(next) => {
          saveKioskToken(next);
          setNotice(null);
          setToken(next);
        }} />
      </Frame>
    );
  }
  if (connection.state === 'ready') return <KioskShell token={token} session={connection.session} onUnpaired={unpair} />;
  return (
    <Frame>
      {connection.state === 'loading' ? <Loading /> : <Unreachable onRetry={() => setAttempt((a) => a + 1)} />}
    </Frame>
  );
}

/** The page around screens shown before the kiosk knows its place: language toggle only. */
function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="kiosk-header">
        <span />
        <LanguageToggle />
      </header>
      <main className="kiosk-main">{children}</main>
    </>
  );
}

function Loading() {
  const { t } = useText();
  return <p role="status" className="kiosk-lead">{t('common.loading')}</p>;
}

function Unreachable({ onRetry }: { onRetry(): void }) {
  const { t } = useText();
  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t('problem.title')}</ScreenHeading>
      <p className="kiosk-lead">{t('problem.body')}</p>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button kiosk-button-primary" onClick={onRetry}>{t('problem.retry')}</button>
      </div>
    </section>
  );
}
