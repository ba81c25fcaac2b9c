// Reading schedules for replication tests: a desk's and the server's in one comparable
// form, the overlaps no schedule may hold, and the bookkeeping that proves every change a
// desk made ended accepted or reported.
import { appointmentFromRow } from '../../../db/schema/appointment-row';
import { expect } from 'vitest';
import { findCollisions } from '../../../db/rules/overlap';
import type { Appointment } from '../../../db/rules/types';
import type { Sql } from '../../../sync-server/store/server-db';
import type { LocalStore } from '../../store/local-store';
import { scheduleOf } from './device';

type Values = Record<string, unknown>;

/** The rules' view of a stored row (re-exported for the tests that build rows by hand). */
export const toAppointment = appointmentFromRow;

/** A desk's appointments that are not deleted, as the scheduling rules see them. */
export function deskAppointments(store: LocalStore): Appointment[] {
  return (store.sqlite.prepare('select * from appointments where deleted = 0 order by id').all() as Values[]).map(toAppointment);
}

export async function serverAppointments(db: Sql): Promise<Appointment[]> {
  const { rows } = await db.query<Values>('select * from appointments where not deleted order by id');
  return rows.map(toAppointment);
}

/** The server's appointments in scheduleOf's form (SQLite's encoding of lists and booleans). */
export async function serverSchedule(db: Sql): Promise<unknown[]> {
  const { rows } = await db.query<Values>('select id, provider_id, patient_id, resource_ids, start_at, end_at, status, notes, deleted from appointments');
  return rows
    .map((r): Values => ({ ...r, resource_ids: JSON.stringify(r.resource_ids), deleted: r.deleted ? 1 : 0 }))
    .sort((x, y) => (x.id as string).localeCompare(y.id as string));
}

export function deskSchedule(store: LocalStore): unknown[] {
  return [...scheduleOf(store)].sort((x, y) => ((x as Values).id as string).localeCompare((y as Values).id as string));
}

/** Every pair of active appointments that share a provider, room or patient at the same time. */
export function overlapsIn(appointments: Appointment[]): string[] {
  const found: string[] = [];
  appointments.forEach((a, i) => {
    for (const c of findCollisions(a, appointments.slice(i + 1))) found.push(`${a.id} and ${c.appointment.id} on ${c.on} ${c.key}`);
  });
  return found;
}

export interface Accounting {
  accepted: number;
  rejected: number;
}

/**
 * Nothing lost: every change a desk wrote (`written`, outbox change ids) left its outbox and
 * is either accepted by the server or recorded in the desk's sync_rejections, never both.
 * Every change the server refused is among the desk's rejections; rejections of edits the
 * desk never sent (they edited a booking the server refused) are local only.
 */
export async function accountForChanges(store: LocalStore, db: Sql, written: string[]): Promise<Accounting> {
  expect(store.sqlite.prepare('select count(*) as n from outbox').get()).toEqual({ n: 0 });
  const { rows } = await db.query<{ change_id: string; status: string }>('select change_id, status from change_log where change_id = any($1::text[])', [written]);
  const onServer = new Map(rows.map((r) => [r.change_id, r.status]));
  const reported = new Set((store.sqlite.prepare(`select change_id from sync_rejections where table_name <> 'audit_events'`).all() as { change_id: string }[]).map((r) => r.change_id));
  const writtenSet = new Set(written);
  expect(writtenSet.size).toBe(written.length);
  expect([...reported].filter((id) => !writtenSet.has(id)), 'rejections of changes this desk never made').toEqual([]);

  let accepted = 0;
  for (const id of written) {
    const status = onServer.get(id);
    if (status === 'accepted') {
      expect(reported.has(id), `change ${id} was accepted and also reported as rejected`).toBe(false);
      accepted++;
    } else {
      expect(reported.has(id), `change ${id} (${status ?? 'never reached the server'}) was neither accepted nor reported`).toBe(true);
    }
  }
  expect(accepted + reported.size).toBe(written.length);
  return { accepted, rejected: reported.size };
}
