// What a patient's SMS reply means. Only clear answers act; anything else goes to a person.
export type SmsAnswer = 'confirm' | 'cancel';

const confirmWords = new Set(['C', 'Y', 'YES', 'CONFIRM', 'CONFIRMED', 'OK', 'SI', 'CONFIRMAR', 'CONFIRMO']);
const cancelWords = new Set(['X', 'CANCEL', 'CANCELLED', 'CANCELAR', 'CANCELO']);

export function parseSmsReply(body: string): SmsAnswer | null {
  // "Sí!", " yes. ", "x": accents, case and punctuation carry no meaning here.
  const words = body.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z\s]/g, ' ').trim().split(/\s+/).filter(Boolean);
  // "YES CANCEL" is contradictory: better a human reads it.
  const answers = new Set(words.map((w) => (confirmWords.has(w) ? 'confirm' : cancelWords.has(w) ? 'cancel' : null)));
  if (words.length === 0 || words.length > 3 || answers.has(null) || answers.size !== 1) return null;
  return [...answers][0] as SmsAnswer;
}
