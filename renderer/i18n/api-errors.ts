// The API's refusals in the desk's language. Most come as keyed sentences (db/rules/refusals.ts),
// said here from the desk's catalogs. The rest are the server's English sentence, which often
// says more than its code (who holds the slot, which rule): the code's headline in the desk's
// language leads and the server's sentence follows as the details, except in English where a
// sentence that already says what happened stands alone.
import { useCallback } from 'react';
import type { ApiErrorBody } from '../api/client';
import { useI18n } from './I18nProvider';
import { en } from './messages.en';
import type { MessageKey, PluralKey, Translator } from './translate';

type Code = ApiErrorBody['code'];
type Sentence = NonNullable<ApiErrorBody['sentences']>[number];

/** Every code's headline in the desk's language. */
export const apiErrorMessages: Record<Code, MessageKey> = {
  invalid_input: 'apiError.invalidInput',
  unknown_operation: 'apiError.internal',
  unauthenticated: 'apiError.unauthenticated',
  session_locked: 'apiError.sessionLocked',
  forbidden: 'apiError.forbidden',
  not_found: 'apiError.notFound',
  collision: 'apiError.collision',
  duplicate: 'apiError.duplicate',
  not_allowed: 'apiError.notAllowed',
  too_early: 'apiError.tooEarly',
  too_late: 'apiError.tooLate',
  wrong_secret: 'apiError.wrongSecret',
  rate_limited: 'apiError.rateLimited',
  internal: 'apiError.internal',
};

/** Codes whose English server sentence says all the headline would, and more. */
const speaksForItself: ReadonlySet<Code> = new Set(['invalid_input', 'collision', 'not_allowed', 'too_early', 'too_late']);

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

// Keys and values arrive at run time, so they are checked against the catalog here rather than by type.
type LooseT = (key: MessageKey, values?: Record<string, string | number>) => string;
type LooseTn = (key: PluralKey, count: number, values?: Record<string, string | number>) => string;

/** One sentence in the desk's language, or null if this desk's catalog does not know it. */
function saySentence({ t, tn }: Translator, { key, values }: Sentence): string | null {
  if (isMessageKey(key)) return (t as LooseT)(key, values);
  if (isMessageKey(`${key}_other`) && typeof values?.count === 'number') {
    const { count, ...rest } = values;
    return (tn as LooseTn)(key as PluralKey, count, rest);
  }
  return null;
}

export function explainApiError(translator: Translator, error: ApiErrorBody): string {
  // In English the server's own sentence is the fullest: a role refusal's names the action
  // ("can't start visits"), which its keyed sentence leaves out.
  if (translator.language === 'en' && error.message && error.sentences?.length) return error.message;
  const said = error.sentences?.map((s) => saySentence(translator, s)) ?? [];
  if (said.length > 0 && said.every((s) => s !== null)) return said.join(' ');
  const headline = translator.t(apiErrorMessages[error.code]);
  if (!error.message || error.message === headline) return headline;
  if (translator.language === 'en' && speaksForItself.has(error.code)) return error.message;
  // Elsewhere the headline in the desk's language leads, so the English details are never all there is.
  return translator.t('apiError.withDetails', { headline, details: error.message });
}

export function useApiError(): (error: ApiErrorBody) => string {
  const translator = useI18n();
  return useCallback((error: ApiErrorBody) => explainApiError(translator, error), [translator]);
}

/** An error a screen keeps to show: the API's refusal as it came, or a sentence already in the user's words. */
export type ShownError = ApiErrorBody | string | null;

/** Words a kept error when it is shown, so an error on screen follows a change of language. */
export function useShownError(): (error: ShownError) => string | null {
  const explain = useApiError();
  return useCallback((error: ShownError) => (error === null || typeof error === 'string' ? error : explain(error)), [explain]);
}
