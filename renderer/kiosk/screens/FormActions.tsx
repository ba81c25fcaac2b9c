import { useFlow } from '../flow-context';
import { welcome } from '../flow';
import { useText } from '../language';

export function FormActions({ isBusy, isDisabled }: { isBusy: boolean; isDisabled: boolean }) {
  const { t } = useText();
  const { go } = useFlow();
  return (
    <div className="kiosk-actions">
      <button type="submit" className="kiosk-button kiosk-button-primary" disabled={isBusy || isDisabled}>
        {isBusy ? t('find.searching') : t('find.submit')}
      </button>
      <button type="button" className="kiosk-button kiosk-button-secondary" onClick={() => go(welcome)}>
        {t('common.back')}
      </button>
    </div>
  );
}
