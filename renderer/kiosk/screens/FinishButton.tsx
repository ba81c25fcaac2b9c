import { welcome } from '../flow';
import { useFlow } from '../flow-context';
import { useText } from '../language';

export type FinishLabel = 'done.finish' | 'common.startOver' | 'problem.retry';

export function FinishButton({ label = 'done.finish' }: { label?: FinishLabel }) {
  const { t } = useText();
  const { go } = useFlow();
  return (
    <div className="kiosk-actions">
      <button type="button" className="kiosk-button kiosk-button-primary" onClick={() => go(welcome)}>{t(label)}</button>
    </div>
  );
}
