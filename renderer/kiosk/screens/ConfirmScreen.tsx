// First name, time and provider only: enough for a patient to recognise the visit, too little
// for a stranger reading over their shoulder.
import { useState } from 'react';
import { callKiosk, type KioskAppointment } from '../kiosk-api';
import { welcome, type Screen } from '../flow';
import { useFlow } from '../flow-context';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';

function screenForOutcome(appointment: KioskAppointment, outcome: string, opensAt: string | null): Screen {
  switch (outcome) {
    case 'checked_in': return { name: 'done', appointment, wasAlreadyCheckedIn: false };
    case 'already_checked_in': return { name: 'done', appointment, wasAlreadyCheckedIn: true };
    case 'too_early': return { name: 'tooEarly', appointment, opensAt: opensAt ?? appointment.checkInOpensAt };
    case 'see_desk': return { name: 'seeDesk' };
    default: return { name: 'startOver' };
  }
}

export function ConfirmScreen({ appointment }: { appointment: KioskAppointment }) {
  const { t, clock } = useText();
  const flow = useFlow();
  const [isWorking, setIsWorking] = useState(false);

  async function checkIn() {
    setIsWorking(true);
    const result = await callKiosk('kiosk.checkIn', { ticket: appointment.ticket }, flow.token);
    if (!result.ok) return flow.fail(result.error);
    flow.go(screenForOutcome(appointment, result.value.outcome, result.value.checkInOpensAt));
  }

  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t('confirm.title')}</ScreenHeading>
      <p className="kiosk-lead">{t('confirm.greeting', { name: appointment.firstName })}</p>
      <dl className="kiosk-facts">
        <div>
          <dt>{t('confirm.time')}</dt>
          <dd>{clock(appointment.time)}</dd>
        </div>
        <div>
          <dt>{t('confirm.provider')}</dt>
          <dd>{appointment.providerName}</dd>
        </div>
      </dl>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button kiosk-button-primary kiosk-button-large" disabled={isWorking} onClick={() => void checkIn()}>
          {isWorking ? t('confirm.working') : t('confirm.checkIn')}
        </button>
        <button type="button" className="kiosk-button kiosk-button-secondary" onClick={() => flow.go(welcome)}>
          {t('confirm.notMe')}
        </button>
      </div>
    </section>
  );
}
