import { describe, expect, it } from 'vitest';
import { explainApiError } from './api-errors';
import { createTranslator, i18n, registerCatalogs } from './translate';

describe('translate on i18next', () => {
  const en = createTranslator('en');
  const es = createTranslator('es');

  it('fills single-brace placeholders in either language, without HTML escaping', () => {
    expect(en.t('schedule.titleAt', { location: 'Maple & Harbor <LA>' })).toBe('Schedule for Maple & Harbor <LA>');
    expect(es.t('dialog.closeNamed', { title: 'Nueva cita' })).toBe('Cerrar Nueva cita');
    expect(en.t('appointment.cancelledFee', { fee: '25.00' })).toBe('; fee $25.00');
  });

  it('chooses _one or _other by the count, and passes the count in', () => {
    expect(en.tn('sync.pending', 1)).toBe('1 pending change');
    expect(en.tn('sync.pending', 0)).toBe('0 pending changes');
    expect(es.tn('sync.pending', 1)).toBe('1 cambio pendiente');
    expect(es.tn('sync.pending', 3)).toBe('3 cambios pendientes');
  });

  it('says a Spanish "many" count in Spanish, not in the English fallback', () => {
    expect(es.tn('sync.pending', 1_000_000)).toBe('1000000 cambios pendientes');
  });

  it('keeps each translator on its own language whatever the shared instance was switched to', async () => {
    await i18n.changeLanguage('es');
    expect(en.t('signin.title')).toBe('Sign in');
    await i18n.changeLanguage('en');
    expect(es.t('signin.title')).toBe('Iniciar sesión');
  });

  it('takes another screen\'s catalogs under their own namespace', () => {
    registerCatalogs('testScreen', { en: { 'hello': 'Hello {name}' }, es: { 'hello': 'Hola {name}' } });
    expect(i18n.getFixedT('es', 'testScreen')('hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(es.t('signin.title')).toBe('Iniciar sesión');
  });
});

describe('API refusals in the desk language', () => {
  const es = createTranslator('es');

  it('leads with the catalog sentence where the code says enough, keeping the server sentence as details', () => {
    expect(explainApiError(es, { code: 'forbidden', message: 'A receptionist may not change providers.' }))
      .toBe('Su rol no permite hacer esto. (A receptionist may not change providers.)');
  });

  it('keeps the server sentence where the code alone would lose what matters', () => {
    const message = 'That time is taken. Dr. Noor Haddad already has Follow-up visit for Ames, Lee at 10:30.';
    expect(explainApiError(es, { code: 'collision', message })).toBe(message);
  });
});
