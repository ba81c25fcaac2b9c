import { describe, expect, it } from 'vitest';
import { renderAnswerReply, renderReminderEmail, renderReminderSms } from './templates';

const facts = { clinicName: 'Bayview Clinic', serviceName: 'Check-up', providerName: 'Dr. Ruiz', address: '1 Main St', startAt: Date.parse('2026-11-02T09:00:00-08:00'), timeZone: 'America/Los_Angeles' };
const links = { confirm: 'https://c/confirm', cancel: 'https://c/cancel', reschedule: 'https://c/re' };

describe('reminder templates', () => {
  it('shows the clinic\'s local time in English', () => {
    const email = renderReminderEmail(facts, links, 'en');
    expect(email.subject).toBe('Reminder: your appointment on Monday, November 2, 2026 at 9:00 AM');
    expect(email.text).toContain('Confirm: https://c/confirm');
  });

  it('speaks Spanish to Spanish-speaking patients', () => {
    const email = renderReminderEmail(facts, links, 'es');
    expect(email.subject).toBe('Recordatorio: su cita el lunes, 2 de noviembre de 2026 a las 9:00');
    expect(email.text).toContain('Cancelar: https://c/cancel');
    expect(renderReminderSms(facts, links, 'es', true)).toContain('Responda C para confirmar o X para cancelar');
    expect(renderAnswerReply('confirmed', 'es')).toBe('Gracias, su cita está confirmada.');
  });
});
