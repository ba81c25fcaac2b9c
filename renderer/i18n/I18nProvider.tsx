// The desk's language: chosen with the toggle, kept on this device (localStorage), and given
// to every screen through context. Dates and times follow it too (ui/time.ts).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { setFormatLocale } from '../ui/time';
import { createTranslator, i18n, intlLocales, isLanguage, type Language, type Translator } from './translate';

const storageKey = 'frontdesk.language';

function readSavedLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    return isLanguage(saved) ? saved : 'en';
  } catch {
    // Storage can be unavailable (a locked-down profile); the desk then starts in English.
    return 'en';
  }
}

interface I18nValue extends Translator {
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(readSavedLanguage);
  const value = useMemo<I18nValue>(() => {
    // Before the children render, so every formatted date in this render uses the new language.
    setFormatLocale(intlLocales[language]);
    // Screens on react-i18next's useTranslation follow the same choice.
    if (i18n.language !== language) void i18n.changeLanguage(language);
    return { ...createTranslator(language), setLanguage };
  }, [language]);

  useEffect(() => {
    document.documentElement.lang = language;
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Not saved: the choice still holds until the page closes.
    }
  }, [language]);

  return (
    <I18nextProvider i18n={i18n}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </I18nextProvider>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it.');
  return value;
}
