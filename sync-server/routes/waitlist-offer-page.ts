// The page behind a waitlist offer's link (/p/<token> with action accept_offer): GET describes
// the slot, POST accepts it. As with the other patient links, only POST acts.
import { offerPageLabels, renderOfferOutcome, type OfferOutcome } from '../../db/reminders/offer-templates';
import { formatDate, formatTime } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import { acceptOffer } from '../waitlist/accept-offer';
import { loadOfferFacts } from '../waitlist/offer-facts';
import { patientPage } from './patient-page';

export interface OfferPage {
  status: number;
  html: string;
}

const closed: Partial<Record<string, OfferOutcome>> = { accepted: 'already_booked', gone: 'gone', expired: 'expired' };

export async function showOfferPage(ctx: JobsContext, offerId: string, actionUrl: string): Promise<OfferPage> {
  const o = await loadOfferFacts(ctx.server.db, offerId);
  if (!o) return { status: 404, html: patientPage({ language: 'en', title: 'Not found', message: 'This offer is no longer available.' }) };
  const language = o.patient.language;
  const { title, button } = offerPageLabels(language);
  const outcome = closed[o.status] ?? (o.expiresAt <= ctx.now() ? 'expired' : null);
  if (outcome) return { status: 200, html: patientPage({ language, title, message: renderOfferOutcome(outcome, language) }) };
  const f = o.facts;
  const message = `${f.serviceName} – ${f.providerName} – ${f.clinicName} – ${formatDate(f.startAt, f.timeZone, language)}, ${formatTime(f.startAt, f.timeZone, language)}`;
  return { status: 200, html: patientPage({ language, title, message, action: { label: button, url: actionUrl } }) };
}

export async function answerOfferPage(ctx: JobsContext, offerId: string): Promise<OfferPage> {
  const { outcome, language } = await acceptOffer(ctx, offerId);
  const status = outcome === 'booked' || outcome === 'already_booked' ? 200 : 409;
  return { status, html: patientPage({ language, title: offerPageLabels(language).title, message: renderOfferOutcome(outcome, language) }) };
}
