import { useFlow } from '../flow-context';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';
import { useScannedCode } from '../useScannedCode';

export function WelcomeScreen({ locationName }: { locationName: string }) {
  const { t } = useText();
  const { go } = useFlow();
  useScannedCode((code) => go({ name: 'findByCode', scannedCode: code }));
  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t('welcome.title', { location: locationName })}</ScreenHeading>
      <p className="kiosk-lead">{t('welcome.intro')}</p>
      <div className="kiosk-choices">
        <button type="button" className="kiosk-button kiosk-button-primary kiosk-choice" aria-describedby="by-code-hint" onClick={() => go({ name: 'findByCode' })}>
          {t('welcome.byCode')}
        </button>
        <p id="by-code-hint" className="kiosk-hint">{t('welcome.byCodeHint')}</p>
        <button type="button" className="kiosk-button kiosk-button-primary kiosk-choice" onClick={() => go({ name: 'findByName' })}>
          {t('welcome.byName')}
        </button>
      </div>
    </section>
  );
}
