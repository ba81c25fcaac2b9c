// Confirmation codes a patient reads out over the phone: six characters from an alphabet
// without the look-alikes (0/O, 1/I), the same alphabet as the demo clinic's codes.
import { randomInt } from 'node:crypto';
import type { LocalStore } from '../store/local-store';

export const CONFIRMATION_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CONFIRMATION_CODE_LENGTH = 6;

export function randomConfirmationCode(): string {
  let code = '';
  for (let i = 0; i < CONFIRMATION_CODE_LENGTH; i++) code += CONFIRMATION_CODE_ALPHABET[randomInt(CONFIRMATION_CODE_ALPHABET.length)];
  return code;
}

/**
 * A code no appointment on this device holds (the column is unique, so a clash would fail
 * the write). 32^6 is about a billion codes, so a retry is already rare; twenty in a row
 * means something other than chance.
 */
export function newConfirmationCode(store: LocalStore, generate: () => string = randomConfirmationCode): string {
  const taken = store.sqlite.prepare('select 1 from appointments where confirmation_code = ?');
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generate();
    if (!taken.get(code)) return code;
  }
  throw new Error('Could not find a free confirmation code after 20 tries.');
}
