import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, readWallClock } from '../../db/rules/wallclock';
import { ANCHOR_DATE, NOON, openTestDesk, ZONE, type TestDesk } from './testing/desk';

let desk: TestDesk;
let session: string;
let followUp: string;

beforeAll(async () => {
  desk = await openTestDesk();
  session = await desk.signIn('receptionist');
  followUp = (desk.store.sqlite.prepare(`select id from services where name = 'Follow-up visit'`).get() as { id: string }).id;
});
afterAll(() => desk.cleanup());

describe('schedule', () => {
  it('lists locations, the providers working at one, services and the policy in force', async () => {
    const locations = await desk.router.invoke('schedule.locations', {}, session);
    expect(locations.ok && locations.value.map((l) => l.timeZone).sort()).toEqual(['America/Los_Angeles', 'America/New_York']);
    const providers = await desk.router.invoke('schedule.providers', { locationId: desk.locationId }, session);
    expect(providers.ok && providers.value.length).toBeGreaterThan(0);
    expect(providers.ok && providers.value.every((p) => p.locationIds.includes(desk.locationId))).toBe(true);
    const services = await desk.router.invoke('schedule.services', {}, session);
    expect(services.ok && services.value.find((s) => s.id === followUp)).toMatchObject({ durationMin: 20, preparation: expect.any(String) });
    expect(await desk.router.invoke('schedule.policy', { locationId: desk.locationId }, session))
      .toMatchObject({ ok: true, value: { cancellationNoticeHours: 24, noShowThreshold: 3, lateCancelFeeCents: 2500 } });
  });

  it('shows one local day at a location, in start order', async () => {
    const result = await desk.router.invoke('schedule.dayView', { locationId: desk.locationId, date: ANCHOR_DATE }, session);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { appointments, location } = result.value;
    expect(location.timeZone).toBe(ZONE);
    expect(appointments.length).toBeGreaterThan(0);
    expect(appointments.every((a) => readWallClock(a.startAt, ZONE).date === ANCHOR_DATE)).toBe(true);
    expect(appointments.map((a) => a.startAt)).toEqual([...appointments.map((a) => a.startAt)].sort((a, b) => a - b));
  });

  it('offers open slots from now on, the first of which is the first available', async () => {
    const query = { serviceId: followUp, locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 6) };
    const open = await desk.router.invoke('schedule.openSlots', query, session);
    const first = await desk.router.invoke('schedule.firstAvailable', { serviceId: followUp, locationId: desk.locationId, from: ANCHOR_DATE }, session);
    if (!open.ok || !first.ok) throw new Error(JSON.stringify([open, first]));
    expect(open.value.slots.length).toBeGreaterThan(0);
    expect(open.value.slots.every((s) => s.startAt >= NOON && s.resourceIds.length === 1)).toBe(true);
    expect(first.value.slot).toEqual(open.value.slots[0]);
  });

  it('keeps slot searches bounded and names what is missing', async () => {
    expect(await desk.router.invoke('schedule.openSlots', { serviceId: followUp, locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 40) }, session))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Search at most 31 days at a time.' } });
    expect(await desk.router.invoke('schedule.openSlots', { serviceId: 'nope', locationId: desk.locationId, from: ANCHOR_DATE, to: ANCHOR_DATE }, session))
      .toMatchObject({ ok: false, error: { code: 'not_found', details: { serviceId: 'nope' } } });
  });
});

describe('working hours', () => {
  it("gives each provider's working time, breaks and time off for the days asked, in the location's zone", async () => {
    const result = await desk.router.invoke('schedule.workingHours', { locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 6) }, session);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const providers = await desk.router.invoke('schedule.providers', { locationId: desk.locationId }, session);
    expect(result.value.timeZone).toBe(ZONE);
    expect(result.value.providers.map((p) => p.providerId).sort()).toEqual(providers.ok ? providers.value.map((p) => p.id).sort() : []);
    const withLunch = result.value.providers.find((p) => p.breaks.length > 0);
    expect(withLunch).toBeDefined();
    // A break sits between two stretches of working time on the same local day.
    const lunch = withLunch!.breaks[0]!;
    expect(withLunch!.working.some((w) => w.end === lunch.start)).toBe(true);
    expect(withLunch!.working.some((w) => w.start === lunch.end)).toBe(true);
    const first = readWallClock(result.value.providers.flatMap((p) => p.working).sort((a, b) => a.start - b.start)[0]!.start, ZONE);
    expect(first.date >= ANCHOR_DATE && first.time >= '06:00').toBe(true);
  });

  it('agrees with the open slots: every slot lies inside working time', async () => {
    const hours = await desk.router.invoke('schedule.workingHours', { locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 2) }, session);
    const open = await desk.router.invoke('schedule.openSlots', { serviceId: followUp, locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 2) }, session);
    if (!hours.ok || !open.ok) throw new Error(JSON.stringify([hours, open]));
    const byProvider = new Map(hours.value.providers.map((p) => [p.providerId, p.working]));
    expect(open.value.slots.length).toBeGreaterThan(0);
    expect(open.value.slots.every((s) => byProvider.get(s.providerId)?.some((w) => w.start <= s.startAt && s.endAt <= w.end))).toBe(true);
  });

  it('refuses a backwards or too long range', async () => {
    expect(await desk.router.invoke('schedule.workingHours', { locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, -1) }, session))
      .toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await desk.router.invoke('schedule.workingHours', { locationId: desk.locationId, from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 60) }, session))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Ask for at most 42 days at a time.' } });
  });
});
