import { describe, expect, it } from 'vitest';
import { findFirstAvailable, findOpenSlots, type AvailabilityInput, type OpenSlot } from './availability';
import type { Appointment, AppointmentStatus, ScheduleException, ScheduleTemplate, Service } from './types';
import { formatWallClock, getIsoWeekday, readWallClock, resolveWallTime } from './wallclock';

const zone = 'America/New_York';
const monday = '2026-03-09';
const tuesday = '2026-03-10';

function template(overrides: Partial<ScheduleTemplate> = {}): ScheduleTemplate {
  return {
    id: 't1',
    providerId: 'p1',
    locationId: 'L1',
    weekday: 1,
    start: '09:00',
    end: '12:00',
    breaks: [],
    validFrom: null,
    validTo: null,
    ...overrides,
  };
}

function service(overrides: Partial<Service> = {}): Service {
  return { id: 's1', durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, eligibleProviderIds: [], requiredResources: [], ...overrides };
}

let nextId = 0;
function appointment(date: string, start: string, end: string, overrides: Partial<Appointment> = {}): Appointment {
  nextId += 1;
  return {
    id: `a${nextId}`,
    locationId: 'L1',
    providerId: 'p1',
    serviceId: 's1',
    patientId: `pt${nextId}`,
    resourceIds: [],
    startAt: resolveWallTime(date, start, zone),
    endAt: resolveWallTime(date, end, zone),
    status: 'booked',
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    overbook: false,
    ...overrides,
  };
}

function exception(kind: ScheduleException['kind'], date: string, start: string, end: string, locationId: string | null = 'L1'): ScheduleException {
  return { id: `e-${kind}-${start}`, providerId: 'p1', locationId, kind, startAt: resolveWallTime(date, start, zone), endAt: resolveWallTime(date, end, zone) };
}

function input(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    location: { id: 'L1', timeZone: zone },
    service: service(),
    providerIds: ['p1'],
    from: monday,
    to: monday,
    templates: [template()],
    exceptions: [],
    appointments: [],
    ...overrides,
  };
}

const startTimes = (slots: OpenSlot[], timeZone = zone): string[] => slots.map((s) => readWallClock(s.startAt, timeZone).time);
const startStamps = (slots: OpenSlot[], timeZone: string): string[] => slots.map((s) => formatWallClock(s.startAt, timeZone));

