import { appointmentFromRow } from '../schema/appointment-row';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, findCollisions, isActive } from '../rules/overlap';
import type { Appointment, AppointmentStatus } from '../rules/types';
import { replicatedTableNames, tableSpecs, type ReplicatedTableName } from '../schema/registry';
import { generateDemoClinic, type DemoClinic, type DemoRow } from './generate';

// 2025-03-12 puts the spring-forward night (2025-03-09) inside the six months.
const anchorDate = '2025-03-12';
const hashSecret = (secret: string) => `test-hash:${secret}`;
const MINUTE = 60_000;

let clinic: DemoClinic;
beforeAll(() => {
  clinic = generateDemoClinic({ seed: 7, anchorDate, hashSecret });
});

const rowsOf = (c: DemoClinic, table: ReplicatedTableName): DemoRow[] => c.tables[table] ?? [];
const byId = (rows: DemoRow[]) => new Map(rows.map((r) => [r.id as string, r]));
const wallMinutes = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));

const toAppointment = appointmentFromRow;

/** Sort-based sweep: within one claim key, each claim must start at or after the latest end so far. */
function findOverlappingClaims(appointments: Appointment[]): string[] {
  const claimsByKey = new Map<string, { start: number; end: number; id: string }[]>();
  for (const a of appointments) {
    for (const c of claimsOf(a)) {
      const key = `${c.kind}:${c.key}`;
      const list = claimsByKey.get(key) ?? [];
      list.push({ start: c.start, end: c.end, id: a.id });
      claimsByKey.set(key, list);
    }
  }
  const clashes: string[] = [];
  for (const [key, claims] of claimsByKey) {
    claims.sort((x, y) => x.start - y.start);
    let latest = { end: -Infinity, id: '' };
    for (const c of claims) {
      if (c.start < latest.end) clashes.push(`${key}: ${latest.id} / ${c.id}`);
      if (c.end > latest.end) latest = c;
    }
  }
  return clashes;
}

