// Optional: a patient may say their phone or address changed. The kiosk never edits a record;
// it leaves a note for the desk, which asks in person.
import { useState, type FormEvent } from 'react';
import { callKiosk } from '../kiosk-api';
import { useFlow } from '../flow-context';
import { useText } from '../language';

export function DetailsQuestion({ ticket }: { ticket: string }) {
  const { t } = useText();
  const flow = useFlow();
  const [phoneChanged, setPhoneChanged] = useState(false);
  const [addressChanged, setAddressChanged] = useState(false);
  const [state, setState] = useState<'asking' | 'sending' | 'recorded'>('asking');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!phoneChanged && !addressChanged) return;
    setState('sending');
    const result = await callKiosk('kiosk.flagDetails', { ticket, phoneChanged, addressChanged }, flow.token);
    if (!result.ok) return flow.fail(result.error);
    setState('recorded');
  }

  return (
    <form className="kiosk-details" onSubmit={submit}>
      <fieldset disabled={state !== 'asking'}>
        <legend className="kiosk-label">{t('details.question')}</legend>
        <p className="kiosk-hint">{t('details.hint')}</p>
        <label className="kiosk-check">
          <input type="checkbox" checked={phoneChanged} onChange={(e) => setPhoneChanged(e.target.checked)} />
          <span>{t('details.phone')}</span>
        </label>
        <label className="kiosk-check">
          <input type="checkbox" checked={addressChanged} onChange={(e) => setAddressChanged(e.target.checked)} />
          <span>{t('details.address')}</span>
        </label>
        {state === 'recorded' ? null : (
          <button type="submit" className="kiosk-button kiosk-button-secondary" disabled={!phoneChanged && !addressChanged}>
            {t('details.submit')}
          </button>
        )}
      </fieldset>
      <p role="status" className="kiosk-confirmation">{state === 'recorded' ? t('details.recorded') : ''}</p>
    </form>
  );
}
