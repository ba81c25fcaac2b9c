// For staff, once per tablet: the code the desk created, exchanged for this kiosk's token.
import { useState, type FormEvent } from 'react';
import { callKiosk } from '../kiosk-api';
import { useText } from '../language';
import { ScreenHeading } from '../ScreenHeading';

export type PairingNotice = 'pair.unpaired' | 'pair.empty' | 'pair.wrong' | 'pair.rateLimited' | 'problem.body';

export function PairingScreen({ notice, onPaired }: { notice: PairingNotice | null; onPaired(token: string): void }) {
  const { t } = useText();
  const [code, setCode] = useState('');
  const [isWorking, setIsWorking] = useState(false);
  const [problem, setProblem] = useState<PairingNotice | null>(notice);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '') return setProblem('pair.empty');
    setIsWorking(true);
    const result = await callKiosk('kiosk.pair', { code: code.trim() }, null);
    setIsWorking(false);
    if (result.ok) return onPaired(result.value.kioskToken);
    setProblem(result.error.code === 'rate_limited' ? 'pair.rateLimited' : result.error.code === 'wrong_secret' ? 'pair.wrong' : 'problem.body');
  }

  return (
    <section className="kiosk-screen">
      <ScreenHeading>{t('pair.title')}</ScreenHeading>
      <p className="kiosk-lead">{t('pair.intro')}</p>
      <form className="kiosk-form" onSubmit={submit} noValidate>
        <label className="kiosk-label" htmlFor="pairing-code">{t('pair.code')}</label>
        <input id="pairing-code" className="kiosk-field kiosk-field-code" value={code} onChange={(e) => setCode(e.target.value)}
          autoComplete="off" autoCapitalize="characters" autoCorrect="off" spellCheck={false} maxLength={40} />
        <div role="alert" className="kiosk-feedback">{problem ? <p>{t(problem)}</p> : null}</div>
        <div className="kiosk-actions">
          <button type="submit" className="kiosk-button kiosk-button-primary" disabled={isWorking}>
            {isWorking ? t('pair.working') : t('pair.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
