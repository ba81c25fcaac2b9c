// The desk notifications' strings, their own namespace beside the desk's catalog
// (translate.ts registerCatalogs). The language is the desk's, so one toggle switches both.
import { screenCatalog } from '../i18n/screen-catalog';

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

export const useNotificationText = screenCatalog('notifications', notificationsEn, notificationsEs);