describe('findOpenSlots: working hours', () => {
  it('offers every step of a weekly block on its weekday only', () => {
    const slots = findOpenSlots(input({ from: monday, to: tuesday }));
    expect(startTimes(slots)).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
    expect(slots[0]).toEqual({ providerId: 'p1', startAt: Date.parse('2026-03-09T13:00Z'), endAt: Date.parse('2026-03-09T13:30Z'), resourceIds: [] });
  });

  it('keeps visits out of breaks without shifting the grid after them', () => {
    const slots = findOpenSlots(input({ templates: [template({ breaks: [{ start: '10:00', end: '10:20' }] })] }));
    expect(startTimes(slots)).toEqual(['09:00', '09:15', '09:30', '10:30', '10:45', '11:00', '11:15', '11:30']);
  });

  it('honours validFrom and validTo as inclusive dates', () => {
    const templates = [template({ validFrom: monday, validTo: monday })];
    expect(findOpenSlots(input({ templates }))).toHaveLength(11);
    expect(findOpenSlots(input({ templates: [template({ validTo: '2026-03-08' })] }))).toEqual([]);
    expect(findOpenSlots(input({ templates: [template({ validFrom: tuesday })] }))).toEqual([]);
  });

  it('ignores templates the provider works at another location', () => {
    expect(findOpenSlots(input({ templates: [template({ locationId: 'L2' })] }))).toEqual([]);
  });

  it('removes time off here and time off without a location, but not time off elsewhere', () => {
    const here = exception('time_off', monday, '09:00', '11:00');
    const everywhere = exception('time_off', monday, '09:00', '11:00', null);
    const elsewhere = exception('time_off', monday, '09:00', '11:00', 'L2');
    expect(startTimes(findOpenSlots(input({ exceptions: [here] })))).toEqual(['11:00', '11:15', '11:30']);
    expect(startTimes(findOpenSlots(input({ exceptions: [everywhere] })))).toEqual(['11:00', '11:15', '11:30']);
    expect(findOpenSlots(input({ exceptions: [elsewhere] }))).toHaveLength(11);
  });

  it('keeps the grid of the block when time off ends off the grid', () => {
    const slots = findOpenSlots(input({ exceptions: [exception('time_off', monday, '09:00', '11:07')] }));
    expect(startTimes(slots)).toEqual(['11:15', '11:30']);
  });

  it('adds extra hours, which also override a break they cover', () => {
    const extra = exception('extra_hours', tuesday, '14:00', '15:00');
    expect(startTimes(findOpenSlots(input({ from: tuesday, to: tuesday, exceptions: [extra] })))).toEqual(['14:00', '14:15', '14:30']);
    const workThroughLunch = exception('extra_hours', monday, '10:00', '10:30');
    const templates = [template({ breaks: [{ start: '10:00', end: '10:30' }] })];
    expect(findOpenSlots(input({ templates, exceptions: [workThroughLunch] }))).toHaveLength(11);
  });

  it('continues the grid across extra hours that extend a block', () => {
    const extra = exception('extra_hours', monday, '12:00', '12:45');
    expect(startTimes(findOpenSlots(input({ exceptions: [extra] }))).slice(-3)).toEqual(['11:45', '12:00', '12:15']);
  });

  it('runs an overnight block into the next day and files slots under their own local day', () => {
    const templates = [template({ weekday: 1, start: '22:00', end: '02:00' })];
    const mondayOnly = findOpenSlots(input({ templates, service: service({ durationMin: 60 }), stepMin: 60 }));
    expect(startStamps(mondayOnly, zone)).toEqual(['2026-03-09T22:00-04:00', '2026-03-09T23:00-04:00']);
    const tuesdayOnly = findOpenSlots(input({ templates, service: service({ durationMin: 60 }), stepMin: 60, from: tuesday, to: tuesday }));
    expect(startStamps(tuesdayOnly, zone)).toEqual(['2026-03-10T00:00-04:00', '2026-03-10T01:00-04:00']);
  });

  it('offers only providers eligible for the service', () => {
    const templates = [template(), template({ id: 't2', providerId: 'p2' })];
    const slots = findOpenSlots(input({ templates, providerIds: ['p1', 'p2'], service: service({ eligibleProviderIds: ['p2', 'p3'] }) }));
    expect(new Set(slots.map((s) => s.providerId))).toEqual(new Set(['p2']));
  });

  it('does not offer slots that start before notBefore', () => {
    const slots = findOpenSlots(input({ notBefore: resolveWallTime(monday, '10:40', zone) }));
    expect(startTimes(slots)).toEqual(['10:45', '11:00', '11:15', '11:30']);
  });

  it('sorts by start, then provider id', () => {
    const templates = [template({ providerId: 'p2', id: 't2' }), template()];
    const slots = findOpenSlots(input({ templates, providerIds: ['p2', 'p1'] }));
    expect(slots.slice(0, 4).map((s) => [readWallClock(s.startAt, zone).time, s.providerId])).toEqual([
      ['09:00', 'p1'],
      ['09:00', 'p2'],
      ['09:15', 'p1'],
      ['09:15', 'p2'],
    ]);
  });
});

