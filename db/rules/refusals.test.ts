import { describe, expect, it } from 'vitest';
import { englishOf, findSentence, inEnglish, say } from './refusals';

describe('refusals as keyed sentences', () => {
  it('fills the placeholders of a sentence in English', () => {
    expect(inEnglish([say('refusal.providerNotOffering', { provider: 'Dr. B', service: 'Skin check' })])).toBe('Dr. B does not offer Skin check.');
  });

  it('joins sentences and picks the English plural by the count', () => {
    expect(inEnglish([say('refusal.wrongSecret'), say('refusal.triesLeft', { count: 1 })])).toBe('That PIN or password is not right. 1 try left.');
    expect(inEnglish([say('refusal.tooManyTries', { count: 5 })])).toBe('Too many wrong tries. Wait 5 minutes, or ask a manager.');
  });

  it('finds the sentence a zod message came from, and nothing for any other text', () => {
    expect(findSentence(englishOf('refusal.firstNameMissing'))).toEqual({ key: 'refusal.firstNameMissing' });
    expect(findSentence('Too small: expected string to have >=1 characters')).toBeNull();
  });
});
