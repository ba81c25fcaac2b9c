// Finding, registering and reviewing patients at the desk.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { isActive } from '../../db/rules/overlap';
import { checkPatientDetails, phoneDigitsOf } from '../../db/rules/patient-details';
import { summarizeAttendance } from '../../db/rules/patient-flags';
import { englishOf, say } from '../../db/rules/refusals';
import { readWallClock } from '../../db/rules/wallclock';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { loadPolicy, requirePatient, systemTimeZone, toAppointmentView, type PatientRow } from './lookups';
import { defineOperations, refuse, staffOperation, staffRoles } from './operation';
import { entityId } from './schedule';

export interface PatientSummary {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  preferredChannel: PatientRow['preferredChannel'];
  preferredLanguage: PatientRow['preferredLanguage'];
}

function toSummary(row: PatientRow): PatientSummary {
  return {
    id: row.id, firstName: row.firstName, lastName: row.lastName, dateOfBirth: row.dateOfBirth,
    phone: row.phone, email: row.email, preferredChannel: row.preferredChannel, preferredLanguage: row.preferredLanguage,
  };
}

export type PatientQuery =
  | { kind: 'dateOfBirth'; date: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'name'; terms: string[] };

/**
 * What the receptionist typed: a date of birth (2026-03-11, or 03/11/2026 as the clinic's
 * US staff write it), a phone number (digits with the usual punctuation, at least three), or
 * names ("Smith", "smi jo", "Smith, John") matched as prefixes of any word of the first or last name.
 */
export function classifyPatientQuery(query: string): PatientQuery {
  const text = query.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { kind: 'dateOfBirth', date: text };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return { kind: 'dateOfBirth', date: `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` };
  if (/^[\d\s()+.-]+$/.test(text) && phoneDigitsOf(text).length >= 3) return { kind: 'phone', digits: phoneDigitsOf(text) };
  return { kind: 'name', terms: text.toLowerCase().split(/[\s,]+/).filter(Boolean).slice(0, 4) };
}

const likeEscape = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);
const phoneDigitsSql = `replace(replace(replace(replace(replace(replace(coalesce(phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', '')`;

function searchPatients(store: LocalStore, query: PatientQuery, limit: number): PatientRow[] {
  let where: string;
  let params: unknown[];
  if (query.kind === 'dateOfBirth') {
    where = 'date_of_birth = ?';
    params = [query.date];
  } else if (query.kind === 'phone') {
    where = `${phoneDigitsSql} like ? escape '\\'`;
    params = [`%${likeEscape(query.digits)}%`];
  } else {
    if (query.terms.length === 0) return [];
    // One fixed fragment per term; only the parameters come from the user. A term may start
    // any word of a name: "Navarro" finds "Flores Navarro", "Smith" finds "Jones-Smith".
    const word = `(lower(first_name) like ? escape '\\' or lower(last_name) like ? escape '\\' or ' ' || replace(lower(first_name || ' ' || last_name), '-', ' ') like ? escape '\\')`;
    where = query.terms.map(() => word).join(' and ');
    params = query.terms.flatMap((t) => [`${likeEscape(t)}%`, `${likeEscape(t)}%`, `% ${likeEscape(t)}%`]);
  }
  const ids = store.sqlite.prepare(`select id from patients where deleted = 0 and ${where} order by last_name, first_name, date_of_birth limit ?`)
    .all(...params, limit) as { id: string }[];
  if (ids.length === 0) return [];
  const rows = new Map(store.db.select().from(schema.patients).where(inArray(schema.patients.id, ids.map((r) => r.id))).all().map((r) => [r.id, r]));
  return ids.flatMap(({ id }) => rows.get(id) ?? []);
}