describe('findOpenSlots: buffers and appointments', () => {
  it('lets buffers spill outside working hours while the visit stays inside', () => {
    const slots = findOpenSlots(input({ templates: [template({ end: '10:00' })], service: service({ bufferBeforeMin: 10, bufferAfterMin: 10 }) }));
    expect(startTimes(slots)).toEqual(['09:00', '09:15', '09:30']);
  });

  it('lets the cleanup buffer run into a break', () => {
    const templates = [template({ breaks: [{ start: '10:00', end: '11:00' }] })];
    const slots = findOpenSlots(input({ templates, service: service({ bufferAfterMin: 15 }) }));
    expect(startTimes(slots)).toContain('09:30');
  });

  it("rejects a booking that overlaps the provider's buffer", () => {
    const existing = appointment(monday, '10:00', '10:30', { bufferAfterMin: 15 });
    const slots = findOpenSlots(input({ appointments: [existing] }));
    expect(startTimes(slots)).toEqual(['09:00', '09:15', '09:30', '10:45', '11:00', '11:15', '11:30']);
  });

  it("rejects a booking whose own buffer reaches into another appointment's buffer", () => {
    const existing = appointment(monday, '10:00', '10:30', { bufferBeforeMin: 5 });
    const slots = findOpenSlots(input({ appointments: [existing], service: service({ bufferAfterMin: 10 }) }));
    // 09:15 + 30 min + 10 min cleanup = 09:55, the existing preparation starts 09:55: they touch.
    expect(startTimes(slots)).toEqual(['09:00', '09:15', '10:30', '10:45', '11:00', '11:15', '11:30']);
  });

  it.each<AppointmentStatus>(['cancelled', 'late_cancelled', 'no_show'])('frees the time of a %s appointment', (status) => {
    const slots = findOpenSlots(input({ appointments: [appointment(monday, '09:00', '12:00', { status })] }));
    expect(slots).toHaveLength(11);
  });

  it('treats completed and overbooked appointments as busy', () => {
    const appointments = [
      appointment(monday, '09:00', '10:00', { status: 'completed' }),
      appointment(monday, '10:00', '11:00', { overbook: true }),
    ];
    expect(startTimes(findOpenSlots(input({ appointments })))).toEqual(['11:00', '11:15', '11:30']);
  });

  it('keeps a provider busy with an appointment at another location', () => {
    const away = appointment(monday, '09:00', '11:00', { locationId: 'L2' });
    expect(startTimes(findOpenSlots(input({ appointments: [away] })))).toEqual(['11:00', '11:15', '11:30']);
  });

  it("ignores other providers' appointments", () => {
    const other = appointment(monday, '09:00', '12:00', { providerId: 'p2' });
    expect(findOpenSlots(input({ appointments: [other] }))).toHaveLength(11);
  });
});

describe('findOpenSlots: resources', () => {
  const rooms = [
    { id: 'room1', locationId: 'L1' },
    { id: 'room2', locationId: 'L1' },
    { id: 'roomX', locationId: 'L2' },
  ];

  it('takes the first free resource of each set, in list order', () => {
    const busyRoom = appointment(monday, '09:00', '09:30', { providerId: 'p9', resourceIds: ['room1'] });
    const slots = findOpenSlots(input({ resources: rooms, appointments: [busyRoom], service: service({ requiredResources: [['room1', 'room2']] }) }));
    expect(slots[0]?.resourceIds).toEqual(['room2']);
    expect(slots.find((s) => readWallClock(s.startAt, zone).time === '09:30')?.resourceIds).toEqual(['room1']);
  });

  it("counts the resource's buffers as busy", () => {
    const busyRoom = appointment(monday, '09:00', '09:30', { providerId: 'p9', resourceIds: ['room1'], bufferAfterMin: 20 });
    const slots = findOpenSlots(input({ resources: rooms, appointments: [busyRoom], service: service({ requiredResources: [['room1']] }) }));
    expect(startTimes(slots)[0]).toBe('10:00');
  });

  it('offers nothing while every resource of a set is taken', () => {
    const appointments = [
      appointment(monday, '09:00', '12:00', { providerId: 'p8', resourceIds: ['room1'] }),
      appointment(monday, '09:00', '10:00', { providerId: 'p9', resourceIds: ['room2'] }),
    ];
    const slots = findOpenSlots(input({ resources: rooms, appointments, service: service({ requiredResources: [['room1', 'room2']] }) }));
    expect(startTimes(slots)[0]).toBe('10:00');
  });

  it('never fills two sets with the same resource', () => {
    const slots = findOpenSlots(input({ resources: rooms, service: service({ requiredResources: [['room1', 'room2'], ['room1', 'room2']] }) }));
    expect(slots[0]?.resourceIds).toEqual(['room1', 'room2']);
    const impossible = findOpenSlots(input({ resources: rooms, service: service({ requiredResources: [['room1'], ['room1']] }) }));
    expect(impossible).toEqual([]);
  });

  it('uses only resources at this location when the resource list is given', () => {
    const service_ = service({ requiredResources: [['roomX']] });
    expect(findOpenSlots(input({ resources: rooms, service: service_ }))).toEqual([]);
    expect(findOpenSlots(input({ service: service_ }))[0]?.resourceIds).toEqual(['roomX']);
  });
});