describe('generateDemoClinic', () => {
  it('is deterministic: the same options give the same clinic', () => {
    const again = generateDemoClinic({ seed: 7, anchorDate, hashSecret });
    expect(JSON.stringify(again)).toBe(JSON.stringify(clinic));
  });

  it('gives a different clinic for a different seed', () => {
    const other = generateDemoClinic({ seed: 8, anchorDate, hashSecret });
    expect(other.orgId).not.toBe(clinic.orgId);
    expect(JSON.stringify(rowsOf(other, 'appointments'))).not.toBe(JSON.stringify(rowsOf(clinic, 'appointments')));
    expect(rowsOf(other, 'patients').map((p) => p.last_name)).not.toEqual(rowsOf(clinic, 'patients').map((p) => p.last_name));
  });

  it('has the clinic described: two zones, 12 providers, 10 services, 2,000 patients, ~15,000 appointments over 6 months', () => {
    const locations = rowsOf(clinic, 'locations');
    expect(locations.map((l) => l.time_zone).sort()).toEqual(['America/Los_Angeles', 'America/New_York']);
    expect(rowsOf(clinic, 'organizations')).toHaveLength(1);
    expect(rowsOf(clinic, 'providers')).toHaveLength(12);
    expect(rowsOf(clinic, 'services')).toHaveLength(10);
    expect(rowsOf(clinic, 'patients')).toHaveLength(2000);
    const appointments = rowsOf(clinic, 'appointments');
    expect(appointments.length).toBeGreaterThanOrEqual(13_000);
    expect(appointments.length).toBeLessThanOrEqual(17_000);

    const anchor = Temporal.PlainDate.from(anchorDate);
    const earliest = anchor.subtract({ months: 3 }).toZonedDateTime('Pacific/Kiritimati').epochMilliseconds;
    const latest = anchor.add({ months: 3 }).toZonedDateTime('Pacific/Niue').epochMilliseconds;
    const starts = appointments.map((a) => a.start_at as number);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(earliest);
    expect(Math.max(...starts)).toBeLessThan(latest);

    const roles = new Set(rowsOf(clinic, 'staff_users').map((s) => s.role));
    for (const role of ['receptionist', 'nurse', 'provider', 'manager', 'admin']) expect(roles).toContain(role);
    expect(new Set(rowsOf(clinic, 'providers').map((p) => p.specialty)).size).toBeGreaterThanOrEqual(5);
  });

  it('puts every row in one organization with all NOT NULL columns of its table and nothing else', () => {
    // Problems are collected and compared once: an expect() per cell would cost seconds.
    const problems: string[] = [];
    const typeOfKind = { text: 'string', integer: 'number', boolean: 'boolean', json: 'object' } as const;
    for (const table of replicatedTableNames) {
      const spec = tableSpecs[table];
      const known = new Set(spec.columns.map((c) => c.name));
      for (const row of rowsOf(clinic, table)) {
        for (const column of spec.columns) {
          const value = row[column.name];
          if (value === null || value === undefined) {
            if (column.notNull || value === undefined) problems.push(`${table}.${column.name} missing in ${row.id}`);
          } else if (typeof value !== typeOfKind[column.kind]) {
            problems.push(`${table}.${column.name} is ${typeof value} in ${row.id}`);
          }
        }
        for (const key of Object.keys(row)) if (!known.has(key)) problems.push(`${table}.${key} is not a column`);
        if (row.org_id !== clinic.orgId || row.deleted !== false || row.server_seq !== null) problems.push(`${table} ${row.id} bookkeeping`);
        if (JSON.stringify(row.hlc) !== '{}') problems.push(`${table} ${row.id} hlc`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses unique UUID-shaped ids and unique unambiguous confirmation codes', () => {
    const ids = replicatedTableNames.flatMap((t) => rowsOf(clinic, t).map((r) => r.id as string));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toEqual([]);
    const codes = rowsOf(clinic, 'appointments').map((a) => a.confirmation_code as string);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => !/^[A-HJ-NP-Z2-9]{6,8}$/.test(code))).toEqual([]);
  });

  it('hashes each listed PIN into its staff user', () => {
    const staff = rowsOf(clinic, 'staff_users');
    expect(clinic.staffCredentials).toHaveLength(staff.length);
    clinic.staffCredentials.forEach((cred, i) => {
      expect(staff[i]!.name).toBe(cred.name);
      expect(staff[i]!.role).toBe(cred.role);
      expect(staff[i]!.secret_hash).toBe(hashSecret(cred.secret));
      expect(cred.secret).toMatch(/^\d{6}$/);
    });
  });

  it('has about 10% no-shows among past appointments and only booked, confirmed or cancelled ones ahead', () => {
    const locations = byId(rowsOf(clinic, 'locations'));
    const anchor = Temporal.PlainDate.from(anchorDate);
    const todayStart = new Map([...locations].map(([id, l]) => [id, anchor.toZonedDateTime(l.time_zone as string).epochMilliseconds]));
    const past = rowsOf(clinic, 'appointments').filter((a) => (a.start_at as number) < todayStart.get(a.location_id as string)!);
    const future = rowsOf(clinic, 'appointments').filter((a) => (a.start_at as number) >= todayStart.get(a.location_id as string)!);
    const share = (rows: DemoRow[], status: string) => rows.filter((a) => a.status === status).length / rows.length;

    expect(share(past, 'no_show')).toBeGreaterThanOrEqual(0.07);
    expect(share(past, 'no_show')).toBeLessThanOrEqual(0.13);
    expect(share(past, 'completed')).toBeGreaterThan(0.6);
    expect(share(past, 'cancelled')).toBeGreaterThan(0);
    expect(share(past, 'late_cancelled')).toBeGreaterThan(0);
    expect(new Set(future.map((a) => a.status))).toEqual(new Set(['booked', 'confirmed', 'cancelled']));
    expect(share(future, 'cancelled')).toBeGreaterThan(0);
    expect(share(future, 'cancelled')).toBeLessThan(0.1);

    const channels = new Set(rowsOf(clinic, 'appointments').map((a) => a.source_channel));
    expect([...channels].sort()).toEqual(['desk', 'kiosk', 'online', 'phone']);
  });

  it('never overlaps active appointments on provider or resource (buffered) or patient (bare visit)', () => {
    const appointments = rowsOf(clinic, 'appointments').map(toAppointment);
    expect(findOverlappingClaims(appointments)).toEqual([]);
    // Cancelled visits were sometimes rebooked: the slot is reused, which is the point.
    expect(appointments.some((a) => !isActive(a.status))).toBe(true);
  });

  it('agrees with findCollisions on a sample of appointments and their neighbours', () => {
    const appointments = rowsOf(clinic, 'appointments').map(toAppointment).sort((a, b) => a.startAt - b.startAt);
    for (let i = 0; i < appointments.length; i += 50) {
      const a = appointments[i]!;
      const neighbours = appointments.filter((b) => Math.abs(b.startAt - a.startAt) < 4 * 60 * MINUTE);
      expect(findCollisions(a, neighbours)).toEqual([]);
    }
  });

  it('books services with their buffers, eligible providers and resources at the location', () => {
    const services = byId(rowsOf(clinic, 'services'));
    const providers = byId(rowsOf(clinic, 'providers'));
    const resources = byId(rowsOf(clinic, 'resources'));
    const patients = byId(rowsOf(clinic, 'patients'));
    const problems: string[] = [];
    for (const a of rowsOf(clinic, 'appointments')) {
      const service = services.get(a.service_id as string)!;
      const provider = providers.get(a.provider_id as string)!;
      const eligible = service.eligible_provider_ids as string[];
      const assigned = a.resource_ids as string[];
      const needed = service.required_resources as string[][];
      const checks: [string, boolean][] = [
        ['patient exists', patients.has(a.patient_id as string)],
        ['buffers copied', a.buffer_before_min === service.buffer_before_min && a.buffer_after_min === service.buffer_after_min],
        ['duration', (a.end_at as number) - (a.start_at as number) === (service.duration_min as number) * MINUTE],
        ['booked before start', (a.booked_at as number) < (a.start_at as number)],
        ['eligible provider', eligible.length === 0 || eligible.includes(a.provider_id as string)],
        ['provider works at location', (provider.location_ids as string[]).includes(a.location_id as string)],
        ['one resource per set', assigned.length === needed.length],
        ['resources from their sets at the location', needed.every((set, i) =>
          set.includes(assigned[i]!) && resources.get(assigned[i]!)?.location_id === a.location_id)],
      ];
      for (const [what, ok] of checks) if (!ok) problems.push(`${a.id}: ${what}`);
    }
    expect(problems).toEqual([]);
    const durations = [...services.values()].map((s) => s.duration_min as number);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...durations)).toBeLessThanOrEqual(60);
    expect([...services.values()].some((s) => (s.buffer_before_min as number) > 0)).toBe(true);
    expect([...services.values()].some((s) => (s.eligible_provider_ids as string[]).length > 0)).toBe(true);
  });

  it("keeps every active appointment inside its provider's template hours in the location's zone, off breaks and time off", () => {
    const locations = byId(rowsOf(clinic, 'locations'));
    const templates = rowsOf(clinic, 'schedule_templates');
    const timeOff = rowsOf(clinic, 'schedule_exceptions').filter((e) => e.kind === 'time_off');
    const templatesFor = new Map<string, DemoRow[]>();
    for (const t of templates) {
      const key = `${t.provider_id}:${t.location_id}:${t.weekday}`;
      templatesFor.set(key, [...(templatesFor.get(key) ?? []), t]);
    }
    const outside: string[] = [];
    for (const a of rowsOf(clinic, 'appointments')) {
      if (!isActive(a.status as AppointmentStatus)) continue;
      const zone = locations.get(a.location_id as string)!.time_zone as string;
      const start = Temporal.Instant.fromEpochMilliseconds(a.start_at as number).toZonedDateTimeISO(zone);
      const end = Temporal.Instant.fromEpochMilliseconds(a.end_at as number).toZonedDateTimeISO(zone);
      const startMin = start.hour * 60 + start.minute;
      const endMin = end.hour * 60 + end.minute;
      const fits = (templatesFor.get(`${a.provider_id}:${a.location_id}:${start.dayOfWeek}`) ?? []).some((t) =>
        start.toPlainDate().equals(end.toPlainDate()) &&
        startMin >= wallMinutes(t.start as string) &&
        endMin <= wallMinutes(t.end as string) &&
        (t.breaks as { start: string; end: string }[]).every((b) => endMin <= wallMinutes(b.start) || startMin >= wallMinutes(b.end)));
      const isOff = timeOff.some((e) =>
        e.provider_id === a.provider_id &&
        (e.location_id === null || e.location_id === a.location_id) &&
        (a.start_at as number) < (e.end_at as number) && (e.start_at as number) < (a.end_at as number));
      if (!fits || isOff) outside.push(`${a.id} ${start.toString()}`);
    }
    expect(outside).toEqual([]);
  });

  it('has varied patients: Spanish speakers ~15%, children, reserved contact details', () => {
    const patients = rowsOf(clinic, 'patients');
    const spanish = patients.filter((p) => p.preferred_language === 'es').length / patients.length;
    expect(spanish).toBeGreaterThan(0.1);
    expect(spanish).toBeLessThan(0.2);
    expect(new Set(patients.map((p) => `${p.first_name} ${p.last_name}`)).size).toBeGreaterThan(1500);
    const anchorYear = Number(anchorDate.slice(0, 4));
    expect(patients.some((p) => anchorYear - Number((p.date_of_birth as string).slice(0, 4)) < 10)).toBe(true);
    expect(patients.some((p) => anchorYear - Number((p.date_of_birth as string).slice(0, 4)) > 70)).toBe(true);
    expect(patients.filter((p) =>
      !/^\d{4}-\d{2}-\d{2}$/.test(p.date_of_birth as string) ||
      (p.phone !== null && !/^\+1 \d{3} 555 01\d{2}$/.test(p.phone as string)) ||
      (p.email !== null && !/@example\.(com|org|net)$/.test(p.email as string)))).toEqual([]);
  });

  it('honours a smaller patient count', () => {
    const small = generateDemoClinic({ seed: 3, anchorDate: '2025-10-20', patients: 150, hashSecret });
    expect(rowsOf(small, 'patients')).toHaveLength(150);
    expect(findOverlappingClaims(rowsOf(small, 'appointments').map(toAppointment))).toEqual([]);
  });
});
