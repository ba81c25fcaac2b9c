// Sends one message exactly as the delivery outbox allows (deliveries.ts): the intent is
// committed before anything leaves, the result after.
import { createHash } from 'node:crypto';
import type { JobsContext } from '../jobs/context';
import { PermanentJobError } from '../jobs/runner';
import { beginDelivery, recordFailed, recordInDoubt, recordSent } from './deliveries';
import { SmsSendError } from './sms';

export type Message =
  | { channel: 'email'; to: string; subject: string; text: string; invite?: string; language: string }
  | { channel: 'sms'; to: string; body: string };

export type DeliveryOutcome = 'sent' | 'already_sent' | 'in_doubt';

export function messageIdFor(dedupeKey: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'frontdesk.invalid';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${host}>`;
}

export async function deliver(ctx: JobsContext, dedupeKey: string, orgId: string, appointmentId: string | null, message: Message): Promise<DeliveryOutcome> {
  const db = ctx.server.db;
  const messageId = message.channel === 'email' ? messageIdFor(dedupeKey, ctx.publicUrl) : null;
  // SMS carries an idempotency key, so an in-doubt text may go again; SMTP has no such key,
  // so an in-doubt email is not resent (at most once; docs/jobs.md).
  const start = await beginDelivery(db, { dedupeKey, orgId, appointmentId, channel: message.channel, recipient: message.to, messageRef: messageId },
    ctx.now(), { resendInDoubt: message.channel === 'sms' });
  if (!start.go) {
    if (start.status === 'sending') {
      await recordInDoubt(db, dedupeKey);
      return 'in_doubt';
    }
    return start.status === 'sent' ? 'already_sent' : 'in_doubt';
  }
  try {
    if (message.channel === 'email') {
      if (!ctx.mailer) throw new PermanentJobError('No SMTP server is configured (FRONTDESK_SMTP_HOST).');
      await ctx.mailer.send({ to: message.to, subject: message.subject, text: message.text, messageId: messageId!, invite: message.invite, language: message.language });
      await recordSent(db, dedupeKey, ctx.now(), messageId, 'accepted');
    } else {
      if (!ctx.sms) throw new PermanentJobError('No SMS provider is configured (FRONTDESK_SMS_URL).');
      const { sid, status } = await ctx.sms.send({ to: message.to, body: message.body, idempotencyKey: dedupeKey });
      await recordSent(db, dedupeKey, ctx.now(), sid, status);
    }
    return 'sent';
  } catch (e) {
    await recordFailed(db, dedupeKey, (e as Error).message);
    if (e instanceof SmsSendError && !e.retryable) throw new PermanentJobError(e.message);
    throw e;
  }
}
