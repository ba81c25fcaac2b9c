// The calm dead ends: see the desk, start again, or the kiosk itself is in trouble.
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';
import { FinishButton, type FinishLabel } from './FinishButton';

type Message = 'desk' | 'startOver' | 'problem';

export function MessageScreen({ message, action }: { message: Message; action?: FinishLabel }) {
  const { t } = useText();
  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t(`${message}.title`)}</ScreenHeading>
      <p className="kiosk-lead">{t(`${message}.body`)}</p>
      <FinishButton label={action} />
    </section>
  );
}
