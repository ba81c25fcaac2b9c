// The SMS provider's callbacks: inbound replies (C / YES to confirm, X / CANCEL to cancel)
// and delivery status. The provider authenticates with a shared secret in the URL (set in
// its console as .../v1/sms/inbound?secret=...), compared in constant time.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseSmsReply } from '../../db/reminders/replies';
import { renderAnswerReply } from '../../db/reminders/templates';
import type { JobsContext } from '../jobs/context';
import { recordProviderStatus } from '../reminders/deliveries';
import { applyPatientAnswer } from '../reminders/patient-answers';
import { escapeHtml } from './patient-page';

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const twiml = (text: string) => `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeHtml(text)}</Message></Response>`;

export function registerSmsWebhookRoutes(app: FastifyInstance, ctx: JobsContext, webhookSecret: string): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    scope.addHook('onRequest', async (request, reply) => {
      if (!sameSecret((request.query as { secret?: unknown }).secret, webhookSecret)) await reply.code(403).send({ message: 'Unknown caller.' });
    });

    scope.post('/v1/sms/inbound', async (request, reply) => {
      const { From: from, Body: body, MessageSid: sid } = (request.body ?? {}) as Record<string, string | undefined>;
      if (!from || body === undefined || !sid) return reply.code(400).send({ message: 'From, Body and MessageSid are required.' });
      reply.type('text/xml; charset=utf-8');
      // The patient's next appointment still open to an answer, at any of their records with that number.
      const { rows } = await ctx.server.db.query<{ id: string; preferred_language: string }>(
        `select a.id, p.preferred_language from appointments a join patients p on p.id = a.patient_id
         where p.phone = $1 and not p.deleted and not a.deleted and a.status in ('booked', 'confirmed') and a.start_at > $2
         order by a.start_at limit 1`, [from, ctx.now()]);
      const language = rows[0]?.preferred_language === 'es' ? 'es' : 'en';
      const answer = parseSmsReply(body);
      if (!rows[0] || !answer) return reply.send(twiml(renderAnswerReply(rows[0] ? 'not_understood' : 'not_possible', language)));
      // Providers re-deliver a webhook they think failed: the message id makes that harmless.
      const result = await applyPatientAnswer(ctx, rows[0].id, answer, `sms:${sid}`, 'sms');
      return reply.send(twiml(renderAnswerReply(result.outcome, result.language)));
    });

    scope.post('/v1/sms/status', async (request, reply) => {
      const { MessageSid: sid, MessageStatus: status } = (request.body ?? {}) as Record<string, string | undefined>;
      if (!sid || !status) return reply.code(400).send({ message: 'MessageSid and MessageStatus are required.' });
      const known = await recordProviderStatus(ctx.server.db, sid, status.slice(0, 32));
      return reply.code(known ? 204 : 404).send();
    });
  });
}
