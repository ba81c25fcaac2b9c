import { describe, expect, it } from 'vitest';
import { parseSmsReply } from './replies';

describe('SMS replies', () => {
  it.each(['C', 'c', 'YES', ' yes. ', 'Sí', 'si!', 'Confirm'])('reads "%s" as a confirmation', (body) => {
    expect(parseSmsReply(body)).toBe('confirm');
  });
  it.each(['X', 'x', 'CANCEL', 'cancelar', 'Cancel.'])('reads "%s" as a cancellation', (body) => {
    expect(parseSmsReply(body)).toBe('cancel');
  });
  it.each(['', 'maybe', 'yes cancel', 'STOP', 'can I come at 10 instead?'])('leaves "%s" to a person', (body) => {
    expect(parseSmsReply(body)).toBeNull();
  });
});
