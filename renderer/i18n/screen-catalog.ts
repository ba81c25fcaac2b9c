// A screen's own strings as an i18next namespace beside the desk's catalog, and the hook that
// reads them in the desk's language (one toggle switches every screen). English is the
// source of the keys; the Spanish catalog must have every one of them.
import { useMemo } from 'react';
import { useI18n } from './I18nProvider';
import { i18n, registerCatalogs } from './translate';

export interface ScreenText<K extends string> {
  t(key: K, values?: Record<string, string | number>): string;
}

export function screenCatalog<K extends string>(namespace: string, en: Record<K, string>, es: { readonly [P in K]: string }): () => ScreenText<K> {
  registerCatalogs(namespace, { en, es });
  return function useScreenText() {
    const { language } = useI18n();
    return useMemo(() => {
      // Keys are checked against the English catalog here, not by i18next's own typing.
      const fixed = i18n.getFixedT(language, namespace) as (key: string, options: Record<string, unknown>) => string;
      return { t: (key: K, values?: Record<string, string | number>) => fixed(key, { ...values }) };
    }, [language]);
  };
}
