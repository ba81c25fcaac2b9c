// Each language is named in itself, so a patient who reads only one of them finds it.
import { languages, useText, type Language } from './language';

const names: Record<Language, string> = { en: 'English', es: 'Español' };

export function LanguageToggle() {
  const { language, setLanguage, t } = useText();
  return (
    <div className="kiosk-language" role="group" aria-label={t('language.group')}>
      {languages.map((l) => (
        <button key={l} type="button" lang={l} className="kiosk-button kiosk-button-toggle" aria-pressed={language === l} onClick={() => setLanguage(l)}>
          {names[l]}
        </button>
      ))}
    </div>
  );
}
