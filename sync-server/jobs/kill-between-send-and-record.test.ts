// An instance killed (SIGKILL, in its own process) after a message has left but before its
// delivery was recorded: after a restart the SMS goes again with the same Idempotency-Key
// and the provider delivers it once; the email is not sent again, and staff are told it
// is in doubt (docs/jobs.md, "The exact delivery guarantee").
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmsProvider, startSmtpSink } from '../reminders/testing/fixtures';
import { openServerStore } from '../store/open-store';
import { withServerStore } from './testing/seed-store';

const H = 3_600_000;
const script = new URL('./testing/crash-after-send-process.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-kill-send-'));
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let provider: Awaited<ReturnType<typeof startFakeSmsProvider>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  provider = await startFakeSmsProvider();
});
afterAll(async () => {
  await smtp.close();
  await provider.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the jobs process: with `crash`, until it kills itself after a send; else until a run of jobs completes one. */
async function runInstance({ crash }: { crash: boolean }): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, join(dataDir, 'pglite')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env, FRONTDESK_CRASH_AFTER_SEND: crash ? '1' : '', FRONTDESK_JOBS_TICK_MS: '100', FRONTDESK_JOBS_LEASE_MS: '1000',
      FRONTDESK_SMTP_HOST: '127.0.0.1', FRONTDESK_SMTP_PORT: String(smtp.port), FRONTDESK_SMTP_SECURE: 'false', FRONTDESK_SMTP_FROM: 'clinic@example.org',
      FRONTDESK_SMS_URL: provider.url, FRONTDESK_SMS_ACCOUNT_SID: 'AC1', FRONTDESK_SMS_AUTH_TOKEN: 'token', FRONTDESK_SMS_FROM: '+15550000',
    },
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  if (!crash) {
    // Ran the interrupted job to completion: stop cleanly.
    await new Promise<void>((resolve) => {
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        if (/"done":[1-9]/.test(buffered)) resolve();
      });
      void exited.then(() => resolve());
    });
    child.kill('SIGTERM');
  }
  return exited;
}

async function settled(): Promise<{ deliveries: { channel: string; status: string; attempts: number }[]; tasks: { kind: string; title: string }[] }> {
  const db = await openServerStore(dataDir, '');
  try {
    const deliveries = (await db.query<{ channel: string; status: string; attempts: number }>('select channel, status, attempts from deliveries order by channel')).rows;
    // (Escalations of the unconfirmed appointments are tasks too; not this test's subject.)
    const tasks = (await db.query<{ kind: string; title: string }>(`select kind, title from staff_tasks where kind = 'reminder_undeliverable'`)).rows;
    return { deliveries, tasks };
  } finally {
    await db.close();
  }
}

describe('an instance killed between sending and recording', () => {
  it('does not send an SMS twice: the retry reuses the idempotency key and the provider delivers once', async () => {
    await withServerStore(dataDir, (clinic) => clinic.book({ channel: 'sms', phone: '+15551234' }, Date.now() + 20 * H));
    expect(await runInstance({ crash: true })).toBe('SIGKILL');
    expect(provider.requests).toHaveLength(1);
    expect((await settled()).deliveries).toEqual([{ channel: 'sms', status: 'sending', attempts: 1 }]);

    expect(await runInstance({ crash: false })).toBe(0);
    expect(provider.requests).toHaveLength(2);
    expect(provider.requests[1]!.idempotencyKey).toBe(provider.requests[0]!.idempotencyKey);
    expect(provider.delivered).toHaveLength(1);
    expect((await settled()).deliveries).toEqual([{ channel: 'sms', status: 'sent', attempts: 2 }]);
  }, 180_000);

  it('does not send an email twice, and asks staff to check the one left in doubt', async () => {
    await withServerStore(dataDir, (clinic) => clinic.book({ channel: 'email', email: 'ana@example.org' }, Date.now() + 20 * H));
    expect(await runInstance({ crash: true })).toBe('SIGKILL');
    expect(smtp.mails).toHaveLength(1);

    expect(await runInstance({ crash: false })).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    const { deliveries, tasks } = await settled();
    expect(deliveries.filter((d) => d.channel === 'email')).toEqual([{ channel: 'email', status: 'unknown', attempts: 1 }]);
    expect(tasks).toEqual([{ kind: 'reminder_undeliverable', title: expect.stringContaining('A message to ana@example.org may not have been sent') }]);
  }, 180_000);
});
