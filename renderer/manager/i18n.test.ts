import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { useManagerText } from './i18n';

/** The desk remembers its language in localStorage, which a page has and Node does not. */
function rememberLanguage(language: string): void {
  const saved = new Map([['frontdesk.language', language]]);
  vi.stubGlobal('localStorage', { getItem: (key: string) => saved.get(key) ?? null, setItem: (key: string, value: string) => saved.set(key, value) });
}

function Probe() {
  const { language, t, maybe } = useManagerText();
  return [language, t('nav.manage'), t('dashboard.downloadCsv', { table: 'A & B' }), maybe('column.providerName', '?'), maybe('column.unheardOf', 'as sent')].join('|');
}

const render = () => renderToString(createElement(I18nProvider, null, createElement(Probe)));

describe('useManagerText on the desk\'s i18next instance', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the manager\'s strings in the desk\'s language, with a fallback for keys the catalog lacks', () => {
    rememberLanguage('es');
    expect(render()).toBe('es|Gestión|Descargar CSV: A &amp; B|Profesional|as sent');
  });

  it('speaks English by default', () => {
    rememberLanguage('en');
    expect(render()).toBe('en|Manage|Download CSV: A &amp; B|Provider|as sent');
  });
});
