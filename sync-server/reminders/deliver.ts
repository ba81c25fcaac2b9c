// Sends one message exactly as the delivery outbox allows (deliveries.ts): the intent is
// committed before anything leaves, the result after.
import { createHash } from 'node:crypto';
import type { JobsContext } from '../jobs/context';
import { PermanentJobError } from '../jobs/runner';
import { beginDelivery, recordFailed, recordInDoubt, recordNotSent, recordSent } from './deliveries';
import { SmsSendError } from './sms';
import { raiseStaffTask } from './staff-tasks';

export type Message =
  | { channel: 'email'; to: string; subject: string; text: string; invite?: string; language: string }
  | { channel: 'sms'; to: string; body: string };

export type DeliveryOutcome = 'sent' | 'already_sent' | 'in_doubt' | 'not_sent';

const notConfigured = {
  email: 'not sent: channel not configured (no SMTP server; set FRONTDESK_SMTP_HOST)',
  sms: 'not sent: channel not configured (no SMS provider; set FRONTDESK_SMS_URL)',
};

export function messageIdFor(dedupeKey: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'frontdesk.invalid';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${host}>`;
}

export async function deliver(ctx: JobsContext, dedupeKey: string, orgId: string, appointmentId: string | null, message: Message): Promise<DeliveryOutcome> {
  const db = ctx.server.db;
  const messageId = message.channel === 'email' ? messageIdFor(dedupeKey, ctx.publicUrl) : null;
  const intent = { dedupeKey, orgId, appointmentId, channel: message.channel, recipient: message.to, messageRef: messageId };
  if (!(message.channel === 'email' ? ctx.mailer : ctx.sms)) {
    await recordNotSent(db, intent, ctx.now(), notConfigured[message.channel]);
    return 'not_sent';
  }
  // SMS carries an idempotency key, so an in-doubt text may go again; SMTP has no such key,
  // so an in-doubt email is not resent (at most once; docs/jobs.md).
  const start = await beginDelivery(db, intent, ctx.now(), { resendInDoubt: message.channel === 'sms' });
  if (!start.go) {
    if (start.status === 'sending') {
      // The task first: raising it twice is one task, and a crash in between still leaves one.
      if (appointmentId) await askStaffToCheck(ctx, orgId, appointmentId, dedupeKey, message.to);
      await recordInDoubt(db, dedupeKey);
      return 'in_doubt';
    }
    return start.status === 'sent' ? 'already_sent' : start.status === 'not_sent' ? 'not_sent' : 'in_doubt';
  }
  try {
    if (message.channel === 'email') {
      await ctx.mailer!.send({ to: message.to, subject: message.subject, text: message.text, messageId: messageId!, invite: message.invite, language: message.language });
      await recordSent(db, dedupeKey, ctx.now(), messageId, 'accepted');
    } else {
      const { sid, status } = await ctx.sms!.send({ to: message.to, body: message.body, idempotencyKey: dedupeKey });
      await recordSent(db, dedupeKey, ctx.now(), sid, status);
    }
    return 'sent';
  } catch (e) {
    await recordFailed(db, dedupeKey, (e as Error).message);
    if (e instanceof SmsSendError && !e.retryable) throw new PermanentJobError(e.message);
    throw e;
  }
}

/** An email that may or may not have gone out is never resent: a person decides (docs/jobs.md). */
async function askStaffToCheck(ctx: JobsContext, orgId: string, appointmentId: string, dedupeKey: string, recipient: string): Promise<void> {
  const { rows } = await ctx.server.db.query<{ location_id: string; start_at: number }>('select location_id, start_at from appointments where id = $1', [appointmentId]);
  if (!rows[0]) return;
  await raiseStaffTask(ctx, orgId, {
    key: `in_doubt:${dedupeKey}`, locationId: rows[0].location_id, appointmentId, kind: 'reminder_undeliverable', dueAt: Number(rows[0].start_at),
    title: `A message to ${recipient} may not have been sent (the server stopped while sending it); it will not be resent. Please check with the patient.`,
  });
}
