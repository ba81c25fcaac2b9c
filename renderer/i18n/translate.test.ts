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
  const en = createTranslator('en');
  const es = createTranslator('es');

  it('says a refusal\'s keyed sentences in the desk\'s language', () => {
    const error = {
      code: 'collision' as const,
      message: 'That time is taken. Dr. Noor Haddad already has Follow-up visit for Ames, Lee (K7PQ2M) at 2026-03-10 10:30-11:00. Choose another time; only a manager can overbook.',
      sentences: [
        { key: 'refusal.slotTaken' as const },
        { key: 'refusal.collision.provider' as const, values: { provider: 'Dr. Noor Haddad', service: 'Follow-up visit', patient: 'Ames, Lee', code: 'K7PQ2M', when: '2026-03-10 10:30-11:00' } },
        { key: 'refusal.collision.managerOverbooks' as const },
      ],
    };
    expect(explainApiError(es, error)).toBe('Ese horario está ocupado. Dr. Noor Haddad ya tiene Follow-up visit con Ames, Lee (K7PQ2M) el 2026-03-10 10:30-11:00. Elija otro horario; solo un responsable puede dar un sobrecupo.');
    expect(explainApiError(en, error)).toBe(error.message);
  });

  it('chooses the plural form of a counted sentence', () => {
    const wrong = (count: number) => ({ code: 'wrong_secret' as const, message: '', sentences: [{ key: 'refusal.wrongSecret' as const }, { key: 'refusal.triesLeft' as const, values: { count } }] });
    expect(explainApiError(es, wrong(1))).toBe('El PIN o la contraseña no son correctos. Queda 1 intento.');
    expect(explainApiError(es, wrong(3))).toBe('El PIN o la contraseña no son correctos. Quedan 3 intentos.');
    expect(explainApiError(en, wrong(1))).toBe('That PIN or password is not right. 1 try left.');
  });

  it('says a status change the appointment can\'t make, and why, in Spanish', () => {
    const error = {
      code: 'not_allowed' as const,
      message: 'This appointment is checked in. It can\'t be cancelled. The patient has already arrived.',
      sentences: [{ key: 'refusal.statusIs.checked_in' as const }, { key: 'refusal.cannotBecome.cancelled' as const }, { key: 'refusal.patientArrived' as const }],
    };
    expect(explainApiError(es, error)).toBe('Esta cita ya tiene la llegada registrada. No se puede cancelar. El paciente ya llegó.');
    expect(explainApiError(en, error)).toBe(error.message);
  });

  it('says an admin refusal with its count in the Spanish plural', () => {
    const upcoming = (count: number) => ({
      code: 'not_allowed' as const,
      message: '',
      sentences: [{ key: 'refusal.stillUpcoming' as const, values: { name: 'Dr. Ada Park', count } }],
    });
    expect(explainApiError(es, upcoming(1))).toBe('Dr. Ada Park aún tiene 1 cita próxima. Muévala o cancélela primero.');
    expect(explainApiError(es, upcoming(3))).toBe('Dr. Ada Park aún tiene 3 citas próximas. Muévalas o cancélelas primero.');
    expect(explainApiError(en, upcoming(1))).toBe('Dr. Ada Park still has 1 upcoming appointment. Move or cancel it first.');
  });

  it('says a role refusal by the role, without the server\'s English', () => {
    const error = { code: 'forbidden' as const, message: 'The receptionist role can\'t start visits.', sentences: [{ key: 'refusal.roleMayNot.receptionist' as const }] };
    expect(explainApiError(es, error)).toBe('El rol de recepcionista no permite hacer eso.');
    // In English the server's sentence names the action as well.
    expect(explainApiError(en, error)).toBe('The receptionist role can\'t start visits.');
  });

  it('leads with the code\'s headline where a sentence is not in the catalog, keeping the server sentence as details', () => {
    const error = { code: 'not_allowed' as const, message: 'Newer rule.', sentences: [{ key: 'refusal.fromANewerServer' as never }] };
    expect(explainApiError(es, error)).toBe('Eso no se puede hacer ahora. (Newer rule.)');
    expect(explainApiError(es, { code: 'forbidden', message: 'A receptionist may not change providers.' }))
      .toBe('Su rol no permite hacer esto. (A receptionist may not change providers.)');
  });

  it('keeps a server sentence that says it all alone, in English', () => {
    const message = 'That time is taken. Dr. Noor Haddad already has Follow-up visit for Ames, Lee at 10:30.';
    expect(explainApiError(en, { code: 'collision', message })).toBe(message);
    expect(explainApiError(es, { code: 'collision', message })).toBe(`Ese horario está ocupado. (${message})`);
  });
});
