import { describe, expect, it } from 'vitest';
import { refusalSentences } from '../../db/rules/refusals';
import { en as kioskEn, es as kioskEs } from '../kiosk/messages';
import { kioskI18n } from '../kiosk/language';
import { managerEn } from '../manager/messages.en';
import { managerEs } from '../manager/messages.es';
import { en } from './messages.en';
import { es } from './messages.es';

function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Every way `translated` differs from its English source: missing or extra keys, other placeholders. */
function differences(source: Record<string, string>, translated: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [key, message] of Object.entries(source)) {
    if (!Object.hasOwn(translated, key)) found.push(`missing ${key}`);
    else if (placeholdersOf(translated[key]!).join() !== placeholdersOf(message).join()) found.push(`placeholders of ${key}`);
  }
  for (const key of Object.keys(translated)) if (!Object.hasOwn(source, key)) found.push(`extra ${key}`);
  return found;
}

describe('the Spanish catalogs', () => {
  it.each([
    ['desk', en, es],
    ['manager', managerEn, managerEs],
    ['kiosk', kioskEn, kioskEs],
  ])('has every English key of the %s, with the same placeholders', (_, source, translated) => {
    expect(differences(source, translated)).toEqual([]);
  });

  it('finds a missing key or a lost placeholder', () => {
    expect(differences({ a: 'A {name}', b: 'B', c: 'C' }, { a: 'A', c: 'C', d: 'D' })).toEqual(['placeholders of a', 'missing b', 'extra d']);
  });

  it('says every refusal the API can give in the desk, in both languages', () => {
    for (const key of Object.keys(refusalSentences)) {
      expect(en, key).toHaveProperty([key]);
      expect(es, key).toHaveProperty([key]);
    }
  });
});

describe('the kiosk on its own i18next instance', () => {
  it('fills placeholders in the chosen language without HTML escaping', () => {
    expect(kioskI18n.getFixedT('es', 'kiosk')('welcome.title', { location: 'Maple & Harbor' })).toBe('Le damos la bienvenida a Maple & Harbor');
    expect(kioskI18n.getFixedT('en', 'kiosk')('welcome.title', { location: 'Maple & Harbor' })).toBe('Welcome to Maple & Harbor');
  });

  it('holds none of the desk\'s strings', () => {
    expect(kioskI18n.exists('signin.title', { lng: 'en' })).toBe(false);
  });
});
