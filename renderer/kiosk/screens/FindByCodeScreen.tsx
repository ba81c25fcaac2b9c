// The code field has focus from the start, so a scanner's keystrokes (the code, then Enter)
// land in it and submit the form without a touch.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useFlow } from '../flow-context';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';
import { FindFeedback, useIsCoolingDown } from './FindFeedback';
import { FormActions } from './FormActions';
import { useLookup } from './useLookup';

export function FindByCodeScreen({ scannedCode }: { scannedCode?: string }) {
  const { t } = useText();
  const flow = useFlow();
  const { lookUp, isSearching, misses } = useLookup();
  const [code, setCode] = useState(scannedCode ?? '');
  const isCoolingDown = useIsCoolingDown(flow.coolDownUntil);
  const field = useRef<HTMLInputElement>(null);
  const hasSearchedScan = useRef(false);

  useEffect(() => {
    field.current?.focus();
  }, []);

  // A code scanned on the welcome screen is looked up once, as if typed here and submitted.
  useEffect(() => {
    if (!scannedCode || hasSearchedScan.current) return;
    hasSearchedScan.current = true;
    void lookUp({ by: 'code', code: scannedCode });
  }, [scannedCode, lookUp]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isSearching || isCoolingDown || code.trim() === '') return;
    void lookUp({ by: 'code', code });
  }

  return (
    <section className="kiosk-screen">
      <ScreenHeading takesFocus={false}>{t('code.title')}</ScreenHeading>
      <form className="kiosk-form" onSubmit={submit} noValidate>
        <label className="kiosk-label" htmlFor="confirmation-code">{t('code.label')}</label>
        <p id="confirmation-code-hint" className="kiosk-hint">{t('code.hint')}</p>
        <input
          ref={field}
          id="confirmation-code"
          className="kiosk-field kiosk-field-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby="confirmation-code-hint"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
        />
        <FindFeedback misses={misses} coolDownUntil={flow.coolDownUntil} />
        <FormActions isBusy={isSearching} isDisabled={isCoolingDown} />
      </form>
    </section>
  );
}
