// The jobs' configuration as an operator gives it: environment variables (docs/jobs.md).
// A channel without configuration is not an error: its messages are recorded as not sent.
import type { SmtpConfig } from '../reminders/email';
import type { SmsConfig } from '../reminders/sms';

export interface JobsConfig {
  enabled: boolean;
  /** Where patients reach this server; null: the address it listens on. */
  publicUrl: string | null;
  smtp: SmtpConfig | null;
  sms: Omit<SmsConfig, 'statusCallbackUrl'> | null;
  smsWebhookSecret: string | null;
  /** Given by the operator; otherwise generated once and kept in server_meta (link-secret.ts). */
  linkSecret: string | null;
  tickMs: number;
  leaseMs: number | undefined;
  offersPerSlot: number;
  offerTtlMs: number;
}

type Env = Record<string, string | undefined>;

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  return n;
}

function required(env: Env, names: string[], because: string): void {
  const missing = names.filter((n) => !env[n]);
  if (missing.length > 0) throw new Error(`${missing.join(', ')} must be set ${because}.`);
}

export function readJobsConfig(env: Env): JobsConfig {
  let smtp: SmtpConfig | null = null;
  if (env.FRONTDESK_SMTP_HOST) {
    required(env, ['FRONTDESK_SMTP_FROM'], 'with FRONTDESK_SMTP_HOST (the sender address)');
    const port = positiveInt(env, 'FRONTDESK_SMTP_PORT', 587);
    smtp = {
      host: env.FRONTDESK_SMTP_HOST, port,
      // 465 speaks TLS from the first byte; other ports upgrade with STARTTLS when offered.
      secure: env.FRONTDESK_SMTP_SECURE ? env.FRONTDESK_SMTP_SECURE === 'true' : port === 465,
      user: env.FRONTDESK_SMTP_USER || undefined, password: env.FRONTDESK_SMTP_PASSWORD, from: env.FRONTDESK_SMTP_FROM!,
    };
  }
  let sms: JobsConfig['sms'] = null;
  if (env.FRONTDESK_SMS_URL) {
    required(env, ['FRONTDESK_SMS_ACCOUNT_SID', 'FRONTDESK_SMS_AUTH_TOKEN', 'FRONTDESK_SMS_FROM'], 'with FRONTDESK_SMS_URL');
    sms = { baseUrl: env.FRONTDESK_SMS_URL, accountSid: env.FRONTDESK_SMS_ACCOUNT_SID!, authToken: env.FRONTDESK_SMS_AUTH_TOKEN!, from: env.FRONTDESK_SMS_FROM! };
  }
  const publicUrl = env.FRONTDESK_PUBLIC_URL ? new URL(env.FRONTDESK_PUBLIC_URL).toString().replace(/\/$/, '') : null;
  if (env.FRONTDESK_LINK_SECRET !== undefined && env.FRONTDESK_LINK_SECRET.length > 0 && env.FRONTDESK_LINK_SECRET.length < 32) {
    throw new Error('FRONTDESK_LINK_SECRET must be at least 32 characters (or unset, to have one generated).');
  }
  return {
    enabled: env.FRONTDESK_JOBS !== 'off',
    publicUrl, smtp, sms,
    smsWebhookSecret: env.FRONTDESK_SMS_WEBHOOK_SECRET || null,
    linkSecret: env.FRONTDESK_LINK_SECRET || null,
    tickMs: positiveInt(env, 'FRONTDESK_JOBS_TICK_MS', 15_000),
    leaseMs: env.FRONTDESK_JOBS_LEASE_MS ? positiveInt(env, 'FRONTDESK_JOBS_LEASE_MS', 0) : undefined,
    offersPerSlot: positiveInt(env, 'FRONTDESK_WAITLIST_OFFERS', 3),
    offerTtlMs: positiveInt(env, 'FRONTDESK_WAITLIST_OFFER_MINUTES', 120) * 60_000,
  };
}
