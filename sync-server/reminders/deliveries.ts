// The delivery outbox: intent is recorded (and committed) before a message leaves, and the
// result after. What a retry finds tells it what an earlier attempt may have done:
//   none      -> never attempted: send.
//   failed    -> the provider refused or could not be reached: send again.
//   sending   -> an attempt started and never recorded its result: the process died or
//                lost its lease mid-send. The message may or may not have gone out.
//   sent / unknown / not_sent -> settled: do nothing.
import type { Sql } from '../store/server-db';

export type DeliveryStart = { go: true; resumed: boolean } | { go: false; status: 'sent' | 'unknown' | 'sending' | 'not_sent' };

export interface DeliveryIntent {
  dedupeKey: string;
  orgId: string;
  appointmentId: string | null;
  channel: 'sms' | 'email';
  recipient: string;
  /** Known before sending for email (the Message-ID); null for SMS until the provider answers. */
  messageRef: string | null;
}

/**
 * Records the intent to send. `resendInDoubt`: whether a message left 'sending' by an earlier
 * attempt may be sent again: true only when the provider drops duplicates by idempotency key.
 */
export async function beginDelivery(db: Sql, intent: DeliveryIntent, now: number, { resendInDoubt }: { resendInDoubt: boolean }): Promise<DeliveryStart> {
  const inserted = await db.query(
    `insert into deliveries (dedupe_key, org_id, appointment_id, channel, recipient, status, message_ref, attempts, created_at)
     values ($1, $2, $3, $4, $5, 'sending', $6, 1, $7) on conflict (dedupe_key) do nothing returning dedupe_key`,
    [intent.dedupeKey, intent.orgId, intent.appointmentId, intent.channel, intent.recipient, intent.messageRef, now]);
  if (inserted.rows.length === 1) return { go: true, resumed: false };
  const resumable = resendInDoubt ? `status in ('failed', 'sending')` : `status = 'failed'`;
  const resumed = await db.query(
    `update deliveries set status = 'sending', attempts = attempts + 1, last_error = null where dedupe_key = $1 and ${resumable} returning dedupe_key`,
    [intent.dedupeKey]);
  if (resumed.rows.length === 1) return { go: true, resumed: true };
  const { rows } = await db.query<{ status: 'sent' | 'unknown' | 'sending' | 'not_sent' }>('select status from deliveries where dedupe_key = $1', [intent.dedupeKey]);
  return { go: false, status: rows[0]!.status };
}

export async function recordSent(db: Sql, dedupeKey: string, now: number, messageRef: string | null, providerStatus: string | null): Promise<void> {
  await db.query(`update deliveries set status = 'sent', sent_at = $2, message_ref = coalesce($3, message_ref), provider_status = $4 where dedupe_key = $1`,
    [dedupeKey, now, messageRef, providerStatus]);
}

export async function recordFailed(db: Sql, dedupeKey: string, error: string): Promise<void> {
  await db.query(`update deliveries set status = 'failed', last_error = $2 where dedupe_key = $1`, [dedupeKey, error.slice(0, 2000)]);
}

/**
 * A message this server has no way to send (no SMTP server or SMS provider configured):
 * recorded as settled so staff see it, and not retried; configuring the channel later does
 * not send stale reminders.
 */
export async function recordNotSent(db: Sql, intent: DeliveryIntent, now: number, reason: string): Promise<void> {
  await db.query(
    `insert into deliveries (dedupe_key, org_id, appointment_id, channel, recipient, status, attempts, created_at, last_error)
     values ($1, $2, $3, $4, $5, 'not_sent', 0, $6, $7) on conflict (dedupe_key) do nothing`,
    [intent.dedupeKey, intent.orgId, intent.appointmentId, intent.channel, intent.recipient, now, reason]);
}

/** An in-doubt message that must not be sent again: kept visible rather than retried forever. */
export async function recordInDoubt(db: Sql, dedupeKey: string): Promise<void> {
  await db.query(`update deliveries set status = 'unknown', last_error = 'an earlier attempt stopped between sending and recording; not sent again' where dedupe_key = $1 and status = 'sending'`, [dedupeKey]);
}

export async function recordProviderStatus(db: Sql, messageRef: string, providerStatus: string): Promise<boolean> {
  const { rows } = await db.query(`update deliveries set provider_status = $2 where message_ref = $1 and channel = 'sms' returning dedupe_key`, [messageRef, providerStatus]);
  return rows.length > 0;
}
