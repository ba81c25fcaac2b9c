// Patient-facing words, English and Spanish. Times are shown in the location's zone: the
// patient travels to the clinic, so its wall clock is the one that matters.
import type { Instant } from '../rules/types';

export type Language = 'en' | 'es';

export interface AppointmentFacts {
  clinicName: string;
  serviceName: string;
  providerName: string;
  address: string | null;
  startAt: Instant;
  timeZone: string;
}

export interface ReminderLinks {
  confirm?: string;
  cancel: string;
  reschedule: string;
}

const locales: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

export function formatDate(instant: Instant, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'full', timeZone }).format(instant);
}

export function formatTime(instant: Instant, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
}

function when(f: AppointmentFacts, language: Language) {
  return { date: formatDate(f.startAt, f.timeZone, language), time: formatTime(f.startAt, f.timeZone, language) };
}

export interface EmailContent {
  subject: string;
  text: string;
}

export function renderReminderEmail(f: AppointmentFacts, links: ReminderLinks, language: Language): EmailContent {
  const { date, time } = when(f, language);
  const where = f.address ? `${f.clinicName}, ${f.address}` : f.clinicName;
  if (language === 'es') {
    return {
      subject: `Recordatorio: su cita el ${date} a las ${time}`,
      text: [
        `Le recordamos su cita de ${f.serviceName} con ${f.providerName} el ${date} a las ${time}, en ${where}.`,
        '',
        ...(links.confirm ? [`Confirmar: ${links.confirm}`] : []),
        `Cancelar: ${links.cancel}`,
        `Pedir otra hora: ${links.reschedule}`,
        '',
        'La invitación adjunta añade la cita a su calendario.',
      ].join('\n'),
    };
  }
  return {
    subject: `Reminder: your appointment on ${date} at ${time}`,
    text: [
      `This is a reminder of your ${f.serviceName} appointment with ${f.providerName} on ${date} at ${time}, at ${where}.`,
      '',
      ...(links.confirm ? [`Confirm: ${links.confirm}`] : []),
      `Cancel: ${links.cancel}`,
      `Ask for another time: ${links.reschedule}`,
      '',
      'The attached invitation adds the appointment to your calendar.',
    ].join('\n'),
  };
}

export function renderReminderSms(f: AppointmentFacts, links: ReminderLinks, language: Language, askToConfirm: boolean): string {
  const { date, time } = when(f, language);
  if (language === 'es') {
    const ask = askToConfirm ? ' Responda C para confirmar o X para cancelar.' : ' Responda X para cancelar.';
    return `${f.clinicName}: cita el ${date} a las ${time} con ${f.providerName}.${ask} ${links.confirm && askToConfirm ? links.confirm : links.cancel}`;
  }
  const ask = askToConfirm ? ' Reply C to confirm or X to cancel.' : ' Reply X to cancel.';
  return `${f.clinicName}: appointment on ${date} at ${time} with ${f.providerName}.${ask} ${links.confirm && askToConfirm ? links.confirm : links.cancel}`;
}

export type AnswerOutcome = 'confirmed' | 'cancelled' | 'late_cancelled' | 'already_done' | 'not_possible' | 'reschedule_requested' | 'not_understood';

export function renderAnswerReply(outcome: AnswerOutcome, language: Language): string {
  const es: Record<AnswerOutcome, string> = {
    confirmed: 'Gracias, su cita está confirmada.',
    cancelled: 'Su cita está cancelada. Gracias por avisarnos.',
    late_cancelled: 'Su cita está cancelada. Como faltaba poco para la cita, puede aplicarse un cargo por cancelación tardía.',
    already_done: 'Ya habíamos recibido su respuesta; no hay nada más que hacer.',
    not_possible: 'No podemos cambiar esta cita desde aquí. Por favor, llame a la clínica.',
    reschedule_requested: 'Gracias. La clínica le llamará para buscar otra hora.',
    not_understood: 'No entendimos su respuesta. Responda C para confirmar o X para cancelar, o llame a la clínica.',
  };
  const en: Record<AnswerOutcome, string> = {
    confirmed: 'Thank you, your appointment is confirmed.',
    cancelled: 'Your appointment is cancelled. Thank you for letting us know.',
    late_cancelled: 'Your appointment is cancelled. As this is close to the appointment time, a late cancellation fee may apply.',
    already_done: 'We already have your answer; there is nothing more to do.',
    not_possible: 'This appointment cannot be changed from here. Please call the clinic.',
    reschedule_requested: 'Thank you. The clinic will call you to find another time.',
    not_understood: 'We did not understand your reply. Reply C to confirm or X to cancel, or call the clinic.',
  };
  return (language === 'es' ? es : en)[outcome];
}

export function renderWaitlistOffer(f: AppointmentFacts, acceptUrl: string, expiresAt: Instant, language: Language): string {
  const { date, time } = when(f, language);
  const until = formatTime(expiresAt, f.timeZone, language);
  if (language === 'es') return `${f.clinicName}: se ha liberado una cita de ${f.serviceName} el ${date} a las ${time}. La primera persona en aceptar la obtiene (hasta las ${until}): ${acceptUrl}`;
  return `${f.clinicName}: a ${f.serviceName} appointment opened up on ${date} at ${time}. The first to accept gets it (until ${until}): ${acceptUrl}`;
}

export function renderOfferGone(f: AppointmentFacts, language: Language): string {
  const { date, time } = when(f, language);
  if (language === 'es') return `${f.clinicName}: lo sentimos, la cita del ${date} a las ${time} ya está ocupada. Sigue en la lista de espera.`;
  return `${f.clinicName}: sorry, the ${date} ${time} appointment has already been taken. You are still on the waiting list.`;
}
