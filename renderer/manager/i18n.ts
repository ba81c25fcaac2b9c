// The manager screens' strings: their own catalogs beside the desk's, registered on the desk's
// i18next instance under their own namespace, so the manager area can grow without touching
// the desk's catalog. The language is the desk's (useI18n), so one toggle switches both.
// English is the source of keys and placeholders; Spanish is typed against it.
import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { i18n, registerCatalogs } from '../i18n/translate';
import { managerEn } from './messages.en';
import { managerEs } from './messages.es';

export type ManagerKey = keyof typeof managerEn;
export type ManagerMessages = { readonly [K in ManagerKey]: string };

type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
type Args<K extends ManagerKey> = ManagerKey extends K ? [values?: Record<string, string | number>]
  : [PlaceholdersOf<(typeof managerEn)[K]>] extends [never] ? [] : [values: Record<PlaceholdersOf<(typeof managerEn)[K]>, string | number>];

export interface ManagerText {
  language: string;
  t<K extends ManagerKey>(key: K, ...args: Args<K>): string;
  /** A key chosen at run time (a column or a weekday), with the fallback when the catalog has none. */
  maybe(key: string, fallback: string): string;
}

export const managerNamespace = 'manager';
registerCatalogs(managerNamespace, { en: managerEn, es: managerEs });

export function useManagerText(): ManagerText {
  const { language } = useI18n();
  return useMemo(() => {
    const fixed = i18n.getFixedT(language, managerNamespace);
    const lookup = (key: string, values?: Record<string, string | number>) => fixed(key, { ...values }) as string;
    return {
      language,
      t: (key, ...args) => lookup(key, args[0] as Record<string, string | number> | undefined),
      maybe: (key, fallback) => (i18n.exists(key, { lng: language, ns: managerNamespace }) ? lookup(key) : fallback),
    };
  }, [language]);
}
