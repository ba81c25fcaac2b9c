import { describe, expect, it } from 'vitest';
import { findOrphanedAppointments, type OrphanInput } from './orphans';
import type { Appointment, AppointmentStatus, ScheduleException, ScheduleTemplate } from './types';

const LA = { id: 'la', timeZone: 'America/Los_Angeles' };
const NY = { id: 'ny', timeZone: 'America/New_York' };
const minute = 60_000;
const hour = 60 * minute;
let ids = 0;

function template(weekday: number, start: string, end: string, extra: Partial<ScheduleTemplate> = {}): ScheduleTemplate {
  return { id: `t${ids++}`, providerId: 'p1', locationId: LA.id, weekday, start, end, breaks: [], validFrom: null, validTo: null, ...extra };
}

function visit(startAt: number, minutes: number, extra: Partial<Appointment> = {}): Appointment {
  return {
    id: `a${ids++}`, locationId: LA.id, providerId: 'p1', serviceId: 's', patientId: 'x', resourceIds: [],
    startAt, endAt: startAt + minutes * minute, status: 'booked', bufferBeforeMin: 0, bufferAfterMin: 0, overbook: false, ...extra,
  };
}

function timeOff(startAt: number, endAt: number, extra: Partial<ScheduleException> = {}): ScheduleException {
  return { id: `e${ids++}`, providerId: 'p1', locationId: null, kind: 'time_off', startAt, endAt, ...extra };
}

const orphanIds = (input: Partial<OrphanInput> & Pick<OrphanInput, 'appointments'>) =>
  findOrphanedAppointments({ locations: [LA, NY], templates: [], exceptions: [], ...input }).map((a) => a.id);

describe('orphaned appointments on DST days in Los Angeles', () => {
  // Sunday 2026-03-08: clocks jump from 02:00 PST to 03:00 PDT, so 01:00-04:00 is two real hours.
  const springBlock = template(7, '01:00', '04:00');
  const blockStart = Date.UTC(2026, 2, 8, 9, 0); // 01:00 PST

  it('keeps a visit in the last real hour of a block that lost an hour', () => {
    const lastHalfHour = visit(Date.UTC(2026, 2, 8, 10, 30), 30); // 03:30 PDT
    expect(orphanIds({ templates: [springBlock], appointments: [lastHalfHour] })).toEqual([]);
  });

  it('orphans a visit three real hours after the start: wall-clock arithmetic would keep it', () => {
    const late = visit(blockStart + 2.5 * hour, 30); // 04:30 PDT, after closing
    expect(orphanIds({ templates: [springBlock], appointments: [late] })).toEqual([late.id]);
  });

  // Sunday 2026-11-01: 01:00-02:00 happens twice, so 00:00-03:00 is four real hours.
  const fallBlock = template(7, '00:00', '03:00');

  it('keeps a visit in the repeated hour of a block that gained one', () => {
    const repeatedHour = visit(Date.UTC(2026, 10, 1, 10, 0), 30); // 02:00 PST, the fourth real hour
    expect(orphanIds({ templates: [fallBlock], appointments: [repeatedHour] })).toEqual([]);
  });

  it('orphans a visit that runs past the block end on the fall-back night', () => {
    const overrun = visit(Date.UTC(2026, 10, 1, 10, 45), 30); // 02:45-03:15 PST
    expect(orphanIds({ templates: [fallBlock], appointments: [overrun] })).toEqual([overrun.id]);
  });
});

describe('orphaned appointments', () => {
  // Wednesday 2026-03-11 in Los Angeles (PDT, UTC-7): 09:00-17:00 with lunch 12:00-13:00.
  const wednesday = template(3, '09:00', '17:00', { breaks: [{ start: '12:00', end: '13:00' }] });
  const at = (h: number, m = 0) => Date.UTC(2026, 2, 11, h + 7, m);

  it('orphans a booked visit that time off now covers, and not its neighbour', () => {
    const covered = visit(at(10), 30);
    const before = visit(at(9), 30);
    const off = timeOff(at(10), at(11));
    expect(orphanIds({ templates: [wednesday], appointments: [covered, before] })).toEqual([]);
    expect(orphanIds({ templates: [wednesday], exceptions: [off], appointments: [covered, before] })).toEqual([covered.id]);
  });

  it('orphans a visit that time off only partly covers', () => {
    const covered = visit(at(10), 30);
    expect(orphanIds({ templates: [wednesday], exceptions: [timeOff(at(10, 15), at(10, 20))], appointments: [covered] })).toEqual([covered.id]);
  });

  it('ignores time off at another location, and applies time off for every location', () => {
    const covered = visit(at(10), 30);
    const elsewhere = timeOff(at(10), at(11), { locationId: NY.id });
    expect(orphanIds({ templates: [wednesday], exceptions: [elsewhere], appointments: [covered] })).toEqual([]);
    expect(orphanIds({ templates: [wednesday], exceptions: [{ ...elsewhere, locationId: null }], appointments: [covered] })).toEqual([covered.id]);
  });

  it('orphans a visit booked over a new lunch break', () => {
    const lunch = visit(at(12, 30), 30);
    expect(orphanIds({ templates: [wednesday], appointments: [lunch] })).toEqual([lunch.id]);
    expect(orphanIds({ templates: [{ ...wednesday, breaks: [] }], appointments: [lunch] })).toEqual([]);
  });

  it('lets extra hours keep a visit outside the template', () => {
    const evening = visit(at(18), 30);
    const extra: ScheduleException = { id: 'x', providerId: 'p1', locationId: LA.id, kind: 'extra_hours', startAt: at(17), endAt: at(19) };
    expect(orphanIds({ templates: [wednesday], appointments: [evening] })).toEqual([evening.id]);
    expect(orphanIds({ templates: [wednesday], exceptions: [extra], appointments: [evening] })).toEqual([]);
  });

  it('judges the visit as booking does: its buffers may lie outside working hours', () => {
    const opening = visit(at(9), 30, { bufferBeforeMin: 15, bufferAfterMin: 10 });
    const closing = visit(at(16, 30), 30, { bufferAfterMin: 15 });
    expect(orphanIds({ templates: [wednesday], appointments: [opening, closing] })).toEqual([]);
  });

  it('lists only visits still ahead: booked or confirmed', () => {
    const statuses: AppointmentStatus[] = ['cancelled', 'late_cancelled', 'no_show', 'completed', 'checked_in', 'in_progress'];
    const night = statuses.map((status) => visit(at(22), 30, { status }));
    expect(orphanIds({ templates: [wednesday], appointments: night })).toEqual([]);
    expect(orphanIds({ templates: [wednesday], appointments: [visit(at(22), 30, { status: 'confirmed' })] })).toHaveLength(1);
  });

  it("judges each visit by its own provider's templates at its own location", () => {
    const otherProvider = visit(at(10), 30, { providerId: 'p2' });
    const otherLocation = visit(Date.UTC(2026, 2, 11, 14), 30, { locationId: NY.id }); // 10:00 in New York
    expect(orphanIds({ templates: [wednesday], appointments: [otherProvider, otherLocation] })).toEqual([otherProvider.id, otherLocation.id]);
  });

  it('respects a template’s validity window', () => {
    const booked = visit(at(10), 30);
    expect(orphanIds({ templates: [{ ...wednesday, validTo: '2026-03-10' }], appointments: [booked] })).toEqual([booked.id]);
    expect(orphanIds({ templates: [{ ...wednesday, validFrom: '2026-03-11' }], appointments: [booked] })).toEqual([]);
  });
});
