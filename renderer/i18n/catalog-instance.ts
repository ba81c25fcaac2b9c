// An i18next instance over typed catalogs with single-brace {placeholders} and flat keys. The
// desk (translate.ts) and the kiosk (a separate page with its own catalogs) each make one, so
// the kiosk's bundle carries none of the desk's strings.
import i18next, { type i18n as I18n } from 'i18next';

/**
 * A catalog as i18next resources. A language may have plural forms the catalog does not spell
 * out (Spanish has "many" for a million); those read as the "_other" message rather than
 * falling back to English.
 */
export function toResources(locale: string, messages: Record<string, string>): Record<string, string> {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const resources: Record<string, string> = { ...messages };
  for (const [key, message] of Object.entries(messages)) {
    if (!key.endsWith('_other')) continue;
    const base = key.slice(0, -'_other'.length);
    for (const category of categories) resources[`${base}_${category}`] ??= message;
  }
  return resources;
}

interface CatalogSetup<L extends string> {
  languages: readonly L[];
  /** The Intl locale of each language, for its plural rules. */
  locales: Record<L, string>;
  namespace: string;
  catalogs: Record<L, Record<string, string>>;
}

export function createCatalogInstance<L extends string>({ languages, locales, namespace, catalogs }: CatalogSetup<L>): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(languages.map((l) => [l, { [namespace]: toResources(locales[l], catalogs[l]) }])),
    lng: languages[0],
    fallbackLng: languages[0],
    supportedLngs: [...languages],
    ns: [namespace],
    defaultNS: namespace,
    // Keys are flat ("schedule.title"); a dot or colon in them is not a path or a namespace.
    keySeparator: false,
    nsSeparator: false,
    // Resources are inline, so init finishes before the first render.
    initAsync: false,
    interpolation: { prefix: '{', suffix: '}', escapeValue: false },
    returnNull: false,
  });
  return instance;
}
