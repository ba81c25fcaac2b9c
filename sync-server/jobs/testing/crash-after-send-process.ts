// A sync server with jobs in its own process, for the kill test: usage crash-after-send-process.ts <dataDir>.
// Channels come from the FRONTDESK_* environment as in production (config-from-env.ts).
//   FRONTDESK_CRASH_AFTER_SEND=1: SIGKILL itself as soon as a message has left (the SMTP
//     server or the SMS provider accepted it) and before the delivery is recorded.
// Prints {"ready": true} once it listens and one JSON line per run of jobs that did something.
import { createSyncServer } from '../../app';
import { createSmtpMailer, type Mailer } from '../../reminders/email';
import { createSmsProvider, type SmsProvider } from '../../reminders/sms';
import { openPgliteServerDb } from '../../store/open-pglite';
import { readJobsConfig } from '../config-from-env';
import { loadLinkSecret } from '../link-secret';
import { attachServerJobs } from '../server-jobs';

const [dataDir] = process.argv.slice(2) as [string];
const crash = process.env.FRONTDESK_CRASH_AFTER_SEND === '1';
const config = readJobsConfig(process.env);

const dieAfter = async <T>(sending: Promise<T>): Promise<T> => {
  const result = await sending;
  if (crash) process.kill(process.pid, 'SIGKILL');
  return result;
};
const smtp = config.smtp ? createSmtpMailer(config.smtp) : null;
const mailer: Mailer | null = smtp && { send: (m) => dieAfter(smtp.send(m)), close: () => smtp.close() };
const provider = config.sms ? createSmsProvider(config.sms) : null;
const sms: SmsProvider | null = provider && { send: (m) => dieAfter(provider.send(m)) };

const db = await openPgliteServerDb(dataDir);
const server = await createSyncServer({ db });
const jobs = attachServerJobs(server, { publicUrl: 'http://127.0.0.1', linkSecret: await loadLinkSecret(db, null), mailer, sms, leaseMs: config.leaseMs });
await server.listen(0);
jobs.start(config.tickMs, (summary) => {
  if (summary.done + summary.retried + summary.failed > 0) process.stdout.write(`${JSON.stringify(summary)}\n`);
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

const stop = () => void jobs.stop().then(() => server.close()).then(() => db.close()).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.once('end', stop).resume();
