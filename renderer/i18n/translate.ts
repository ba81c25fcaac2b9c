// Looking a message up and filling in its {placeholders}, on i18next. The English catalog is
// the source of the keys and of each message's placeholders, so a wrong key or a missing
// parameter is a type error, and Spanish must have every key (messages.es.ts is typed
// against it). i18next does the lookup, the plural choice (_one/_other by Intl.PluralRules)
// and the interpolation; the catalogs keep their single-brace {placeholders}.
import { createCatalogInstance, toResources } from './catalog-instance';
import { en } from './messages.en';
import { es } from './messages.es';

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };
export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
type Values<K extends MessageKey> = Record<PlaceholdersOf<(typeof en)[K]>, string | number>;

/**
 * Keys that need no values, and keys with the values they need. A key only known as
 * MessageKey (from a lookup table of labels) cannot be checked, and takes optional values.
 */
type Args<K extends MessageKey> = MessageKey extends K ? [values?: Record<string, string | number>]
  : [PlaceholdersOf<(typeof en)[K]>] extends [never] ? [] : [values: Values<K>];

/** Plural messages come in pairs, "key_one" and "key_other"; i18next chooses by Intl.PluralRules. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never }[MessageKey];
type PluralValues<B extends PluralKey> = Omit<Values<`${B}_other` & MessageKey>, 'count'>;
type PluralArgs<B extends PluralKey> = keyof PluralValues<B> extends never ? [] : [values: PluralValues<B>];

const catalogs: Record<Language, Messages> = { en, es };
export const intlLocales: Record<Language, string> = { en: 'en-US', es: 'es-US' };
/** The desk's own strings; other screens register theirs under their own namespace (registerCatalogs). */
export const deskNamespace = 'desk';

export interface Translator {
  language: Language;
  t<K extends MessageKey>(key: K, ...args: Args<K>): string;
  tn<B extends PluralKey>(key: B, count: number, ...args: PluralArgs<B>): string;
}

/** The one i18next instance the desk's screens share (I18nProvider hands it to react-i18next too). */
export const i18n = createCatalogInstance({ languages, locales: intlLocales, namespace: deskNamespace, catalogs });

/** Adds a screen's own catalogs (one per language) under its namespace; call once, before it renders. */
export function registerCatalogs(namespace: string, byLanguage: Record<Language, Record<string, string>>): void {
  for (const language of languages) i18n.addResourceBundle(language, namespace, toResources(intlLocales[language], byLanguage[language]), true, true);
}

export function createTranslator(language: Language): Translator {
  const fixed = i18n.getFixedT(language, deskNamespace);
  const lookup = (key: string, values: Record<string, string | number> | undefined) => fixed(key, { ...values }) as string;
  return {
    language,
    t: (key, ...args) => lookup(key, args[0] as Record<string, string | number> | undefined),
    tn: (key, count, ...args) => lookup(key, { ...(args[0] as Record<string, string | number> | undefined), count }),
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
