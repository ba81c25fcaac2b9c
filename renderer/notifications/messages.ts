// The desk notifications' strings, their own namespace beside the desk's catalog
// (translate.ts registerCatalogs). The language is the desk's, so one toggle switches both.
import { useMemo } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { i18n, registerCatalogs } from '../i18n/translate';

const notificationsEn = {
  'region': 'Notifications',
  'checkedIn': '{patient} checked in for {time} with {provider}.',
  'checkedInNoProvider': '{patient} checked in for {time}.',
  'dismiss': 'Dismiss',
  'dismissNamed': 'Dismiss: {message}',
} as const;

export type NotificationKey = keyof typeof notificationsEn;

const notificationsEs: { readonly [K in NotificationKey]: string } = {
  'region': 'Avisos',
  'checkedIn': '{patient} registró su llegada para las {time} con {provider}.',
  'checkedInNoProvider': '{patient} registró su llegada para las {time}.',
  'dismiss': 'Descartar',
  'dismissNamed': 'Descartar: {message}',
};

const namespace = 'notifications';
registerCatalogs(namespace, { en: notificationsEn, es: notificationsEs });

export function useNotificationText(): { t(key: NotificationKey, values?: Record<string, string | number>): string } {
  const { language } = useI18n();
  return useMemo(() => {
    const fixed = i18n.getFixedT(language, namespace);
    return { t: (key, values) => fixed(key, { ...values }) as string };
  }, [language]);
}
