import type { MessageKey } from '../i18n/translate';

/** The API's 0..2 urgency in the desk's words. */
export const urgencyLabels: readonly MessageKey[] = ['waitlist.urgency0', 'waitlist.urgency1', 'waitlist.urgency2'];
