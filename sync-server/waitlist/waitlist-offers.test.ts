// Waitlist offers end to end on PGlite and (when reachable) PostgreSQL with a connection pool,
// where acceptances really run at once, with a real SMTP server on 127.0.0.1: a freed slot is
// found through the server's change feed, offered to the best-ranked patients by email with a
// signed link, booked by the first acceptance through the slot-claim path, and the others told.
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemChanges } from '../bootstrap';
import { createSmtpMailer } from '../reminders/email';
import { mimeParts, seedClinic, startServerWithJobs, startSmtpSink, type CapturedMail, type SeededClinic, type ServerWithJobs } from '../reminders/testing/fixtures';
import { openPgliteServerDb } from '../store/open-pglite';
import { openPostgresServerDb } from '../store/open-postgres';
import type { ServerDb } from '../store/server-db';
import { createTestDatabase, postgresAvailable } from '../testing/postgres';

const H = 3_600_000;
let clock = 0;
const now = () => clock;
let db: ServerDb;
let running: ServerWithJobs | null = null;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const cleanups: (() => Promise<void>)[] = [];

const stores: { store: string; open: () => Promise<{ db: ServerDb; drop: () => Promise<void> }> }[] = [
  { store: 'PGlite', open: async () => ({ db: await openPgliteServerDb(), drop: async () => undefined }) },
];
if (await postgresAvailable()) {
  stores.push({ store: 'PostgreSQL', open: async () => {
    const database = await createTestDatabase('frontdesk_waitlist');
    return { db: await openPostgresServerDb(database.url, { poolSize: 4 }), drop: database.drop };
  } });
}

async function start(options: { offersPerSlot?: number } = {}) {
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'clinic@example.org', timeoutMs: 5_000 });
  cleanups.push(async () => mailer.close());
  running = await startServerWithJobs(db, now, { mailer, ...options });
  return seedClinic(running.server, { channels: [] });
}

function server() {
  if (!running) throw new Error('start() first');
  return running;
}

async function write(clinic: SeededClinic, table: Parameters<typeof systemChanges>[0], rows: Record<string, unknown>[]) {
  const { server: sync } = server();
  const results = await sync.writeAsSystem(clinic.orgId, systemChanges(table, rows, () => sync.clock.now()));
  expect(results.map((r) => r.status)).toEqual(rows.map(() => 'accepted'));
}

/** A patient waiting for this service at this location, reachable by email. */
async function waitlist(clinic: SeededClinic, email: string, { urgency = 0, waitingSinceHours = 24, language = 'en', serviceId = clinic.serviceId } = {}) {
  const patientId = uuidv7();
  const entryId = uuidv7();
  await write(clinic, 'patients', [{ id: patientId, first_name: email.split('@')[0], last_name: 'Test', date_of_birth: '1980-01-01', phone: null, email, preferred_channel: 'email', preferred_language: language, deleted: false }]);
  await write(clinic, 'waitlist_entries', [{
    id: entryId, patient_id: patientId, service_id: serviceId, provider_id: null, location_id: clinic.locationId, earliest_date: '2026-06-01', latest_date: '2026-06-30',
    urgency, status: 'waiting', notes: null, created_at: clock - waitingSinceHours * H, deleted: false,
  }]);
  return { patientId, entryId, email };
}

async function runJobs() {
  await server().jobs.sweep();
  return server().jobs.runner.drain();
}

const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
const textOf = (m: CapturedMail) => mimeParts(m.raw).find((p) => p.contentType.startsWith('text/plain'))!.body;
const acceptLink = (m: CapturedMail) => /http:\/\/127\.0\.0\.1:\d+\/p\/accept_offer\.\S+/.exec(textOf(m))![0];
const accept = async (link: string) => {
  const res = await fetch(link, { method: 'POST' });
  return { status: res.status, text: await res.text() };
};
const entryStatus = async (id: string) => (await db.query<{ status: string }>('select status from waitlist_entries where id = $1', [id])).rows[0]!.status;

