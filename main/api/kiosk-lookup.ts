// The only reads a kiosk causes: today's appointments at its own location, found by
// confirmation code or by last name + date of birth. Everything else (another day, another
// location, a cancelled visit, two patients sharing a name and birthday) is "not found".
import { and, eq, gte, lt } from 'drizzle-orm';
import { normalizeConfirmationCode, normalizeLastName, parseDateOfBirth, pickKioskAppointment } from '../../db/rules/kiosk';
import type { Policy } from '../../db/rules/types';
import { addDays, getStartOfDay, readWallClock } from '../../db/rules/wallclock';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { toRuleAppointment, type AppointmentRow } from './lookups';

export type KioskQuery = { by: 'code'; code: string } | { by: 'name'; lastName: string; dateOfBirth: string };

function todayAt(store: LocalStore, locationId: string, timeZone: string, now: number) {
  const today = readWallClock(now, timeZone).date;
  const a = schema.appointments;
  return and(
    eq(a.locationId, locationId),
    eq(a.deleted, false),
    gte(a.startAt, getStartOfDay(today, timeZone)),
    lt(a.startAt, getStartOfDay(addDays(today, 1), timeZone)),
  );
}

export function findKioskAppointment(store: LocalStore, where: { locationId: string; timeZone: string; now: number; policy: Policy }, query: KioskQuery): AppointmentRow | null {
  const a = schema.appointments;
  const today = todayAt(store, where.locationId, where.timeZone, where.now);
  if (query.by === 'code') {
    const code = normalizeConfirmationCode(query.code);
    if (code.length < 4) return null;
    const row = store.db.select().from(a).where(and(today, eq(a.confirmationCode, code))).get();
    return row && pickKioskAppointment([toRuleAppointment(row)], where.now, where.policy, where.timeZone) ? row : null;
  }
  const dateOfBirth = parseDateOfBirth(query.dateOfBirth);
  const lastName = normalizeLastName(query.lastName);
  if (!dateOfBirth || lastName.length === 0) return null;
  // A day at one location is at most a few hundred visits: match names in code, where the
  // normalization (accents, hyphens) is the same as the rule's.
  const candidates = store.db.select({ appointment: a, lastName: schema.patients.lastName }).from(a)
    .innerJoin(schema.patients, eq(schema.patients.id, a.patientId))
    .where(and(today, eq(schema.patients.dateOfBirth, dateOfBirth), eq(schema.patients.deleted, false)))
    .all()
    .filter((r) => normalizeLastName(r.lastName) === lastName)
    .map((r) => r.appointment);
  if (new Set(candidates.map((c) => c.patientId)).size !== 1) return null;
  const picked = pickKioskAppointment(candidates.map(toRuleAppointment), where.now, where.policy, where.timeZone);
  return picked ? candidates.find((c) => c.id === picked.id) ?? null : null;
}
