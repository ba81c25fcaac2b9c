// Kiosk check-in from this desk: whether tablets on the clinic network may reach it (off by
// default: the kiosk page then exists on 127.0.0.1 only), pairing a tablet with a one-time
// code read out at the desk, and unpairing a lost or retired tablet at once.
import { useCallback, useEffect, useId, useState } from 'react';
import { invoke, subscribe, type ApiOutput } from '../api/client';
import { useShownError, type ShownError } from '../i18n/api-errors';
import { ErrorMessage } from '../ui/Dialog';
import { formatDateTime, formatTime } from '../ui/time';
import { useSettingsText } from './messages';

type LanAccess = ApiOutput<'kiosk.lanAccess'>;
type Kiosk = ApiOutput<'kiosk.list'>['kiosks'][number];
interface Place { id: string; name: string; timeZone: string }

export function KioskSettings({ locations, defaultLocationId }: { locations: Place[]; defaultLocationId: string | null }) {
  const { t } = useSettingsText();
  const shown = useShownError();
  const ids = { lan: useId(), name: useId(), location: useId() };
  const [lan, setLan] = useState<LanAccess | null>(null);
  const [kiosks, setKiosks] = useState<Kiosk[]>([]);
  const [name, setName] = useState(() => t('kiosk.defaultName'));
  const [locationId, setLocationId] = useState(defaultLocationId ?? locations[0]?.id ?? '');
  const [code, setCode] = useState<{ code: string; expiresAt: number; timeZone: string } | null>(null);
  const [isSwitching, setIsSwitching] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    void Promise.all([invoke('kiosk.lanAccess', {}), invoke('kiosk.list', {})]).then(([l, k]) => {
      if (!l.ok) return setError(l.error);
      if (!k.ok) return setError(k.error);
      setLan(l.value);
      setKiosks(k.value.kiosks.filter((kiosk) => kiosk.revokedAt === null));
    });
  }, []);
  useEffect(load, [load]);
  // A tablet pairs, or the listener comes up or fails, after the call that asked for it: the
  // desk says so with a change event.
  useEffect(() => subscribe((event) => {
    if (event.type === 'changed' && event.tables.some((t) => t === 'kiosk_devices' || t === 'kiosk_lan')) load();
  }), [load]);
  // A code that expired unused is taken off the screen.
  useEffect(() => {
    if (!code) return;
    const timer = setTimeout(() => setCode(null), Math.max(0, code.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [code]);

  async function switchLan(enabled: boolean) {
    // The box follows the hand at once; the listener's address or problem follows the reading.
    setLan((current) => (current ? { ...current, enabled } : current));
    setIsSwitching(true);
    const result = await invoke('kiosk.setLanAccess', { enabled });
    setIsSwitching(false);
    if (result.ok) return setError(null);
    setError(result.error);
    // Refused: the box goes back to what the desk has. (A change comes back as an event.)
    load();
  }

  async function createCode() {
    const place = locations.find((l) => l.id === locationId);
    const result = await invoke('kiosk.createPairingCode', { locationId, name });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCode({ code: result.value.code, expiresAt: result.value.expiresAt, timeZone: place?.timeZone ?? 'UTC' });
  }

  async function unpair(kiosk: Kiosk) {
    const result = await invoke('kiosk.revoke', { kioskId: kiosk.id });
    if (!result.ok) return setError(result.error);
    setError(null);
    setNotice(t('kiosk.unpaired', { name: kiosk.name }));
  }

  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? '';
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? 'UTC';
  const status = lan?.status;

  return (
    <section className="settings-section" aria-labelledby={`${ids.lan}-heading`}>
      <h3 id={`${ids.lan}-heading`}>{t('kiosk.heading')}</h3>
      <ErrorMessage message={shown(error)} />
      {notice ? <p role="status" className="message message-info">{notice}</p> : null}

      <div className="check-field">
        <input id={ids.lan} type="checkbox" checked={lan?.enabled ?? false} disabled={!lan || isSwitching}
          aria-describedby={`${ids.lan}-status`} onChange={(e) => void switchLan(e.target.checked)} />
        <label htmlFor={ids.lan}>{t('kiosk.lan')}</label>
      </div>
      <div id={`${ids.lan}-status`} className="hint" aria-live="polite">
        {!lan?.enabled ? <p>{t('kiosk.lanOff')}</p> : null}
        {lan?.enabled && status?.listening && status.url ? (
          <>
            <p>{t('kiosk.lanOn', { url: status.url })}</p>
            {status.certificateFingerprint ? <p className="fingerprint">{t('kiosk.fingerprint', { fingerprint: status.certificateFingerprint })}</p> : null}
          </>
        ) : null}
        {lan?.enabled && !status?.listening ? <p>{status?.problem ? t(`kiosk.problem.${status.problem}`) : t('kiosk.lanStarting')}</p> : null}
        <p>{t('kiosk.thisComputer', { url: `${window.location.origin}/kiosk.html` })}</p>
      </div>

      <h4>{t('kiosk.pairHeading')}</h4>
      <form className="settings-row" onSubmit={(e) => { e.preventDefault(); void createCode(); }}>
        <label htmlFor={ids.name}>{t('kiosk.name')}</label>
        <input id={ids.name} className="field" value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
        <label htmlFor={ids.location}>{t('kiosk.location')}</label>
        <select id={ids.location} className="field" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
        <button type="submit" className="button-secondary" disabled={!locationId || name.trim() === ''}>{t('kiosk.createCode')}</button>
      </form>
      {code ? (
        <div role="status" className="pairing-code">
          <p>{t('kiosk.code')} <strong className="code">{code.code}</strong></p>
          <p className="hint">{t('kiosk.codeExpires', { time: formatTime(code.expiresAt, code.timeZone) })}</p>
        </div>
      ) : null}

      <h4>{t('kiosk.paired')}</h4>
      {kiosks.length === 0 ? <p>{t('kiosk.none')}</p> : (
        <ul className="plain-list" aria-label={t('kiosk.paired')}>
          {kiosks.map((k) => (
            <li key={k.id} className="waitlist-entry">
              <div>
                <p className="waitlist-patient">{k.name}</p>
                <p className="hint">{locationName(k.locationId)} · {t('kiosk.pairedAt', { when: formatDateTime(k.pairedAt, zoneOf(k.locationId)) })}</p>
              </div>
              <button type="button" className="button-secondary" aria-label={t('kiosk.unpairNamed', { name: k.name })} onClick={() => void unpair(k)}>{t('kiosk.unpair')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
