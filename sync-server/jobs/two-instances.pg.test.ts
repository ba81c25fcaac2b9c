// Two sync-server instances with jobs on one PostgreSQL, draining the same due reminders at
// once: FOR UPDATE SKIP LOCKED and the delivery outbox must send each exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresServerDb } from '../store/open-postgres';
import type { ServerDb } from '../store/server-db';
import { createSmtpMailer } from '../reminders/email';
import { createSmsProvider } from '../reminders/sms';
import { seedClinic, startFakeSmsProvider, startServerWithJobs, startSmtpSink, type ServerWithJobs } from '../reminders/testing/fixtures';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../testing/postgres';

const pgUp = await postgresAvailable();
const pgRequired = process.env.CI === 'true';

it.runIf(!pgUp && pgRequired)('PostgreSQL on 127.0.0.1:5432 is reachable (required when CI=true)', () => {
  expect.fail('PostgreSQL is not reachable at 127.0.0.1:5432; CI must provide it (see .ci/run).');
});

const H = 3_600_000;

describe.runIf(pgUp)('jobs on two instances sharing PostgreSQL', () => {
  let database: TestDatabase;
  const dbs: ServerDb[] = [];
  const instances: ServerWithJobs[] = [];
  const closers: (() => Promise<void>)[] = [];
  const clock = Date.parse('2026-06-10T10:00:00-07:00');
  const now = () => clock;

  beforeAll(async () => {
    database = await createTestDatabase('frontdesk_jobs');
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
    for (const c of closers) await c();
    for (const d of dbs) await d.close();
    await database?.drop();
  });

  it('sends every due reminder exactly once, and never re-sends an email left in doubt', async () => {
    const smtp = await startSmtpSink();
    const provider = await startFakeSmsProvider();
    closers.push(smtp.close, provider.close);
    for (let i = 0; i < 2; i++) {
      const db = await openPostgresServerDb(database.url, { poolSize: 4 });
      dbs.push(db);
      const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'clinic@example.org', timeoutMs: 5_000 });
      closers.push(async () => mailer.close());
      const sms = createSmsProvider({ baseUrl: provider.url, accountSid: 'AC1', authToken: 't', from: '+1', timeoutMs: 2_000 });
      instances.push(await startServerWithJobs(db, now, { mailer, sms }));
    }
    const [a, b] = instances as [ServerWithJobs, ServerWithJobs];
    const clinic = await seedClinic(a.server);
    const booked = [];
    for (let i = 0; i < 6; i++) {
      booked.push(await clinic.book({ channel: i % 2 ? 'sms' : 'email', phone: `+1555000${i}`, email: `p${i}@example.org` }, clock + 18 * H + i * H));
    }
    // An earlier attempt at one email that recorded its intent and then died: it may have gone out.
    const inDoubt = `reminder:${booked[0]!.appointmentId}:in-doubt`;
    await dbs[0]!.query(`insert into jobs (org_id, kind, dedupe_key, payload, run_at, attempts, locked_by, locked_until, created_at)
      values ($1, 'reminder', $2, $3, $4, 1, 'dead-instance', $4, $4)`, [clinic.orgId, inDoubt,
      JSON.stringify({ appointmentId: booked[0]!.appointmentId, channel: 'email', kind: 'reminder', startAt: clock + 18 * H }), clock - 1]);
    await dbs[0]!.query(`insert into deliveries (dedupe_key, org_id, appointment_id, channel, recipient, status, attempts, created_at)
      values ($1, $2, $3, 'email', 'p0@example.org', 'sending', 1, $4)`, [inDoubt, clinic.orgId, booked[0]!.appointmentId, clock - 1]);

    await Promise.all([a.jobs.sweep(), b.jobs.sweep()]);
    const [ra, rb] = await Promise.all([a.jobs.runner.drain(), b.jobs.runner.drain()]);
    expect(ra.failed + rb.failed + ra.retried + rb.retried).toBe(0);
    const { rows: jobCount } = await dbs[0]!.query<{ n: number }>('select count(*)::int as n from jobs');
    // Whichever instance claimed a job ran it; none ran twice.
    const { rows: left } = await dbs[0]!.query('select kind, dedupe_key, status, last_error from jobs where status <> \'done\'');
    expect(left).toEqual([]);
    expect(ra.done + rb.done).toBe(jobCount[0]!.n);

    // 6 appointments x 2 rules, each in the patient's preferred channel.
    expect(smtp.mails).toHaveLength(6);
    expect(provider.requests).toHaveLength(6);
    expect(new Set(smtp.mails.map((m) => /^Message-ID: (.*)$/m.exec(m.raw)![1])).size).toBe(6);
    const { rows } = await dbs[0]!.query<{ status: string; n: number }>('select status, count(*)::int as n from deliveries group by status order by status');
    expect(rows).toEqual([{ status: 'sent', n: 12 }, { status: 'unknown', n: 1 }]);
    expect((await dbs[0]!.query(`select 1 from jobs where status <> 'done'`)).rows).toEqual([]);
  });
});
