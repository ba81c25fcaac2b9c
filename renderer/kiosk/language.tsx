// The kiosk's language: English or Spanish, chosen with the toggle and kept on this device,
// so a tablet in a mostly Spanish-speaking lobby stays in Spanish after a restart or an idle reset.
// Messages are looked up and filled by the kiosk's own i18next instance: kiosk.html is its own
// page, and carries none of the desk's catalogs.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createCatalogInstance } from '../i18n/catalog-instance';
import { en, es, type MessageKey } from './messages';

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

const locales: Record<Language, string> = { en: 'en-US', es: 'es-US' };
const storageKey = 'frontdesk.kiosk.language';
const namespace = 'kiosk';
export const kioskI18n = createCatalogInstance({ languages, locales, namespace, catalogs: { en, es } });

type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
type Args<K extends MessageKey> = [PlaceholdersOf<(typeof en)[K]>] extends [never] ? [] : [values: Record<PlaceholdersOf<(typeof en)[K]>, string>];

export interface KioskText {
  language: Language;
  t<K extends MessageKey>(key: K, ...args: Args<K>): string;
  /** "14:05" on the clinic's clock, as people read times in this language. */
  clock(time: string): string;
  monthNames: string[];
  setLanguage(language: Language): void;
}

function readSavedLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'es' || saved === 'en' ? saved : 'en';
  } catch {
    return 'en';
  }
}

function formatClock(time: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return time;
  // A wall-clock time, not an instant: format it in UTC so the tablet's own zone cannot shift it.
  const at = Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]));
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(at);
}

const TextContext = createContext<KioskText | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(readSavedLanguage);
  const value = useMemo<KioskText>(() => {
    const fixed = kioskI18n.getFixedT(language, namespace);
    const lookup = (key: string, values: Record<string, string> | undefined) => fixed(key, { ...values }) as string;
    const locale = locales[language];
    const months = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    return {
      language,
      t: (key, ...args) => lookup(key, args[0] as Record<string, string> | undefined),
      clock: (time) => formatClock(time, locale),
      monthNames: Array.from({ length: 12 }, (_, i) => months.format(Date.UTC(2000, i, 1))),
      setLanguage,
    };
  }, [language]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = value.t('page.title');
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // A locked-down browser profile: the choice holds until the page reloads.
    }
  }, [language, value]);

  return <TextContext.Provider value={value}>{children}</TextContext.Provider>;
}

export function useText(): KioskText {
  const value = useContext(TextContext);
  if (!value) throw new Error('useText needs a LanguageProvider above it.');
  return value;
}
