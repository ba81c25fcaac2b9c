// Each device's audit chain checked on this device: "verified", or where it first breaks.
import { useState } from 'react';
import { invoke, type ApiOutput } from '../../api/client';
import { ErrorMessage } from '../../ui/Dialog';
import { shortId } from '../format';
import { useManagerText } from '../i18n';
import { useShownError, type ShownError } from '../../i18n/api-errors';

type ChainReport = ApiOutput<'audit.verifyChains'>['devices'][number];

export function ChainStatus() {
  const { t } = useManagerText();
  const shown = useShownError();
  const [reports, setReports] = useState<ChainReport[] | null>(null);
  const [error, setError] = useState<ShownError>(null);
  return (
    <section className="panel" aria-labelledby="chains-title">
      <h2 id="chains-title">{t('audit.chains')}</h2>
      <button type="button" className="button-secondary" onClick={() => {
        void invoke('audit.verifyChains', {}).then((r) => (r.ok ? setReports(r.value.devices) : setError(r.error)));
      }}>{t('audit.verify')}</button>
      <ErrorMessage message={shown(error)} />
      {reports?.length === 0 ? <p role="status">{t('audit.noChains')}</p> : null}
      {reports && reports.length > 0 ? (
        <ul className="plain-list chain-list" aria-label={t('audit.chains')}>
          {reports.map((d) => (
            <li key={d.deviceId} className={d.status === 'verified' ? 'chain-ok' : 'chain-broken'}>
              <span>{t('audit.device', { device: shortId(d.deviceId) })}{d.isThisDevice ? ` (${t('audit.thisDevice')})` : ''}</span>
              <strong>{d.status === 'verified' ? t('audit.verified', { events: d.events }) : t('audit.brokenAt', { n: d.brokenAt })}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
