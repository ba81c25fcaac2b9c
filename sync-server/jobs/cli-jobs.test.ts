// `npm run sync-server` runs the jobs, configured from the environment: a reminder that falls
// due is sent through the configured SMTP server, and without one it is recorded as not sent.
// The CLI runs as a child process through tsx, as operators run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../reminders/testing/fixtures';
import { openServerStore } from '../store/open-store';
import { withServerStore } from './testing/seed-store';

const H = 3_600_000;
const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-cli-jobs-'));
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the CLI and resolves once it reports a run of jobs that did something. */
async function runCliUntilJobsRan(env: Record<string, string>): Promise<{ output: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', '--port', '0', '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '', FRONTDESK_JOBS_TICK_MS: '200', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/jobs: [1-9]\d* done/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`the CLI ended early:\n${output}`)));
  });
  return {
    output,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function deliveries(): Promise<{ recipient: string; status: string; last_error: string | null }[]> {
  const db = await openServerStore(dataDir, '');
  try {
    return (await db.query<{ recipient: string; status: string; last_error: string | null }>('select recipient, status, last_error from deliveries order by recipient')).rows;
  } finally {
    await db.close();
  }
}

describe('npm run sync-server runs the server jobs', () => {
  it('records reminders as not sent without SMTP, then sends through the SMTP server from the environment', async () => {
    await withServerStore(dataDir, (clinic) => clinic.book({ email: 'first@example.org' }, Date.now() + 20 * H));
    const bare = await runCliUntilJobsRan({});
    await bare.stop();
    expect(bare.output).toContain('Messages for email (FRONTDESK_SMTP_HOST) and SMS (FRONTDESK_SMS_URL) are recorded as "not sent: channel not configured"');
    expect(await deliveries()).toEqual([{ recipient: 'first@example.org', status: 'not_sent', last_error: expect.stringMatching(/^not sent: channel not configured/) }]);

    await withServerStore(dataDir, (clinic) => clinic.book({ email: 'second@example.org' }, Date.now() + 20 * H));
    const configured = await runCliUntilJobsRan({
      FRONTDESK_SMTP_HOST: '127.0.0.1', FRONTDESK_SMTP_PORT: String(smtp.port), FRONTDESK_SMTP_FROM: 'clinic@example.org', FRONTDESK_PUBLIC_URL: 'https://clinic.example.org',
    });
    await configured.stop();
    expect(smtp.mails.map((m) => m.to)).toEqual([['second@example.org']]);
    expect(smtp.mails[0]!.raw).toContain('https://clinic.example.org/p/confirm.');
    expect((await deliveries()).map((d) => d.status)).toEqual(['not_sent', 'sent']);

    const db = await openServerStore(dataDir, '');
    try {
      const { rows } = await db.query<{ value: string }>(`select value from server_meta where key = 'link_secret'`);
      expect(rows[0]!.value.length).toBeGreaterThanOrEqual(40); // generated on first start, shared by every instance
    } finally {
      await db.close();
    }
  }, 240_000);
});
