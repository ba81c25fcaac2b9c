// /p/<token>: the confirm, cancel and reschedule links in reminders. GET only shows what the
// link will do; POST does it. Mail scanners and link previews fetch every URL in a message,
// and a GET that cancelled would cancel appointments nobody meant to touch.
import type { FastifyInstance } from 'fastify';
import { verifyLinkToken, type LinkAction } from '../../db/reminders/links';
import { formatDate, formatTime, renderAnswerReply, type Language } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import { loadAppointmentFacts } from '../reminders/appointment-facts';
import { applyPatientAnswer } from '../reminders/patient-answers';
import { patientPage } from './patient-page';
import { answerOfferPage, showOfferPage } from './waitlist-offer-page';

const labels: Record<Language, Record<Exclude<LinkAction, 'accept_offer'>, { title: string; button: string }>> = {
  en: { confirm: { title: 'Confirm your appointment', button: 'Confirm' }, cancel: { title: 'Cancel your appointment', button: 'Cancel the appointment' }, reschedule: { title: 'Ask for another time', button: 'Ask the clinic to call me' } },
  es: { confirm: { title: 'Confirmar su cita', button: 'Confirmar' }, cancel: { title: 'Cancelar su cita', button: 'Cancelar la cita' }, reschedule: { title: 'Pedir otra hora', button: 'Que la clínica me llame' } },
};

const refusals = {
  expired: { status: 410, text: 'This link has expired. Please call the clinic.' },
  tampered: { status: 403, text: 'This link is not valid. Please use the link from your message, or call the clinic.' },
  malformed: { status: 400, text: 'This link is not valid. Please use the link from your message, or call the clinic.' },
};

export function registerPatientLinkRoutes(app: FastifyInstance, ctx: JobsContext): void {
  const verify = (token: string) => verifyLinkToken(token, ctx.linkSecret, ctx.now());

  app.get<{ Params: { token: string } }>('/p/:token', async (request, reply) => {
    const verdict = verify(request.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!verdict.ok) return reply.code(refusals[verdict.reason].status).send(patientPage({ language: 'en', title: 'Link not valid', message: refusals[verdict.reason].text }));
    const { action, targetId } = verdict.claims;
    if (action === 'accept_offer') {
      const page = await showOfferPage(ctx, targetId, `/p/${request.params.token}`);
      return reply.code(page.status).send(page.html);
    }
    const f = await loadAppointmentFacts(ctx.server.db, targetId);
    if (!f) return reply.code(404).send(patientPage({ language: 'en', title: 'Not found', message: 'This appointment no longer exists. Please call the clinic.' }));
    const language = f.patient.language;
    const { title, button } = labels[language][action];
    const when = `${formatDate(f.appointment.startAt, f.timeZone, language)}, ${formatTime(f.appointment.startAt, f.timeZone, language)}`;
    const message = `${f.serviceName} – ${f.providerName} – ${f.clinicName} – ${when}`;
    return reply.send(patientPage({ language, title, message, action: { label: button, url: `/p/${request.params.token}` } }));
  });

  app.post<{ Params: { token: string } }>('/p/:token', async (request, reply) => {
    const verdict = verify(request.params.token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!verdict.ok) return reply.code(refusals[verdict.reason].status).send(patientPage({ language: 'en', title: 'Link not valid', message: refusals[verdict.reason].text }));
    const { action, targetId, nonce } = verdict.claims;
    if (action === 'accept_offer') {
      const page = await answerOfferPage(ctx, targetId);
      return reply.code(page.status).send(page.html);
    }
    const { outcome, language } = await applyPatientAnswer(ctx, targetId, action, `link:${nonce}`, 'link');
    const status = outcome === 'not_possible' ? 409 : 200;
    return reply.code(status).send(patientPage({ language, title: labels[language][action].title, message: renderAnswerReply(outcome, language) }));
  });
}
