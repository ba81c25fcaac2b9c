// The API's refusals in the desk's language. The server speaks English and often says more
// than its code (who holds the slot, which rule): where the code alone says what the person
// needs to know, the catalog's sentence leads and the server's follows as the details;
// otherwise the server's own sentence is the message.
import { useCallback } from 'react';
import type { ApiErrorBody } from '../api/client';
import { useI18n } from './I18nProvider';
import type { MessageKey, Translator } from './translate';

type Code = ApiErrorBody['code'];

export const apiErrorMessages: Partial<Record<Code, MessageKey>> = {
  unauthenticated: 'apiError.unauthenticated',
  session_locked: 'apiError.sessionLocked',
  forbidden: 'apiError.forbidden',
  not_found: 'apiError.notFound',
  duplicate: 'apiError.duplicate',
  rate_limited: 'apiError.rateLimited',
  wrong_secret: 'apiError.wrongSecret',
  unknown_operation: 'apiError.internal',
  internal: 'apiError.internal',
};

export function explainApiError(t: Translator['t'], error: ApiErrorBody): string {
  const key = apiErrorMessages[error.code];
  if (!key) return error.message;
  const headline = t(key);
  return error.message && error.message !== headline ? t('apiError.withDetails', { headline, details: error.message }) : headline;
}

export function useApiError(): (error: ApiErrorBody) => string {
  const { t } = useI18n();
  return useCallback((error: ApiErrorBody) => explainApiError(t, error), [t]);
}
