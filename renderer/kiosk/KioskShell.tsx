// A paired kiosk: the header (place, language, start over) and the check-in, which goes back
// to the welcome screen, with everything typed cleared, after the idle period or on request.
import { useCallback, useMemo, useState } from 'react';
import type { ApiErrorBody } from '../../main/api/operation';
import { CheckInFlow } from './CheckInFlow';
import { welcome, type Screen } from './flow';
import { FlowContext, type Flow } from './flow-context';
import type { KioskOutput } from './kiosk-api';
import { useText } from './language';
import { LanguageToggle } from './LanguageToggle';
import { useIdleReset } from './useIdleReset';

interface ShellProps {
  token: string;
  session: KioskOutput<'kiosk.session'>;
  onUnpaired(): void;
}

export function KioskShell({ token, session, onUnpaired }: ShellProps) {
  const { t } = useText();
  const [screen, setScreen] = useState<Screen>(welcome);
  // A new key remounts the flow, so no form state survives a reset even on the same screen.
  const [visit, setVisit] = useState(0);
  const [coolDownUntil, setCoolDownUntil] = useState(0);

  const startOver = useCallback(() => {
    setScreen(welcome);
    setVisit((v) => v + 1);
  }, []);
  useIdleReset(session.idleResetMs, startOver, screen.name !== 'welcome');

  const flow = useMemo<Flow>(() => ({
    token,
    go: (next) => (next.name === 'welcome' ? startOver() : setScreen(next)),
    coolDownUntil,
    startCoolDown: (ms) => setCoolDownUntil(Date.now() + ms),
    fail: (error: ApiErrorBody) => (error.code === 'unauthenticated' ? onUnpaired() : setScreen({ name: 'problem' })),
  }), [token, coolDownUntil, startOver, onUnpaired]);

  return (
    <FlowContext.Provider value={flow}>
      <header className="kiosk-header">
        <p className="kiosk-place">{session.locationName}</p>
        <div className="kiosk-header-actions">
          {screen.name === 'welcome' ? null : (
            <button type="button" className="kiosk-button kiosk-button-secondary" onClick={startOver}>{t('common.startOver')}</button>
          )}
          <LanguageToggle />
        </div>
      </header>
      <main className="kiosk-main">
        <CheckInFlow key={visit} screen={screen} locationName={session.locationName} />
      </main>
    </FlowContext.Provider>
  );
}
