import type { KioskAppointment } from '../kiosk-api';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';
import { DetailsQuestion } from './DetailsQuestion';
import { FinishButton } from './FinishButton';

export function DoneScreen({ appointment, wasAlreadyCheckedIn }: { appointment: KioskAppointment; wasAlreadyCheckedIn: boolean }) {
  const { t } = useText();
  return (
    <section className="kiosk-screen kiosk-screen-done">
      <ScreenHeading>{t('done.title', { name: appointment.firstName })}</ScreenHeading>
      {wasAlreadyCheckedIn ? <p className="kiosk-lead">{t('done.already')}</p> : null}
      <p className="kiosk-lead">{t('done.next', { provider: appointment.providerName })}</p>
      <DetailsQuestion ticket={appointment.ticket} />
      <FinishButton />
    </section>
  );
}
