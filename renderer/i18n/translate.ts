// Looking a message up and filling in its {placeholders}. The English catalog is the source
// of the keys and of each message's placeholders, so a wrong key or a missing parameter is a
// type error, and Spanish must have every key (messages.es.ts is typed against it).
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

/** Plural messages come in pairs, "key_one" and "key_other", chosen by Intl.PluralRules. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}_one` ? (`${B}_other` extends MessageKey ? B : never) : never }[MessageKey];
type PluralValues<B extends PluralKey> = Omit<Values<`${B}_other` & MessageKey>, 'count'>;
type PluralArgs<B extends PluralKey> = keyof PluralValues<B> extends never ? [] : [values: PluralValues<B>];

const catalogs: Record<Language, Messages> = { en, es };
export const intlLocales: Record<Language, string> = { en: 'en-US', es: 'es-US' };

export interface Translator {
  language: Language;
  t<K extends MessageKey>(key: K, ...args: Args<K>): string;
  tn<B extends PluralKey>(key: B, count: number, ...args: PluralArgs<B>): string;
}

function fill(message: string, values: Record<string, string | number> | undefined): string {
  if (!values) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function createTranslator(language: Language): Translator {
  const messages = catalogs[language];
  const rules = new Intl.PluralRules(intlLocales[language]);
  return {
    language,
    t: (key, ...args) => fill(messages[key], args[0] as Record<string, string | number> | undefined),
    tn: (key, count, ...args) => {
      const form = rules.select(count) === 'one' ? 'one' : 'other';
      const values = { ...(args[0] as Record<string, string | number> | undefined), count };
      return fill(messages[`${key}_${form}` as MessageKey], values);
    },
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