describe.each(stores)('waitlist offers ($store)', ({ open }) => {
  let drop: () => Promise<void>;
  beforeEach(async () => {
    clock = Date.parse('2026-06-10T10:00:00-07:00');
    ({ db, drop } = await open());
    smtp = await startSmtpSink();
    cleanups.push(smtp.close);
  });
  afterEach(async () => {
    await running?.close();
    running = null;
    for (const c of cleanups.splice(0)) await c();
    await db.close();
    await drop();
  });

  it('offers a cancelled slot to three patients at once; of two concurrent acceptances exactly one books, and the others are told it has gone', async () => {
    const clinic = await start();
    const freed = await clinic.book({ email: 'leaving@example.org' }, clock + 26 * H);
    await runJobs(); // the watcher's first look: it now knows the slot is held

    const ana = await waitlist(clinic, 'ana@example.org', { urgency: 2, language: 'es' });
    const bo = await waitlist(clinic, 'bo@example.org', { urgency: 1, waitingSinceHours: 72 });
    const cy = await waitlist(clinic, 'cy@example.org', { urgency: 1, waitingSinceHours: 48 });
    const dee = await waitlist(clinic, 'dee@example.org', { urgency: 0, waitingSinceHours: 500 });
    const other = await waitlist(clinic, 'other@example.org', { urgency: 5, serviceId: uuidv7() });
    // An edit that keeps the slot frees nothing.
    await write(clinic, 'appointments', [{ id: freed.appointmentId, notes: 'bring the referral' }]);
    await runJobs();
    expect(smtp.mails).toEqual([]);
    await write(clinic, 'appointments', [{ id: freed.appointmentId, status: 'cancelled' }]);

    expect(await runJobs()).toMatchObject({ retried: 0, failed: 0 });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['ana@example.org', 'bo@example.org', 'cy@example.org']);
    expect(mailsTo(dee.email).concat(mailsTo(other.email), mailsTo('leaving@example.org'))).toEqual([]);
    expect(textOf(mailsTo(ana.email)[0]!)).toContain('se ha liberado una cita de Check-up');
    const page = await fetch(acceptLink(mailsTo(bo.email)[0]!));
    expect(await page.text()).toContain('<button type="submit">I want this appointment</button>');

    const [a, b] = await Promise.all([accept(acceptLink(mailsTo(ana.email)[0]!)), accept(acceptLink(mailsTo(bo.email)[0]!))]);
    const outcomes = [a, b].map((r) => r.status).sort();
    expect(outcomes).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [ana, bo] : [bo, ana];
    const loserPage = a.status === 200 ? b.text : a.text;
    expect(loserPage).toMatch(/someone else accepted this appointment first|otra persona ha aceptado esta cita antes/);

    const { rows: atSlot } = await db.query<{ patient_id: string; status: string; source_channel: string }>(
      `select patient_id, status, source_channel from appointments where provider_id = $1 and start_at = $2 and status = 'booked'`, [clinic.providerId, clock + 26 * H]);
    expect(atSlot).toEqual([{ patient_id: winner.patientId, status: 'booked', source_channel: 'online' }]);
    expect(await entryStatus(winner.entryId)).toBe('booked');
    expect(await entryStatus(loser.entryId)).toBe('waiting');
    expect(await entryStatus(cy.entryId)).toBe('waiting');

    await runJobs();
    expect(mailsTo(cy.email)).toHaveLength(2);
    expect(textOf(mailsTo(cy.email)[1]!)).toContain('has already been taken. You are still on the waiting list.');
    expect(mailsTo(winner.email)).toHaveLength(1);
    const { rows: offers } = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from waitlist_offers group by status order by status');
    expect(offers).toEqual([{ status: 'accepted', n: 1 }, { status: 'gone', n: 2 }]);

    // Using the link again: the winner keeps the appointment, nothing is booked twice.
    expect((await accept(acceptLink(mailsTo(winner.email)[0]!))).text).toMatch(/already yours|ya es suya/);
    expect((await db.query(`select 1 from appointments where patient_id = $1`, [winner.patientId])).rows).toHaveLength(1);
    expect(mailsTo(dee.email)).toEqual([]);
  }, 60_000);

  it('offers a moved appointment\'s old slot, and the next patients once the first offers expire', async () => {
    const clinic = await start({ offersPerSlot: 2 });
    const moved = await clinic.book({ email: 'mover@example.org' }, clock + 26 * H);
    await runJobs();
    const first = await waitlist(clinic, 'first@example.org', { urgency: 3 });
    const second = await waitlist(clinic, 'second@example.org', { urgency: 2 });
    const third = await waitlist(clinic, 'third@example.org', { urgency: 1 });
    await write(clinic, 'appointments', [{ id: moved.appointmentId, start_at: clock + 50 * H, end_at: clock + 50.5 * H }]);

    await runJobs();
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([first.email, second.email]);
    const expiredLink = acceptLink(mailsTo(first.email)[0]!);

    clock += 2 * H + 60_000;
    await runJobs();
    expect(mailsTo(third.email)).toHaveLength(1);
    expect(mailsTo(first.email)).toHaveLength(1);
    expect((await fetch(expiredLink, { method: 'POST' })).status).toBe(410);
    expect((await accept(acceptLink(mailsTo(third.email)[0]!))).status).toBe(200);
    expect(await entryStatus(third.entryId)).toBe('booked');
    const { rows } = await db.query<{ status: string }>('select status from waitlist_offers order by status');
    expect(rows.map((r) => r.status)).toEqual(['accepted', 'expired', 'expired']);
  }, 60_000);
});