const patientDetails = z.object({
  firstName: z.string().trim().min(1, englishOf('refusal.firstNameMissing')).max(100),
  lastName: z.string().trim().min(1, englishOf('refusal.lastNameMissing')).max(100),
  dateOfBirth: z.string().trim(),
  phone: z.string().trim().max(40).optional().transform((v) => v || null),
  email: z.union([z.literal(''), z.email(englishOf('refusal.emailInvalid')).max(254)]).optional().transform((v) => v || null),
  preferredChannel: z.enum(['sms', 'email', 'none']).default('sms'),
  preferredLanguage: z.enum(['en', 'es']).default('en'),
});

export const patientOperations = defineOperations('patients', {
  search: staffOperation({
    description: 'search patients',
    roles: staffRoles,
    input: z.object({ query: z.string().trim().min(2, englishOf('refusal.searchTooShort')).max(100), limit: z.int().min(1).max(50).default(20) }),
    handler: ({ store }, { query, limit }) => {
      const parsed = classifyPatientQuery(query);
      return { searchedBy: parsed.kind, patients: searchPatients(store, parsed, limit).map(toSummary) };
    },
  }),

  create: staffOperation({
    description: 'register patients',
    roles: staffRoles,
    input: patientDetails.extend({
      /** The desk looked at the possible duplicates and this is someone else. */
      isNotDuplicate: z.boolean().default(false),
    }),
    handler: (call, input) => {
      const today = readWallClock(call.now, call.ctx.timeZone ?? systemTimeZone()).date;
      const issues = checkPatientDetails(input, today);
      if (issues.length > 0) throw refuse('invalid_input', issues.map((i) => i.sentence), { issues: issues.map(({ field, message }) => ({ field, message })) });
      if (!input.isNotDuplicate) {
        const same = searchPatients(call.store, { kind: 'dateOfBirth', date: input.dateOfBirth }, 50)
          .filter((p) => p.lastName.toLowerCase() === input.lastName.toLowerCase() && p.firstName.toLowerCase() === input.firstName.toLowerCase());
        if (same.length > 0) {
          throw refuse('duplicate', say('refusal.patientRegistered', { name: `${input.firstName} ${input.lastName}`, date: input.dateOfBirth }), {
            patients: same.map(toSummary),
          });
        }
      }
      const id = uuidv7();
      call.write({
        table: 'patients',
        rowId: id,
        isNew: true,
        action: 'patient.create',
        values: {
          first_name: input.firstName,
          last_name: input.lastName,
          date_of_birth: input.dateOfBirth,
          phone: input.phone,
          email: input.email,
          preferred_channel: input.preferredChannel,
          preferred_language: input.preferredLanguage,
        },
      });
      return { patient: toSummary(requirePatient(call.store, id)) };
    },
  }),

  panel: staffOperation({
    description: 'see patient records',
    roles: staffRoles,
    input: z.object({ patientId: entityId, locationId: entityId.optional(), pastLimit: z.int().min(1).max(500).default(50) }),
    handler: ({ store, now }, { patientId, locationId, pastLimit }) => {
      const patient = requirePatient(store, patientId);
      const a = schema.appointments;
      const rows = store.db.select({ appointment: a, serviceName: schema.services.name, providerName: schema.providers.name }).from(a)
        .leftJoin(schema.services, eq(schema.services.id, a.serviceId))
        .leftJoin(schema.providers, eq(schema.providers.id, a.providerId))
        .where(and(eq(a.patientId, patient.id), eq(a.deleted, false)))
        .orderBy(desc(a.startAt), asc(a.id))
        .all();
      const withNames = rows.map((r) => ({ ...toAppointmentView(r.appointment), serviceName: r.serviceName, providerName: r.providerName }));
      const upcoming = withNames.filter((v) => v.startAt >= now && isActive(v.status)).reverse();
      const past = withNames.filter((v) => !(v.startAt >= now && isActive(v.status))).slice(0, pastLimit);
      // The policy of the desk's location when given; a patient's record is the same everywhere.
      const policyLocation = locationId ?? rows[0]?.appointment.locationId ?? '';
      return {
        patient: toSummary(patient),
        upcoming,
        past,
        attendance: summarizeAttendance(rows.map((r) => r.appointment), loadPolicy(store, policyLocation)),
      };
    },
  }),
});
