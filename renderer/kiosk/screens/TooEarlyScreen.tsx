import type { KioskAppointment } from '../kiosk-api';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';
import { FinishButton } from './FinishButton';

export function TooEarlyScreen({ appointment, opensAt }: { appointment: KioskAppointment; opensAt: string }) {
  const { t, clock } = useText();
  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t('early.title', { name: appointment.firstName })}</ScreenHeading>
      <p className="kiosk-lead">{t('early.body', { time: clock(appointment.time), opensAt: clock(opensAt) })}</p>
      <FinishButton />
    </section>
  );
}
