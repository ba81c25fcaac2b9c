// Two buttons, each named in its own language, so someone who reads only one finds it.
import { useI18n } from './I18nProvider';
import { languages, type Language } from './translate';

const names: Record<Language, string> = { en: 'English', es: 'Español' };

export function LanguageToggle() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-toggle" role="group" aria-label={t('language.toggle')}>
      {languages.map((l) => (
        <button key={l} type="button" lang={l} className="button-quiet" aria-pressed={language === l} onClick={() => setLanguage(l)}>
          {names[l]}
        </button>
      ))}
    </div>
  );
}
