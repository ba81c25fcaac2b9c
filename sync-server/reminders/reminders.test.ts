// Reminders end to end on PGlite with real collaborators on 127.0.0.1: an SMTP server, a
// stand-in SMS provider (with failures), the patient link pages and the SMS webhook.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { createSmtpMailer } from './email';
import { linkFor } from './links-for';
import { mimeParts, seedClinic, startFakeSmsProvider, startServerWithJobs, startSmtpSink, type ServerWithJobs } from './testing/fixtures';
import { createSmsProvider } from './sms';

const H = 3_600_000;
let clock = 0;
const now = () => clock;
let db: ServerDb;
let running: ServerWithJobs | null = null;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  db = await openPgliteServerDb();
});
afterEach(async () => {
  await running?.close();
  running = null;
  for (const c of cleanups.splice(0)) await c();
  await db.close();
});

/** The Subject header, with RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1]!.replace(/\r?\n[ \t]/g, ' ');
  return header.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) => enc.toUpperCase() === 'B'
    ? Buffer.from(text, 'base64').toString('utf8')
    : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

const status = async (id: string) => (await db.query<{ status: string; late_cancel_fee: boolean }>('select status, late_cancel_fee from appointments where id = $1', [id])).rows[0]!;

describe('email reminders', () => {
  it('sends each reminder once, in the patient\'s language, with an invite at the clinic\'s local time across the DST change', async () => {
    const smtp = await startSmtpSink();
    cleanups.push(smtp.close);
    clock = Date.parse('2026-10-30T10:00:00-07:00'); // the Nov 2 reminder's moment, 72 h ahead
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'clinic@example.org', timeoutMs: 5_000 });
    cleanups.push(async () => mailer.close());
    running = await startServerWithJobs(db, now, { mailer });
    const clinic = await seedClinic(running.server, { channels: ['email'] });
    // 09:00 on either side of 2026-11-01, when Los Angeles goes from UTC-7 to UTC-8.
    const before = await clinic.book({ language: 'es', email: 'ana@example.org' }, Date.parse('2026-10-31T09:00:00-07:00'));
    const after = await clinic.book({ language: 'en', email: 'bo@example.org' }, Date.parse('2026-11-02T09:00:00-08:00'));

    await running.jobs.sweep();
    expect(await running.jobs.runner.drain()).toMatchObject({ retried: 0, failed: 0 });

    expect(smtp.mails).toHaveLength(2);
    const es = smtp.mails.find((m) => m.to.includes('ana@example.org'))!;
    const en = smtp.mails.find((m) => m.to.includes('bo@example.org'))!;
    expect(subjectOf(es.raw)).toBe('Recordatorio: su cita el sábado, 31 de octubre de 2026 a las 9:00');
    expect(es.raw).toMatch(/^Content-Language: es$/m);
    expect(subjectOf(en.raw)).toMatch(/^Reminder: your appointment on Monday, November 2, 2026 at 9:00\sAM$/);
    const text = mimeParts(es.raw).find((p) => p.contentType.startsWith('text/plain'))!.body;
    expect(text).toContain(`Confirmar: ${running.url}/p/confirm.${before.appointmentId}.`);
    const invite = (raw: string) => mimeParts(raw).find((p) => p.contentType.startsWith('text/calendar'))!.body;
    expect(invite(es.raw)).toContain('DTSTART;TZID=America/Los_Angeles:20261031T090000');
    expect(invite(en.raw)).toContain('DTSTART;TZID=America/Los_Angeles:20261102T090000');
    expect(invite(en.raw)).toContain('DTEND;TZID=America/Los_Angeles:20261102T093000');
    expect(invite(en.raw)).toMatch(/BEGIN:STANDARD\r?\nDTSTART:20261101T020000\r?\nTZOFFSETFROM:-0700\r?\nTZOFFSETTO:-0800/);
    const { rows } = await db.query<{ status: string; message_ref: string }>('select status, message_ref from deliveries where appointment_id = $1', [after.appointmentId]);
    expect(rows).toEqual([{ status: 'sent', message_ref: expect.stringMatching(/^<[0-9a-f]{32}@127\.0\.0\.1>$/) }]);
    expect(en.raw).toContain(`Message-ID: ${rows[0]!.message_ref}`);

    // Planning again, later, finds the same reminders already queued: nothing new goes out.
    clock += H;
    await running.jobs.sweep();
    await running.jobs.runner.drain();
    expect(smtp.mails).toHaveLength(2);
  });
});

describe('SMS reminders', () => {
  it('retries through a provider error and a timeout, and sends once', async () => {
    const provider = await startFakeSmsProvider();
    cleanups.push(provider.close);
    let calls = 0;
    provider.respond = () => (++calls === 1 ? 500 : calls === 2 ? 'hang' : 'ok');
    clock = Date.parse('2026-06-10T10:00:00-07:00');
    // Long enough that a busy machine's normal answer is never taken for the hang.
    const sms = createSmsProvider({ baseUrl: provider.url, accountSid: 'AC1', authToken: 'tok', from: '+15550000', timeoutMs: 2_000 });
    running = await startServerWithJobs(db, now, { sms, backoff: { baseMs: 60_000, maxMs: 600_000 }, random: () => 0.5 });
    const clinic = await seedClinic(running.server, { channels: ['sms'] });
    const { appointmentId } = await clinic.book({ channel: 'sms', phone: '+15551234' }, clock + 20 * H);

    await running.jobs.sweep();
    expect(await running.jobs.runner.drain()).toMatchObject({ retried: 1, failed: 0 });
    expect(await running.jobs.runner.drain()).toEqual({ done: 0, retried: 0, failed: 0 }); // backing off
    clock += 10 * 60_000;
    expect(await running.jobs.runner.drain()).toEqual({ done: 0, retried: 1, failed: 0 });
    clock += 10 * 60_000;
    expect(await running.jobs.runner.drain()).toEqual({ done: 1, retried: 0, failed: 0 });

    expect(provider.requests).toHaveLength(3);
    expect(new Set(provider.requests.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(provider.delivered).toHaveLength(1);
    expect(provider.delivered[0]!.authorization).toBe(`Basic ${Buffer.from('AC1:tok').toString('base64')}`);
    expect(provider.delivered[0]!.body).toContain('Reply C to confirm or X to cancel');
    const { rows } = await db.query<{ status: string; provider_status: string; message_ref: string; attempts: number }>(
      'select status, provider_status, message_ref, attempts from deliveries where appointment_id = $1', [appointmentId]);
    expect(rows).toMatchObject([{ status: 'sent', provider_status: 'queued', attempts: 3 }]);

    const callback = await fetch(`${running.url}/v1/sms/status?secret=hook-secret`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ MessageSid: rows[0]!.message_ref, MessageStatus: 'delivered' }),
    });
    expect(callback.status).toBe(204);
    expect((await db.query('select provider_status from deliveries where appointment_id = $1', [appointmentId])).rows).toEqual([{ provider_status: 'delivered' }]);
  });
});

describe('patient answers', () => {
  const post = (url: string) => fetch(url, { method: 'POST' });

  it('confirms by link once, and refuses tampered, expired and re-used links', async () => {
    clock = Date.parse('2026-06-10T10:00:00-07:00');
    running = await startServerWithJobs(db, now);
    const clinic = await seedClinic(running.server, { channels: [] });
    const { appointmentId } = await clinic.book({ language: 'es', email: 'a@b.c' }, clock + 48 * H);
    const link = linkFor(running.jobs.ctx, 'confirm', appointmentId, clock + 49 * H);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<button type="submit">Confirmar</button>');
    expect((await status(appointmentId)).status).toBe('booked'); // looking is not answering

    const tampered = link.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await post(tampered)).status).toBe(403);

    const answered = await post(link);
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('Gracias, su cita está confirmada.');
    expect((await status(appointmentId)).status).toBe('confirmed');
    const audit = await db.query<{ action: string; device_id: string }>(`select action, device_id from audit_events where entity_id = $1`, [appointmentId]);
    expect(audit.rows).toEqual([{ action: 'appointments.confirm_by_link', device_id: `server-${running.server.identity.nodeId}` }]);

    expect(await (await post(link)).text()).toContain('Ya habíamos recibido su respuesta');
    expect((await db.query('select 1 from audit_events where entity_id = $1', [appointmentId])).rows).toHaveLength(1);

    clock += 50 * H;
    expect((await post(link)).status).toBe(410);
  });

  it('turns a cancellation inside the notice period into a late cancellation with a fee', async () => {
    clock = Date.parse('2026-06-10T10:00:00-07:00');
    running = await startServerWithJobs(db, now);
    const clinic = await seedClinic(running.server, { channels: [], noticeHours: 24, feeCents: 2500 });
    const early = await clinic.book({ email: 'a@b.c' }, clock + 72 * H);
    const late = await clinic.book({ email: 'a@b.c' }, clock + 3 * H);
    expect(await (await post(linkFor(running.jobs.ctx, 'cancel', early.appointmentId, clock + 80 * H))).text()).toContain('Your appointment is cancelled.');
    expect(await (await post(linkFor(running.jobs.ctx, 'cancel', late.appointmentId, clock + 80 * H))).text()).toContain('late cancellation fee may apply');
    expect(await status(early.appointmentId)).toEqual({ status: 'cancelled', late_cancel_fee: false });
    expect(await status(late.appointmentId)).toEqual({ status: 'late_cancelled', late_cancel_fee: true });
  });

  it('understands SMS replies, once per message, from the provider only', async () => {
    clock = Date.parse('2026-06-10T10:00:00-07:00');
    running = await startServerWithJobs(db, now);
    const clinic = await seedClinic(running.server, { channels: [] });
    const first = await clinic.book({ channel: 'sms', phone: '+15557777' }, clock + 5 * H);
    const reply = (body: string, sid: string, secret = 'hook-secret') => fetch(`${running!.url}/v1/sms/inbound?secret=${secret}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ From: '+15557777', Body: body, MessageSid: sid }),
    });
    expect((await reply('C', 'SM1', 'wrong')).status).toBe(403);
    expect(await (await reply('maybe?', 'SM0')).text()).toContain('did not understand');
    expect(await (await reply(' yes ', 'SM1')).text()).toContain('your appointment is confirmed');
    expect((await status(first.appointmentId)).status).toBe('confirmed');
    expect(await (await reply('X', 'SM2')).text()).toContain('late cancellation fee may apply');
    expect(await status(first.appointmentId)).toEqual({ status: 'late_cancelled', late_cancel_fee: true });
    expect(await (await reply('X', 'SM2')).text()).toContain('call the clinic'); // nothing left to cancel
  });
});

describe('policy and escalation jobs', () => {
  it('raises a front-desk task for an appointment unconfirmed a day ahead, and marks no-shows after the grace period', async () => {
    clock = Date.parse('2026-06-10T10:00:00-07:00');
    running = await startServerWithJobs(db, now);
    const clinic = await seedClinic(running.server, { channels: [] });
    const unconfirmed = await clinic.book({ email: 'a@b.c' }, clock + 20 * H);
    await clinic.book({ email: 'a@b.c' }, clock + 21 * H, 'confirmed');
    await clinic.book({ email: 'a@b.c' }, clock + 30 * H);
    const missed = await clinic.book({ email: 'a@b.c' }, clock - 20 * 60_000);
    const arrived = await clinic.book({ email: 'a@b.c' }, clock - 60 * 60_000, 'checked_in');

    await running.jobs.sweep();
    await running.jobs.runner.drain();
    await running.jobs.sweep();
    await running.jobs.runner.drain();

    const tasks = await db.query<{ appointment_id: string; kind: string; status: string; server_seq: number | null; title: string }>('select appointment_id, kind, status, server_seq, title from staff_tasks');
    expect(tasks.rows).toHaveLength(1);
    expect(tasks.rows[0]).toMatchObject({ appointment_id: unconfirmed.appointmentId, kind: 'unconfirmed_appointment', status: 'open' });
    expect(tasks.rows[0]!.server_seq).not.toBeNull(); // published: devices receive it
    expect(tasks.rows[0]!.title).toContain('is not confirmed');
    expect((await status(missed.appointmentId)).status).toBe('no_show');
    expect((await status(arrived.appointmentId)).status).toBe('checked_in');
  });
});
