// Real collaborators for reminder tests, all on 127.0.0.1: an SMTP server (smtp-server), a
// stand-in SMS provider over HTTP, and a seeded clinic behind a sync server with jobs.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { createSyncServer, type SyncServer } from '../../app';
import { systemChanges } from '../../bootstrap';
import { attachServerJobs, type ServerJobs, type ServerJobsOptions } from '../../jobs/server-jobs';
import type { ServerDb } from '../../store/server-db';
import { appointmentValues, ensureTestClinic } from '../../testing/harness';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startSmtpSink(): Promise<{ port: number; mails: CapturedMail[]; close(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The MIME parts of a message with their decoded bodies (enough for tests: no nesting subtleties). */
export function mimeParts(raw: string): { contentType: string; body: string }[] {
  const parts: { contentType: string; body: string }[] = [];
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const split = chunk.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = chunk.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const contentType = /^content-type:\s*([^\r\n]+)/im.exec(headers)?.[1] ?? '';
    const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
    let body = chunk.slice(split).trim();
    if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    else if (encoding === 'quoted-printable') {
      body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    }
    parts.push({ contentType, body });
  }
  return parts;
}

export interface SmsRequest {
  to: string;
  body: string;
  idempotencyKey: string;
  authorization: string;
}

/** A Twilio-style provider: answers as `respond` says, and delivers each idempotency key once. */
export async function startFakeSmsProvider(): Promise<{
  url: string; requests: SmsRequest[]; delivered: SmsRequest[]; respond: (r: SmsRequest) => 'ok' | 500 | 'hang'; close(): Promise<void>;
}> {
  const state = {
    url: '', requests: [] as SmsRequest[], delivered: [] as SmsRequest[], respond: (_r: SmsRequest): 'ok' | 500 | 'hang' => 'ok',
    close: async () => undefined as void,
  };
  const bySid = new Map<string, string>();
  const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString()));
    req.on('end', () => resolve(s));
  });
  const server: Server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req));
    const r: SmsRequest = { to: form.get('To') ?? '', body: form.get('Body') ?? '', idempotencyKey: String(req.headers['idempotency-key'] ?? ''), authorization: String(req.headers.authorization ?? '') };
    state.requests.push(r);
    const how = state.respond(r);
    if (how === 'hang') return; // never answers: the client's timeout must fire
    if (how === 500) return void res.writeHead(500).end('{"message":"upstream trouble"}');
    let sid = bySid.get(r.idempotencyKey);
    if (!sid) {
      sid = `SM${uuidv7().replace(/-/g, '')}`;
      bySid.set(r.idempotencyKey, sid);
      state.delivered.push(r);
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}

export const LA = 'America/Los_Angeles';

export interface SeededClinic {
  orgId: string;
  locationId: string;
  serviceId: string;
  providerId: string;
  book(patient: { language?: 'en' | 'es'; channel?: 'sms' | 'email'; phone?: string; email?: string }, startAt: number, status?: string): Promise<{ appointmentId: string; patientId: string }>;
}

/** A clinic in Los Angeles with an email reminder 72 h before and/or an SMS confirmation prompt 24 h before, no quiet hours. */
export async function seedClinic(server: SyncServer, { noticeHours = 24, feeCents = 2500, channels = ['email', 'sms'] as ('email' | 'sms')[] } = {}): Promise<SeededClinic> {
  const { orgId } = await ensureTestClinic(server);
  const write = async (table: Parameters<typeof systemChanges>[0], rows: Record<string, unknown>[]) => {
    const results = await server.writeAsSystem(orgId, systemChanges(table, rows, () => server.clock.now()));
    if (results.some((r) => r.status !== 'accepted')) throw new Error(`seeding ${table}: ${JSON.stringify(results)}`);
  };
  const [locationId, serviceId, providerId] = [uuidv7(), uuidv7(), uuidv7()];
  await write('locations', [{ id: locationId, name: 'Bayview Clinic', time_zone: LA, address: '1 Main St', deleted: false }]);
  await write('services', [{ id: serviceId, name: 'Check-up', duration_min: 30, deleted: false }]);
  await write('providers', [{ id: providerId, name: 'Dr. Ruiz', specialty: 'family', location_ids: [locationId], deleted: false }]);
  await write('policies', [{ id: uuidv7(), location_id: null, cancellation_notice_hours: noticeHours, late_cancel_fee_cents: feeCents, deleted: false }]);
  const rules = {
    email: { channel: 'email', offsetMinutes: 72 * 60, kind: 'reminder', quietHours: null },
    sms: { channel: 'sms', offsetMinutes: 24 * 60, kind: 'confirmation_prompt', quietHours: null },
  };
  await write('reminder_rules', channels.map((c) => ({ id: uuidv7(), location_id: null, service_id: null, rule: rules[c], deleted: false })));
  return {
    orgId, locationId, serviceId, providerId,
    async book(patient, startAt, status = 'booked') {
      const patientId = uuidv7();
      const appointmentId = uuidv7();
      await write('patients', [{
        id: patientId, first_name: 'Ana', last_name: 'Lopez', date_of_birth: '1980-01-01', phone: patient.phone ?? null, email: patient.email ?? null,
        preferred_channel: patient.channel ?? 'email', preferred_language: patient.language ?? 'en', deleted: false,
      }]);
      await write('appointments', [{
        id: appointmentId, ...appointmentValues({ location_id: locationId, service_id: serviceId, provider_id: providerId, patient_id: patientId, start_at: startAt, end_at: startAt + 30 * 60_000, booked_at: startAt - 30 * 86_400_000, status }),
      }]);
      return { appointmentId, patientId };
    },
  };
}

export interface ServerWithJobs {
  server: SyncServer;
  jobs: ServerJobs;
  url: string;
  close(): Promise<void>;
}

/** A sync server with jobs on `db`, listening on 127.0.0.1, its clock read from `now`. */
export async function startServerWithJobs(db: ServerDb, now: () => number, options: Partial<ServerJobsOptions> = {}): Promise<ServerWithJobs> {
  const server = await createSyncServer({ db, now, liveTimeoutMs: 1_000 });
  const jobs = attachServerJobs(server, { now, publicUrl: 'http://127.0.0.1', linkSecret: new TextEncoder().encode('test-link-secret-0123456789abcdef'), smsWebhookSecret: 'hook-secret', ...options });
  const url = await server.listen(0);
  jobs.ctx.publicUrl = url;
  return { server, jobs, url, close: async () => { await jobs.stop(); await server.close(); } };
}
