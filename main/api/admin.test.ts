// Catalog, policies and staff administration through the router on a real encrypted desk.
import { verify } from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, openTestDesk, ZONE, type TestDesk } from './testing/desk';
import { resolveWallTime } from '../../db/rules/wallclock';

let desk: TestDesk;
let fixtures: Fixtures;
let manager: string;
let admin: string;

beforeAll(async () => {
  desk = await openTestDesk();
  fixtures = new Fixtures(desk.store, desk.locationId);
  manager = await desk.signIn('manager');
  admin = await desk.signIn('admin');
}, 120_000);
afterAll(() => desk.cleanup());

// Results are checked field by field with expect(), which is the type check that matters here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Result = { ok: boolean; value?: Loose; error?: { code: string; message: string; details?: { issues: { path: string; message: string }[] } } };
const call = (op: string, input: unknown, session = manager) => desk.router.invoke(op, input, session) as Promise<Result>;
async function ok(op: string, input: unknown, session = manager): Promise<Loose> {
  const r = await call(op, input, session);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.value;
}
async function issues(op: string, input: unknown): Promise<{ path: string; message: string }[]> {
  const r = await call(op, input);
  expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  return r.error!.details!.issues;
}

describe('catalog', () => {
  it('creates, edits, lists and archives a provider', async () => {
    const { provider } = await ok('admin.providers.save', { name: 'Dr. Ada Park', specialty: 'pediatrics', color: '#3A7BD5', locationIds: [desk.locationId] });
    expect(provider).toMatchObject({ name: 'Dr. Ada Park', locationIds: [desk.locationId], archived: false });
    const edited = await ok('admin.providers.save', { id: provider.id, name: 'Dr. Ada Park-Lee', specialty: 'pediatrics', locationIds: [desk.locationId] });
    expect(edited.provider).toMatchObject({ id: provider.id, name: 'Dr. Ada Park-Lee', color: null });
    expect((await ok('admin.providers.list', {})).map((p: { id: string }) => p.id)).toContain(provider.id);
    await ok('admin.providers.archive', { providerId: provider.id });
    expect((await ok('admin.providers.list', {})).map((p: { id: string }) => p.id)).not.toContain(provider.id);
    expect(await ok('admin.providers.list', { includeArchived: true })).toContainEqual(expect.objectContaining({ id: provider.id, archived: true }));
  });

  it('will not archive a provider with upcoming visits', async () => {
    const providerId = fixtures.provider('Dr. Busy');
    fixtures.appointment({ providerId, serviceId: fixtures.service(), patientId: fixtures.patient(), startAt: resolveWallTime('2026-03-20', '10:00', ZONE) });
    expect(await call('admin.providers.archive', { providerId })).toMatchObject({
      ok: false,
      error: {
        code: 'not_allowed',
        message: 'Dr. Busy still has 1 upcoming appointment. Move or cancel it first.',
        sentences: [{ key: 'refusal.stillUpcoming', values: { name: 'Dr. Busy', count: 1 } }],
      },
    });
  });

  it('refuses a provider without a name or location, with a bad colour, or at an unknown location', async () => {
    const found = await issues('admin.providers.save', { name: ' ', specialty: 'x', color: 'blue', locationIds: [] });
    expect(found).toEqual(expect.arrayContaining([
      { path: 'name', message: 'Enter the provider’s name.' },
      { path: 'color', message: expect.stringContaining('#RRGGBB') },
      { path: 'locationIds', message: 'Pick at least one location where the provider works.' },
    ]));
    expect(await call('admin.providers.save', { name: 'Dr. X', specialty: 'x', locationIds: ['nowhere'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('saves a service with buffers, eligible providers and rooms, and archives it', async () => {
    const { resource } = await ok('admin.resources.save', { locationId: desk.locationId, name: 'Room 9', kind: 'room' });
    const providerId = fixtures.provider();
    const { service } = await ok('admin.services.save', {
      name: 'Allergy test', durationMin: 45, bufferBeforeMin: 10, bufferAfterMin: 5, eligibleProviderIds: [providerId],
      requiredResources: [[resource.id]], preparation: 'No antihistamines for 3 days.', color: '#AA3300', bookableOnline: true,
    });
    expect(service).toMatchObject({ durationMin: 45, bufferBeforeMin: 10, requiredResources: [[resource.id]], bookableOnline: true });
    expect(await ok('admin.services.list', {})).toContainEqual(expect.objectContaining({ id: service.id }));
    await ok('admin.services.archive', { serviceId: service.id });
    expect(await ok('admin.services.list', {})).not.toContainEqual(expect.objectContaining({ id: service.id }));
    expect(await call('admin.services.archive', { serviceId: service.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a service that is too short, has negative buffers or an empty resource group', async () => {
    const found = await issues('admin.services.save', { name: 'Quick', durationMin: 2, bufferBeforeMin: -5, requiredResources: [[]] });
    expect(found).toEqual(expect.arrayContaining([
      { path: 'durationMin', message: 'A visit lasts at least 5 minutes.' },
      { path: 'bufferBeforeMin', message: 'The preparation time cannot be negative.' },
      { path: 'requiredResources.0', message: expect.stringContaining('at least one room') },
    ]));
    expect(await call('admin.services.save', { name: 'Scan', durationMin: 30, requiredResources: [['no-such-room']] }))
      .toMatchObject({ ok: false, error: { code: 'not_found', message: 'That room or piece of equipment does not exist on this device.', sentences: [{ key: 'refusal.notFound.resource' }] } });
  });

  it('lists, edits and archives rooms and equipment per location, and refuses an unknown kind', async () => {
    const { resource } = await ok('admin.resources.save', { locationId: desk.locationId, name: 'ECG cart', kind: 'equipment' });
    await ok('admin.resources.save', { id: resource.id, locationId: desk.locationId, name: 'ECG cart 2', kind: 'equipment' });
    expect(await ok('admin.resources.list', { locationId: desk.locationId })).toContainEqual(expect.objectContaining({ id: resource.id, name: 'ECG cart 2' }));
    await ok('admin.resources.archive', { resourceId: resource.id });
    expect(await ok('admin.resources.list', { locationId: desk.locationId })).not.toContainEqual(expect.objectContaining({ id: resource.id }));
    expect(await issues('admin.resources.save', { locationId: desk.locationId, name: 'Thing', kind: 'vehicle' })).toContainEqual({ path: 'kind', message: 'Choose room or equipment.' });
  });

  it('saves a location in an IANA zone and refuses zones Temporal does not know or bare offsets', async () => {
    const { location } = await ok('admin.locations.save', { name: 'Denver', timeZone: 'America/Denver', address: '1 Main St' });
    expect(await ok('admin.locations.list', {})).toContainEqual(expect.objectContaining({ id: location.id, timeZone: 'America/Denver', address: '1 Main St' }));
    for (const timeZone of ['Mars/Olympus_Mons', '+05:00', '']) {
      expect((await issues('admin.locations.save', { name: 'Nowhere', timeZone }))[0]).toMatchObject({ path: 'timeZone' });
    }
  });
});

describe('policies and reminder rules', () => {
  it('saves a location’s policy, which the desk then applies, and leaves the organization default alone', async () => {
    const before = await ok('admin.policies.get', {});
    const saved = await ok('admin.policies.save', {
      locationId: desk.locationId, cancellationNoticeHours: 48, lateCancelFeeCents: 2500, noShowGraceMinutes: 10,
      noShowThreshold: 2, checkInEarlyMinutes: 30, lateArrivalMinutes: 20,
    });
    expect(saved).toMatchObject({ source: 'own', cancellationNoticeHours: 48, chargesLateCancelFee: true, noShowThreshold: 2 });
    expect(await ok('schedule.policy', { locationId: desk.locationId })).toMatchObject({ cancellationNoticeHours: 48, lateCancelFeeCents: 2500 });
    expect(await ok('admin.policies.get', {})).toEqual(before);
  });

  it('refuses policy numbers out of range with the field named', async () => {
    const found = await issues('admin.policies.save', { cancellationNoticeHours: -1, lateCancelFeeCents: 0, noShowGraceMinutes: 10, noShowThreshold: 0, checkInEarlyMinutes: 30, lateArrivalMinutes: 1.5 });
    expect(found).toEqual(expect.arrayContaining([
      { path: 'cancellationNoticeHours', message: 'The cancellation notice (hours) must be at least 0.' },
      { path: 'noShowThreshold', message: 'The repeat no-show threshold must be at least 1.' },
      { path: 'lateArrivalMinutes', message: expect.stringContaining('whole number of minutes') },
    ]));
  });

  it('adds, edits, lists and removes a reminder rule for a location and service', async () => {
    const serviceId = fixtures.service();
    const { rule } = await ok('admin.reminderRules.save', { locationId: desk.locationId, serviceId, channel: 'sms', offsetMinutes: 24 * 60, quietHours: { start: '21:00', end: '08:00' } });
    expect(rule).toMatchObject({ channel: 'sms', offsetMinutes: 1440, kind: 'reminder', quietHours: { start: '21:00', end: '08:00' } });
    await ok('admin.reminderRules.save', { id: rule.id, locationId: desk.locationId, serviceId, channel: 'email', offsetMinutes: 120, quietHours: null });
    expect(await ok('admin.reminderRules.list', { locationId: desk.locationId })).toContainEqual(expect.objectContaining({ id: rule.id, channel: 'email', offsetMinutes: 120, quietHours: null }));
    await ok('admin.reminderRules.remove', { ruleId: rule.id });
    expect(await ok('admin.reminderRules.list', {})).not.toContainEqual(expect.objectContaining({ id: rule.id }));
    expect(await call('admin.reminderRules.remove', { ruleId: rule.id })).toMatchObject({ ok: false, error: { code: 'not_found', sentences: [{ key: 'refusal.notFound.reminderRule' }] } });
  });

  it('lists for a location its own rules and the organization-wide ones, never another location’s', async () => {
    const { location: other } = await ok('admin.locations.save', { name: 'Reminder annex', timeZone: ZONE });
    const { rule: everywhere } = await ok('admin.reminderRules.save', { channel: 'email', offsetMinutes: 72 * 60 });
    const { rule: here } = await ok('admin.reminderRules.save', { locationId: desk.locationId, channel: 'sms', offsetMinutes: 180, kind: 'confirmation_prompt' });
    const { rule: there } = await ok('admin.reminderRules.save', { locationId: other.id, channel: 'sms', offsetMinutes: 60 });
    const idsAt = async (input: object) => (await ok('admin.reminderRules.list', input) as { id: string }[]).map((r) => r.id);
    expect(await idsAt({ locationId: desk.locationId })).toEqual(expect.arrayContaining([everywhere.id, here.id]));
    expect(await idsAt({ locationId: desk.locationId })).not.toContain(there.id);
    expect(await idsAt({})).toEqual(expect.arrayContaining([everywhere.id, here.id, there.id]));
    for (const rule of [everywhere, here, there]) await ok('admin.reminderRules.remove', { ruleId: rule.id });
  });

  it('records each reminder rule change in the audit trail and the outbox, with who made it', async () => {
    const audited = (rowId: string) => desk.store.sqlite.prepare(`select action, staff_user_id as staffUserId from audit_events where entity_table = 'reminder_rules' and entity_id = ? order by chain_seq`).all(rowId);
    const queued = (rowId: string) => (desk.store.sqlite.prepare(`select count(*) as n from outbox where table_name = 'reminder_rules' and row_id = ?`).get(rowId) as { n: number }).n;
    const { rule } = await ok('admin.reminderRules.save', { channel: 'sms', offsetMinutes: 60 });
    await ok('admin.reminderRules.save', { id: rule.id, channel: 'sms', offsetMinutes: 90 });
    await ok('admin.reminderRules.remove', { ruleId: rule.id });
    const staffUserId = desk.staffId('manager');
    expect(audited(rule.id)).toEqual([
      { action: 'reminder_rule.add', staffUserId },
      { action: 'reminder_rule.edit', staffUserId },
      { action: 'reminder_rule.remove', staffUserId },
    ]);
    expect(queued(rule.id)).toBe(3);
  });

  it('refuses a reminder rule with an unknown channel, a negative offset or empty quiet hours', async () => {
    const found = await issues('admin.reminderRules.save', { channel: 'fax', offsetMinutes: -60, quietHours: { start: '22:00', end: '22:00' } });
    expect(found).toEqual(expect.arrayContaining([
      { path: 'channel', message: 'Choose email or SMS.' },
      { path: 'offsetMinutes', message: 'The reminder time cannot be negative.' },
      { path: 'quietHours', message: 'Quiet hours need different start and end times.' },
    ]));
  });
});

describe('staff accounts', () => {
  const staffRow = (id: string) => desk.store.sqlite.prepare('select role, active, secret_hash from staff_users where id = ?').get(id) as { role: string; active: number; secret_hash: string };

  it('creates a receptionist who can sign in with the new PIN, and lists staff without hashes', async () => {
    const { staff } = await ok('admin.staff.save', { name: 'Rita Desk', role: 'receptionist', secret: '482913' });
    expect(staff).toEqual({ id: staff.id, name: 'Rita Desk', role: 'receptionist', active: true, providerId: null });
    // Signed in on a screen of its own: a sign-in ends whoever was signed in on the same one.
    expect(await desk.router.invoke('session.signIn', { staffUserId: staff.id, secret: '482913' }, null)).toMatchObject({ ok: true });
    const listed = await ok('admin.staff.list', {});
    expect(listed).toContainEqual(staff);
    expect(JSON.stringify(listed)).not.toContain('$argon2');
  });

  it('resets a PIN with a new argon2id hash, and deactivating someone signs them out', async () => {
    const { staff } = await ok('admin.staff.save', { name: 'Nora Nurse', role: 'nurse', secret: 'correct horse battery' });
    await ok('admin.staff.resetSecret', { staffUserId: staff.id, secret: '90817263' });
    const hash = staffRow(staff.id).secret_hash;
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verify(hash, '90817263')).toBe(true);
    const signedIn = await desk.router.invoke('session.signIn', { staffUserId: staff.id, secret: '90817263' }, null);
    const session = (signedIn as { value: { sessionId: string } }).value.sessionId;
    await ok('admin.staff.save', { id: staff.id, name: 'Nora Nurse', role: 'nurse', active: false });
    expect(await desk.router.invoke('patients.search', { query: 'zz' }, session)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it.each([
    ['a 4-digit PIN', '1234', 'A PIN needs at least 6 digits.'],
    ['a short password', 'hunter2!', 'Use a PIN of at least 6 digits, or a password of at least 10 characters.'],
  ])('refuses %s', async (_label, secret, message) => {
    expect(await issues('admin.staff.resetSecret', { staffUserId: desk.staffId('receptionist'), secret })).toEqual([{ path: 'secret', message }]);
  });

  it('requires a secret for a new account and an existing role name', async () => {
    expect(await call('admin.staff.save', { name: 'No Secret', role: 'nurse' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Please check the details: Give the new account a PIN or password.',
        details: { issues: [{ path: 'secret', message: 'Give the new account a PIN or password.' }] },
        sentences: [{ key: 'refusal.checkDetails' }, { key: 'refusal.newAccountNeedsSecret' }],
      },
    });
    expect((await issues('admin.staff.save', { name: 'Boss', role: 'owner', secret: '123456' }))[0]).toMatchObject({ path: 'role' });
  });

  it('sends a new PIN or password for an existing account to resetSecret, and knows no unknown account', async () => {
    expect(await call('admin.staff.resetSecret', { staffUserId: 'nobody', secret: '24681357' }))
      .toMatchObject({ ok: false, error: { code: 'not_found', details: { staffUserId: 'nobody' }, sentences: [{ key: 'refusal.notFound.staffMember' }] } });
    expect(await call('admin.staff.save', { id: desk.staffId('nurse'), name: 'Nurse', role: 'nurse', secret: '24681357' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Change a PIN or password with "reset PIN or password".', sentences: [{ key: 'refusal.secretChangedByReset' }] },
    });
  });

  it('lets only an admin create an admin, raise someone to admin, or change an admin', async () => {
    const adminId = desk.staffId('admin');
    const makesAdmin = { ok: false, error: { code: 'forbidden', sentences: [{ key: 'refusal.onlyAdminMakesAdmin' }] } };
    expect(await call('admin.staff.save', { name: 'Sneaky', role: 'admin', secret: '55667788' })).toMatchObject(makesAdmin);
    expect(await call('admin.staff.save', { id: desk.staffId('receptionist'), name: 'Raised', role: 'admin' })).toMatchObject(makesAdmin);
    expect(await call('admin.staff.save', { id: adminId, name: 'Demoted', role: 'manager' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Only an administrator can change an administrator’s account.', sentences: [{ key: 'refusal.onlyAdminChangesAdmin' }] },
    });
    expect(await call('admin.staff.resetSecret', { staffUserId: adminId, secret: '11223344' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(staffRow(adminId).role).toBe('admin');

    const { staff } = await ok('admin.staff.save', { name: 'Second Admin', role: 'admin', secret: 'two admins are safer' }, admin);
    expect(staff.role).toBe('admin');
    await ok('admin.staff.save', { id: staff.id, name: 'Second Admin', role: 'manager' }, admin);
    expect(staffRow(staff.id).role).toBe('manager');
  });

  it('keeps the last active administrator', async () => {
    const admins = desk.store.sqlite.prepare(`select id, name from staff_users where role = 'admin' and active = 1 and deleted = 0`).all() as { id: string; name: string }[];
    expect(admins).toHaveLength(1);
    const result = await call('admin.staff.save', { id: admins[0]!.id, name: admins[0]!.name, role: 'admin', active: false }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('only active administrator'), sentences: [{ key: 'refusal.lastAdmin', values: { name: admins[0]!.name } }] } });
  });
});