describe('findFirstAvailable', () => {
  it('returns the earliest slot, the lower provider id winning a tie', () => {
    const templates = [template({ providerId: 'p2', id: 't2' }), template({ providerId: 'p1', start: '09:00' })];
    const first = findFirstAvailable(input({ templates, providerIds: ['p2', 'p1'] }));
    expect(first?.providerId).toBe('p1');
    expect(readWallClock(first?.startAt ?? 0, zone).time).toBe('09:00');
  });

  it('finds the provider who is free first', () => {
    const templates = [template({ providerId: 'p2', id: 't2' }), template()];
    const appointments = [appointment(monday, '09:00', '10:00')];
    const first = findFirstAvailable(input({ templates, providerIds: ['p1', 'p2'], appointments, notBefore: resolveWallTime(monday, '09:00', zone) }));
    expect(first?.providerId).toBe('p2');
  });

  it('returns null when nothing is open', () => {
    expect(findFirstAvailable(input({ appointments: [appointment(monday, '08:00', '12:00')] }))).toBeNull();
  });
});

// For every DST night: a template over the night hours yields exactly the real wall-clock
// starts, none twice, none missing (count = real elapsed minutes / step).
describe('findOpenSlots across DST changes', () => {
  function nightSlots(timeZone: string, date: string, stepMin: number): OpenSlot[] {
    return findOpenSlots({
      location: { id: 'L1', timeZone },
      service: service({ durationMin: stepMin }),
      providerIds: ['p1'],
      from: date,
      to: date,
      templates: [template({ weekday: getIsoWeekday(date), start: '00:00', end: '04:00' })],
      exceptions: [],
      appointments: [],
      stepMin,
    });
  }

  function expectRealElapsed(slots: OpenSlot[], timeZone: string, date: string, stepMin: number): void {
    const elapsedMin = (resolveWallTime(date, '04:00', timeZone) - resolveWallTime(date, '00:00', timeZone)) / 60_000;
    expect(slots).toHaveLength(elapsedMin / stepMin);
    expect(new Set(slots.map((s) => s.startAt)).size).toBe(slots.length);
  }

  const cases: { name: string; timeZone: string; date: string; stepMin: number; elapsedMin: number; starts: string[] }[] = [
    {
      name: 'New York spring forward',
      timeZone: 'America/New_York',
      date: '2026-03-08',
      stepMin: 30,
      elapsedMin: 180,
      starts: ['00:00-05:00', '00:30-05:00', '01:00-05:00', '01:30-05:00', '03:00-04:00', '03:30-04:00'],
    },
    {
      name: 'New York fall back',
      timeZone: 'America/New_York',
      date: '2026-11-01',
      stepMin: 30,
      elapsedMin: 300,
      starts: ['00:00-04:00', '00:30-04:00', '01:00-04:00', '01:30-04:00', '01:00-05:00', '01:30-05:00', '02:00-05:00', '02:30-05:00', '03:00-05:00', '03:30-05:00'],
    },
    {
      name: 'London spring forward',
      timeZone: 'Europe/London',
      date: '2026-03-29',
      stepMin: 30,
      elapsedMin: 180,
      starts: ['00:00+00:00', '00:30+00:00', '02:00+01:00', '02:30+01:00', '03:00+01:00', '03:30+01:00'],
    },
    {
      name: 'London fall back',
      timeZone: 'Europe/London',
      date: '2026-10-25',
      stepMin: 30,
      elapsedMin: 300,
      starts: ['00:00+01:00', '00:30+01:00', '01:00+01:00', '01:30+01:00', '01:00+00:00', '01:30+00:00', '02:00+00:00', '02:30+00:00', '03:00+00:00', '03:30+00:00'],
    },
    {
      name: 'Lord Howe half-hour fall back',
      timeZone: 'Australia/Lord_Howe',
      date: '2026-04-05',
      stepMin: 15,
      elapsedMin: 270,
      starts: [
        ...['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45'].map((t) => `${t}+11:00`),
        ...['01:30', '01:45', '02:00', '02:15', '02:30', '02:45', '03:00', '03:15', '03:30', '03:45'].map((t) => `${t}+10:30`),
      ],
    },
    {
      name: 'Lord Howe half-hour spring forward',
      timeZone: 'Australia/Lord_Howe',
      date: '2026-10-04',
      stepMin: 15,
      elapsedMin: 210,
      starts: [
        ...['00:00', '00:15', '00:30', '00:45', '01:00', '01:15', '01:30', '01:45'].map((t) => `${t}+10:30`),
        ...['02:30', '02:45', '03:00', '03:15', '03:30', '03:45'].map((t) => `${t}+11:00`),
      ],
    },
  ];

  it.each(cases)('$name: exactly the real night starts, none duplicated, none lost', ({ timeZone, date, stepMin, elapsedMin, starts }) => {
    const slots = nightSlots(timeZone, date, stepMin);
    expect(startStamps(slots, timeZone)).toEqual(starts.map((s) => `${date}T${s}`));
    expect(slots).toHaveLength(elapsedMin / stepMin);
    expectRealElapsed(slots, timeZone, date, stepMin);
  });

  it.each(cases)('$name: a 09:00-17:00 day still opens at 09:00 local', ({ timeZone, date }) => {
    const slots = findOpenSlots({
      location: { id: 'L1', timeZone },
      service: service({ durationMin: 15 }),
      providerIds: ['p1'],
      from: date,
      to: date,
      templates: [template({ weekday: getIsoWeekday(date), start: '09:00', end: '17:00' })],
      exceptions: [],
      appointments: [],
    });
    expect(readWallClock(slots[0]?.startAt ?? 0, timeZone)).toMatchObject({ date, time: '09:00' });
    expect(readWallClock(slots[slots.length - 1]?.startAt ?? 0, timeZone).time).toBe('16:45');
    expect(slots).toHaveLength(32);
  });

  it('starts a block that begins inside the gap at the first real instant after it', () => {
    const slots = findOpenSlots({
      ...input({ from: '2026-03-08', to: '2026-03-08' }),
      templates: [template({ weekday: 7, start: '02:30', end: '04:00' })],
    });
    expect(startStamps(slots, zone)).toEqual(['2026-03-08T03:00-04:00', '2026-03-08T03:15-04:00', '2026-03-08T03:30-04:00']);
  });

  it('resolves block bounds repeated by fall back to their first occurrence', () => {
    const fallBack = (start: string, end: string) =>
      startStamps(
        findOpenSlots({
          ...input({ from: '2026-11-01', to: '2026-11-01' }),
          templates: [template({ weekday: 7, start, end })],
          stepMin: 30,
        }),
        zone,
      );
    expect(fallBack('00:00', '01:30')).toEqual(['2026-11-01T00:00-04:00', '2026-11-01T00:30-04:00', '2026-11-01T01:00-04:00']);
    expect(fallBack('01:30', '03:00')).toEqual([
      '2026-11-01T01:30-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T01:30-05:00',
      '2026-11-01T02:00-05:00',
      '2026-11-01T02:30-05:00',
    ]);
  });

  it('offers nothing in a block that lies wholly inside the gap', () => {
    const slots = findOpenSlots({ ...input({ from: '2026-03-08', to: '2026-03-08' }), templates: [template({ weekday: 7, start: '02:00', end: '03:00' })] });
    expect(slots).toEqual([]);
  });
});
