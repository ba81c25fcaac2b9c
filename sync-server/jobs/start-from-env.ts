// How a running sync server gets its jobs: `npm run sync-server` (cli.ts) and the clinic's
// embedded server call attachJobsFromEnv before listen() (Fastify takes routes only then)
// and start() once the address is known.
import type { SyncServer } from '../app';
import { createSmtpMailer } from '../reminders/email';
import { createSmsProvider } from '../reminders/sms';
import { readJobsConfig } from './config-from-env';
import { loadLinkSecret } from './link-secret';
import { attachServerJobs, type ServerJobs } from './server-jobs';

export interface ConfiguredJobs {
  /** null when FRONTDESK_JOBS=off. */
  jobs: ServerJobs | null;
  /** Links use `listenUrl` unless FRONTDESK_PUBLIC_URL says otherwise. */
  start(listenUrl: string): void;
  stop(): Promise<void>;
}

export async function attachJobsFromEnv(server: SyncServer, env: Record<string, string | undefined> = process.env, say: (line: string) => void = console.log): Promise<ConfiguredJobs> {
  const config = readJobsConfig(env);
  if (!config.enabled) {
    say('Jobs are off (FRONTDESK_JOBS=off): no reminders, no-show marking or waitlist offers from this instance.');
    return { jobs: null, start: () => undefined, stop: async () => undefined };
  }
  const mailer = config.smtp ? createSmtpMailer(config.smtp) : null;
  const statusCallbackUrl = config.publicUrl && config.smsWebhookSecret ? `${config.publicUrl}/v1/sms/status?secret=${encodeURIComponent(config.smsWebhookSecret)}` : undefined;
  const sms = config.sms ? createSmsProvider({ ...config.sms, statusCallbackUrl }) : null;
  const jobs = attachServerJobs(server, {
    publicUrl: config.publicUrl ?? 'http://127.0.0.1', linkSecret: await loadLinkSecret(server.db, config.linkSecret),
    mailer, sms, smsWebhookSecret: config.smsWebhookSecret ?? undefined, leaseMs: config.leaseMs,
    offersPerSlot: config.offersPerSlot, offerTtlMs: config.offerTtlMs,
  });
  const unconfigured = [!mailer && 'email (FRONTDESK_SMTP_HOST)', !sms && 'SMS (FRONTDESK_SMS_URL)'].filter(Boolean);
  say(`Jobs: email ${config.smtp ? `via ${config.smtp.host}:${config.smtp.port}` : 'not configured'}, SMS ${config.sms ? `via ${new URL(config.sms.baseUrl).host}` : 'not configured'}.`
    + (unconfigured.length ? ` Messages for ${unconfigured.join(' and ')} are recorded as "not sent: channel not configured".` : ''));
  return {
    jobs,
    start(listenUrl) {
      if (!config.publicUrl) {
        jobs.ctx.publicUrl = listenUrl;
        say(`Patient links point at ${listenUrl}; set FRONTDESK_PUBLIC_URL to the address patients can reach.`);
      }
      jobs.start(config.tickMs, ({ done, retried, failed }) => {
        if (done + retried + failed > 0) say(`jobs: ${done} done, ${retried} to retry, ${failed} failed`);
      });
    },
    async stop() {
      await jobs.stop();
      mailer?.close();
    },
  };
}
