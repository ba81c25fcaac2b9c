// Patient-facing words for waitlist offers, English and Spanish: the offer itself (email; the
// SMS text is templates.ts's renderWaitlistOffer), the "it has gone" notice, and the accept page.
import type { Instant } from '../rules/types';
import { formatDate, formatTime, renderOfferGone, renderWaitlistOffer, type AppointmentFacts, type EmailContent, type Language } from './templates';

export type OfferOutcome = 'booked' | 'already_booked' | 'gone' | 'expired';

export function renderOfferEmail(f: AppointmentFacts, acceptUrl: string, expiresAt: Instant, language: Language): EmailContent {
  const date = formatDate(f.startAt, f.timeZone, language);
  const time = formatTime(f.startAt, f.timeZone, language);
  const body = renderWaitlistOffer(f, acceptUrl, expiresAt, language);
  if (language === 'es') {
    return { subject: `Cita disponible: ${date} a las ${time}`, text: `${body}\n\nSi no le interesa, no tiene que hacer nada: sigue en la lista de espera.` };
  }
  return { subject: `Appointment available: ${date} at ${time}`, text: `${body}\n\nIf it does not suit you, there is nothing to do: you stay on the waiting list.` };
}

export function renderOfferGoneEmail(f: AppointmentFacts, language: Language): EmailContent {
  const date = formatDate(f.startAt, f.timeZone, language);
  const subject = language === 'es' ? `La cita del ${date} ya está ocupada` : `The ${date} appointment has been taken`;
  return { subject, text: renderOfferGone(f, language) };
}

export function offerPageLabels(language: Language): { title: string; button: string } {
  return language === 'es' ? { title: 'Aceptar la cita ofrecida', button: 'Quiero esta cita' } : { title: 'Accept the offered appointment', button: 'I want this appointment' };
}

export function renderOfferOutcome(outcome: OfferOutcome, language: Language): string {
  const es: Record<OfferOutcome, string> = {
    booked: 'Listo: la cita es suya. Recibirá un recordatorio antes de la visita.',
    already_booked: 'Esta cita ya es suya; no hay nada más que hacer.',
    gone: 'Lo sentimos, otra persona ha aceptado esta cita antes. Sigue en la lista de espera.',
    expired: 'Lo sentimos, esta oferta ha caducado. Sigue en la lista de espera.',
  };
  const en: Record<OfferOutcome, string> = {
    booked: 'Done: the appointment is yours. You will get a reminder before the visit.',
    already_booked: 'This appointment is already yours; there is nothing more to do.',
    gone: 'Sorry, someone else accepted this appointment first. You are still on the waiting list.',
    expired: 'Sorry, this offer has expired. You are still on the waiting list.',
  };
  return (language === 'es' ? es : en)[outcome];
}
