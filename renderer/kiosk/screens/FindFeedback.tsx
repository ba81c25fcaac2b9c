// The answer to a miss, identical whatever the cause (no such code, a typo, a cool-down), and
// the cool-down as a calm wait. The alert region is always present so that screen readers
// hear each new miss; the countdown sits outside it so it is not read out every second.
import { useText } from '../language';
import { useNow } from '../useNow';

function minutesAndSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1_000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function FindFeedback({ misses, coolDownUntil }: { misses: number; coolDownUntil: number }) {
  const { t } = useText();
  const now = useNow(coolDownUntil > Date.now());
  const waitMs = coolDownUntil - now;
  return (
    <>
      <div role="alert" className="kiosk-feedback">
        {misses > 0 ? <p key={misses}>{t('find.notFound')}</p> : null}
        {waitMs > 0 ? <p>{t('find.wait')}</p> : null}
      </div>
      {waitMs > 0 ? <p className="kiosk-wait">{t('find.waitFor', { time: minutesAndSeconds(waitMs) })}</p> : null}
    </>
  );
}

export function useIsCoolingDown(coolDownUntil: number): boolean {
  return useNow(coolDownUntil > Date.now()) < coolDownUntil;
}
