// Three desks offline for a week of work, then all reconnecting at once. Each books, moves,
// cancels and annotates its own and the others' appointments, avoiding clashes with what it
// can see; what none can see (the others' offline work, and slots all three take on
// purpose) conflicts. The server must keep the schedule free of overlaps, every desk must
// learn the fate of every change, and all replicas must end identical.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../db/rules/types';
import { findCollisions } from '../../db/rules/overlap';
import { appointmentValues, startTestServer, type RunningServer } from '../../sync-server/testing/harness';
import { eventually, startDesk, type TestDesk } from './testing/device';
import { accountForChanges, deskAppointments, deskSchedule, overlapsIn, serverAppointments, serverSchedule, toAppointment } from './testing/schedule';

const MIN = 60_000;
const MONDAY = Date.UTC(2027, 0, 4, 14);
const DAYS = 5;
const SLOTS_PER_DAY = 8;
const PROVIDERS = ['prov-1', 'prov-2'];
const PATIENTS = Array.from({ length: 30 }, (_, i) => `pat-${String(i + 1).padStart(2, '0')}`);
const OPS_PER_DESK_PER_DAY = 14;

/** Marsaglia's xorshift32: deterministic and plenty for picking slots. */
function prng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

interface Desk {
  name: string;
  desk: TestDesk;
  written: string[];
  random: () => number;
  /** Patients call back: the appointment this desk moved last is often moved again. */
  lastMoved?: string;
}

let env: RunningServer;
let desks: Desk[] = [];

function slotStart(day: number, slot: number): number {
  return MONDAY + day * 86_400_000 + slot * 30 * MIN;
}

function write(d: Desk, rowId: string, values: Record<string, unknown>, action: string): void {
  d.written.push(d.desk.store.write({ table: 'appointments', rowId, values, staffUserId: env.staff.receptionist, action }).changeId);
}

const pick = <T>(random: () => number, items: T[]): T => items[Math.floor(random() * items.length)]!;

/** A booking or move this desk would make: nothing it can see clashes with it. */
function fitsLocally(d: Desk, proposed: Appointment): boolean {
  return findCollisions(proposed, deskAppointments(d.desk.store)).length === 0;
}

function book(d: Desk, day: number): void {
  for (let attempt = 0; attempt < 5; attempt++) {
    const start = slotStart(day, Math.floor(d.random() * SLOTS_PER_DAY));
    const values = appointmentValues({
      provider_id: pick(d.random, PROVIDERS), patient_id: pick(d.random, PATIENTS), start_at: start, end_at: start + 30 * MIN,
      resource_ids: d.random() < 0.2 ? ['room-1'] : [], notes: null,
    });
    const id = uuidv7();
    if (!fitsLocally(d, toAppointment({ ...values, id }))) continue;
    write(d, id, values, 'appointment.book');
    return;
  }
}

function move(d: Desk, day: number): void {
  const active = deskAppointments(d.desk.store).filter((a) => a.status !== 'cancelled');
  if (active.length === 0) return;
  const again = active.find((a) => a.id === d.lastMoved);
  const target = again && d.random() < 0.5 ? again : pick(d.random, active);
  d.lastMoved = target.id;
  for (let attempt = 0; attempt < 5; attempt++) {
    const start = slotStart(day, Math.floor(d.random() * SLOTS_PER_DAY));
    if (!fitsLocally(d, { ...target, startAt: start, endAt: start + 30 * MIN })) continue;
    write(d, target.id, { start_at: start, end_at: start + 30 * MIN }, 'appointment.move');
    return;
  }
}

function cancel(d: Desk): void {
  const active = deskAppointments(d.desk.store).filter((a) => a.status !== 'cancelled');
  if (active.length > 0) write(d, pick(d.random, active).id, { status: 'cancelled', cancel_reason: 'patient called' }, 'appointment.cancel');
}

function annotate(d: Desk, day: number, n: number): void {
  const all = deskAppointments(d.desk.store);
  if (all.length > 0) write(d, pick(d.random, all).id, { notes: `${d.name}, day ${day + 1}, note ${n}` }, 'appointment.note');
}

beforeAll(async () => {
  env = await startTestServer();
  desks = [];
  for (const [i, name] of ['front', 'phones', 'billing'].entries()) {
    desks.push({ name, desk: await startDesk(env), written: [], random: prng(20_270_104 + i) });
  }
  // Before the week: each desk books eight appointments online, and every desk sees all 24.
  for (const d of desks) d.desk.goOnline();
  for (const [i, d] of desks.entries()) {
    await eventually(() => expect(d.desk.store.identity.orgId).toBe(env.orgId));
    for (let k = 0; k < 8; k++) {
      const n = i * 8 + k;
      const start = slotStart(n % DAYS, Math.floor(n / DAYS));
      write(d, uuidv7(), appointmentValues({ provider_id: PROVIDERS[n % 2], patient_id: `pat-before-${n}`, start_at: start, end_at: start + 30 * MIN }), 'appointment.book');
    }
    d.desk.client.notifyLocalWrite();
  }
  for (const d of desks) await eventually(() => expect(deskAppointments(d.desk.store)).toHaveLength(24), 30_000);
  for (const d of desks) await d.desk.goOffline();
});
afterAll(async () => {
  for (const d of desks) await d.desk.close();
  await env?.close();
});

describe('three desks offline for a week, then reconnecting together', () => {
  it('converges to one overlap-free schedule, and every desk accounts for every change it made', async () => {
    for (let day = 0; day < DAYS; day++) {
      for (const d of desks) {
        // The slot everybody wants: after hours, for prov-1, with a different patient at each desk.
        const contested = slotStart(day, SLOTS_PER_DAY + 1);
        write(d, uuidv7(), appointmentValues({ provider_id: 'prov-1', patient_id: `pat-${d.name}-${day}`, start_at: contested, end_at: contested + 30 * MIN }), 'appointment.book');
        for (let n = 0; n < OPS_PER_DESK_PER_DAY; n++) {
          const r = d.random();
          if (r < 0.3) book(d, day);
          else if (r < 0.6) move(d, day);
          else if (r < 0.7) cancel(d);
          else annotate(d, day, n);
        }
      }
    }
    const total = desks.reduce((n, d) => n + d.written.length, 0);
    expect(total).toBeGreaterThan(200);
    expect(total).toBeLessThan(400);
    // Each desk alone is consistent: the clashes are only between desks.
    for (const d of desks) expect(overlapsIn(deskAppointments(d.desk.store))).toEqual([]);

    for (const d of desks) d.desk.goOnline();
    await eventually(async () => {
      const server = await serverSchedule(env.server.db);
      for (const d of desks) {
        expect(d.desk.client.getState().pending).toBe(0);
        expect(deskSchedule(d.desk.store)).toEqual(server);
      }
    }, 45_000);

    expect(overlapsIn(await serverAppointments(env.server.db))).toEqual([]);
    for (const d of desks) expect(overlapsIn(deskAppointments(d.desk.store))).toEqual([]);

    let rejected = 0;
    for (const d of desks) {
      const outcome = await accountForChanges(d.desk.store, env.server.db, d.written);
      rejected += outcome.rejected;
      const messages = d.desk.store.sqlite.prepare(`select reason, message from sync_rejections where table_name = 'appointments'`).all() as { reason: string; message: string }[];
      for (const m of messages) {
        expect(['slot_taken', 'invalid']).toContain(m.reason);
        expect(m.message.length).toBeGreaterThan(20);
      }
    }
    // Three desks took each day's contested slot: at most one of the three can hold it.
    expect(rejected).toBeGreaterThanOrEqual(2 * DAYS);
  });
});
