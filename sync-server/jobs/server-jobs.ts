// Wires the server's jobs to a sync server: the runner and its handlers, the periodic sweep
// that queues due work, and the patient-facing routes. Call before listen().
import { OFFERS_PER_SLOT } from '../../db/rules/waitlist';
import type { SyncServer } from '../app';
import { NO_SHOW_JOB, enqueueNoShowChecks, markNoShow } from '../policy/no-show';
import type { Mailer } from '../reminders/email';
import { ESCALATE_JOB, enqueueEscalations, escalateUnconfirmed } from '../reminders/escalate';
import { planAndEnqueueReminders } from '../reminders/plan-reminders';
import { REMINDER_JOB, sendReminder } from '../reminders/send-reminder';
import type { SmsProvider } from '../reminders/sms';
import { registerPatientLinkRoutes } from '../routes/patient-links';
import { registerSmsWebhookRoutes } from '../routes/sms-webhook';
import { OFFER_GONE_JOB, OFFER_ROUND_JOB, OFFER_SEND_JOB, runOfferRound } from '../waitlist/offer-round';
import { sendOffer, sendOfferGone } from '../waitlist/offer-messages';
import { watchFreedSlots } from '../waitlist/watch-freed-slots';
import type { BackoffOptions } from './backoff';
import type { JobsContext } from './context';
import { JobRunner, type RunSummary } from './runner';
import { createSystemAudit } from './system-audit';

export interface ServerJobsOptions {
  now?: () => number;
  publicUrl: string;
  linkSecret: Uint8Array;
  mailer?: Mailer | null;
  sms?: SmsProvider | null;
  /** Enables /v1/sms/inbound and /v1/sms/status (?secret=...). */
  smsWebhookSecret?: string;
  /** Waiting patients offered a freed slot at once (default 3). */
  offersPerSlot?: number;
  /** How long a waitlist offer stays open before the next patients are asked (default 2 h). */
  offerTtlMs?: number;
  /** How far ahead reminders are planned; at least the longest reminder offset. */
  planningHorizonMs?: number;
  leaseMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  owner?: string;
}

export interface ServerJobs {
  ctx: JobsContext;
  runner: JobRunner;
  /** Queues everything that has become due: reminders, escalations, no-show checks, waitlist offers for freed slots. */
  sweep(): Promise<void>;
  /** Sweep and run every few seconds until stop(); `onRun` hears what each run did. */
  start(intervalMs?: number, onRun?: (summary: RunSummary) => void): void;
  stop(): Promise<void>;
}

export function attachServerJobs(server: SyncServer, options: ServerJobsOptions): ServerJobs {
  const now = options.now ?? Date.now;
  const ctx: JobsContext = {
    server, now, publicUrl: options.publicUrl, linkSecret: options.linkSecret,
    mailer: options.mailer ?? null, sms: options.sms ?? null, audit: createSystemAudit(server, now),
    offerTtlMs: options.offerTtlMs ?? 2 * 3_600_000, offersPerSlot: options.offersPerSlot ?? OFFERS_PER_SLOT,
  };
  const runner = new JobRunner({
    db: server.db, now, owner: options.owner, leaseMs: options.leaseMs, backoff: options.backoff, random: options.random,
    handlers: {
      [REMINDER_JOB]: (job) => sendReminder(ctx, job),
      [ESCALATE_JOB]: (job) => escalateUnconfirmed(ctx, job),
      [NO_SHOW_JOB]: (job) => markNoShow(ctx, job),
      [OFFER_ROUND_JOB]: (job) => runOfferRound(ctx, job),
      [OFFER_SEND_JOB]: (job) => sendOffer(ctx, job),
      [OFFER_GONE_JOB]: (job) => sendOfferGone(ctx, job),
    },
  });
  registerPatientLinkRoutes(server.app, ctx);
  if (options.smsWebhookSecret) registerSmsWebhookRoutes(server.app, ctx, options.smsWebhookSecret);
  const horizon = options.planningHorizonMs ?? 8 * 86_400_000;
  const sweep = async () => {
    const t = now();
    await planAndEnqueueReminders(server.db, t, horizon);
    await enqueueEscalations(server.db, t);
    await enqueueNoShowChecks(server.db, t);
    await watchFreedSlots(server.db, t);
  };
  return {
    ctx, runner, sweep,
    start: (intervalMs = 15_000, onRun) => runner.start(intervalMs, sweep, onRun),
    stop: () => runner.stop(),
  };
}
