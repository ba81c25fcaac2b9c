// The kiosk API. Two groups in one domain:
//  - kiosk-facing (KIOSK_CLIENT_OPERATIONS): pair, session, find, checkIn, flagDetails. They
//    take a kiosk token, never a staff session, and are all a kiosk token can reach
//    (main/host/kiosk-access.ts routes nothing else for it).
//  - desk-facing (staff sessions): the LAN switch, pairing codes, paired kiosks, notices.
// Privacy rule for the kiosk-facing group: nothing a kiosk is told may reveal whether a
// person is a patient. A lookup always answers { found, appointment, retryAfterMs }: a miss,
// a wrong entry, a cool-down and a hit differ only in values, never in shape or error code.
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { kioskCheckInOpensAt, kioskCheckInState, type KioskCheckInState } from '../../db/rules/kiosk';
import { say } from '../../db/rules/refusals';
import { readWallClock } from '../../db/rules/wallclock';
import * as schema from '../../db/schema/sqlite';
import { findKioskAppointment } from './kiosk-lookup';
import { addNotice, dismissNotice, KIOSK_NOTICES_TABLE, readNotices } from './kiosk-notices';
import type { KioskDevice } from './kiosk-pairing';
import { KIOSK_DEVICES_TABLE, KIOSK_LAN_TABLE, kioskStateFor, type KioskLanStatus } from './kiosk-state';
import { loadPolicy, requireLocation, toRuleAppointment, type AppointmentRow } from './lookups';
import { ApiError, defineOperations, ensureMayWrite, publicOperation, refuse, staffOperation, staffRoles, type Call } from './operation';
import { entityId } from './schedule';

/** The screen clears itself after this long without a touch (the kiosk renderer enforces it). */
export const KIOSK_IDLE_RESET_MS = 60_000;

const deskRoles = ['receptionist', 'manager', 'admin'] as const;
const kioskToken = z.string().min(1).max(200);
// Lenient on purpose: a malformed entry must get the same answer as a wrong one, not a validation error.
const typed = (max: number) => z.string().max(max).default('');

export interface KioskAppointment {
  /** Opaque, short-lived, only valid for this kiosk: what checkIn and flagDetails take. */
  ticket: string;
  firstName: string;
  /** "HH:MM" on the location's clock. */
  time: string;
  providerName: string;
  checkIn: KioskCheckInState;
  /** "HH:MM" when check-in opens; meaningful when checkIn is 'too_early'. */
  checkInOpensAt: string;
}

export interface KioskLookupResult {
  found: boolean;
  appointment: KioskAppointment | null;
  /** Over 0: this kiosk is cooling down after repeated misses and nothing was looked up. */
  retryAfterMs: number;
}

export type KioskCheckInOutcome = 'checked_in' | 'already_checked_in' | 'too_early' | 'see_desk' | 'start_over';

export interface KioskCheckInResult {
  outcome: KioskCheckInOutcome;
  /** "HH:MM" when check-in opens, for 'too_early'; else null. */
  checkInOpensAt: string | null;
}

function requireKiosk(call: Call, token: string): KioskDevice {
  const kiosk = kioskStateFor(call.store).pairing.authenticate(token);
  if (!kiosk) throw new ApiError('unauthenticated', 'This kiosk is not paired with the front desk, or its pairing was removed. Ask the front desk to pair it again.');
  return kiosk;
}

function kioskPlace(call: Call, kiosk: KioskDevice) {
  const location = requireLocation(call.store, kiosk.locationId);
  return { location, policy: loadPolicy(call.store, location.id) };
}

function describeForKiosk(call: Call, row: AppointmentRow, ticket: string, timeZone: string, state: KioskCheckInState, opensAt: number): KioskAppointment {
  const patient = call.store.db.select({ firstName: schema.patients.firstName }).from(schema.patients).where(eq(schema.patients.id, row.patientId)).get();
  const provider = call.store.db.select({ name: schema.providers.name }).from(schema.providers).where(eq(schema.providers.id, row.providerId)).get();
  return {
    ticket,
    firstName: patient?.firstName ?? '',
    time: readWallClock(row.startAt, timeZone).time,
    providerName: provider?.name ?? '',
    checkIn: state,
    checkInOpensAt: readWallClock(opensAt, timeZone).time,
  };
}

/** The appointment behind a ticket, re-read: it may have been cancelled or moved since the lookup. */
function redeem(call: Call, kiosk: KioskDevice, ticket: string): AppointmentRow | null {
  const found = kioskStateFor(call.store).redeemTicket(ticket, kiosk.id, call.now);
  if (!found) return null;
  const row = call.store.db.select().from(schema.appointments).where(eq(schema.appointments.id, found.appointmentId)).get();
  return row && !row.deleted && row.locationId === kiosk.locationId ? row : null;
}

const notFound = (retryAfterMs = 0): KioskLookupResult => ({ found: false, appointment: null, retryAfterMs });

export const kioskOperations = defineOperations('kiosk', {
  // ---- kiosk-facing ----

  pair: publicOperation({
    description: 'pair a kiosk',
    input: z.object({ code: z.string().min(1).max(40) }),
    isActivity: false,
    handler: (call, { code }) => {
      const result = kioskStateFor(call.store).pairing.pair(code, call.now);
      if (!result.ok) {
        if (result.reason === 'rate_limited') throw new ApiError('rate_limited', 'Too many wrong pairing codes. Wait a few minutes, then ask the front desk for a new code.', { retryAfterMs: result.retryAfterMs });
        throw new ApiError('wrong_secret', 'That pairing code is not right, or it has expired. Ask the front desk for a new one.');
      }
      const location = requireLocation(call.store, result.kiosk.locationId);
      call.markChanged(KIOSK_DEVICES_TABLE);
      return { kioskToken: result.token, kiosk: { id: result.kiosk.id, name: result.kiosk.name, locationName: location.name, timeZone: location.timeZone } };
    },
  }),

  session: publicOperation({
    description: 'show the kiosk its settings',
    input: z.object({ kioskToken }),
    isActivity: false,
    handler: (call, input) => {
      const kiosk = requireKiosk(call, input.kioskToken);
      const { location } = kioskPlace(call, kiosk);
      return { kioskName: kiosk.name, locationName: location.name, timeZone: location.timeZone, today: readWallClock(call.now, location.timeZone).date, idleResetMs: KIOSK_IDLE_RESET_MS };
    },
  }),

  find: publicOperation({
    description: 'find an appointment at the kiosk',
    input: z.object({
      kioskToken,
      query: z.discriminatedUnion('by', [
        z.object({ by: z.literal('code'), code: typed(40) }),
        z.object({ by: z.literal('name'), lastName: typed(100), dateOfBirth: typed(20) }),
      ]),
    }),
    isActivity: false,
    handler: (call, { kioskToken: token, query }): KioskLookupResult => {
      const kiosk = requireKiosk(call, token);
      const state = kioskStateFor(call.store);
      const wait = state.coolDownMs(kiosk.id, call.now);
      if (wait > 0) return notFound(wait);
      const { location, policy } = kioskPlace(call, kiosk);
      const row = findKioskAppointment(call.store, { locationId: location.id, timeZone: location.timeZone, now: call.now, policy }, query);
      if (!row) {
        state.recordMiss(kiosk.id, call.now);
        return notFound(state.coolDownMs(kiosk.id, call.now));
      }
      const appointment = toRuleAppointment(row);
      const checkIn = kioskCheckInState(appointment, call.now, policy, location.timeZone);
      const ticket = state.issueTicket(kiosk.id, row.id, call.now);
      return { found: true, appointment: describeForKiosk(call, row, ticket, location.timeZone, checkIn, kioskCheckInOpensAt(appointment, policy)), retryAfterMs: 0 };
    },
  }),

  checkIn: publicOperation({
    description: 'check in at the kiosk',
    input: z.object({ kioskToken, ticket: z.string().min(1).max(100) }),
    isActivity: false,
    handler: (call, { kioskToken: token, ticket }): KioskCheckInResult => {
      const kiosk = requireKiosk(call, token);
      const row = redeem(call, kiosk, ticket);
      if (!row) return { outcome: 'start_over', checkInOpensAt: null };
      const { location, policy } = kioskPlace(call, kiosk);
      const appointment = toRuleAppointment(row);
      const state = kioskCheckInState(appointment, call.now, policy, location.timeZone);
      if (state === 'checked_in') return { outcome: 'already_checked_in', checkInOpensAt: null };
      if (state === 'too_early') return { outcome: 'too_early', checkInOpensAt: readWallClock(kioskCheckInOpensAt(appointment, policy), location.timeZone).time };
      if (state === 'see_desk') return { outcome: 'see_desk', checkInOpensAt: null };
      const values = { status: 'checked_in' as const };
      // The same matrix the sync server applies to a kiosk: status only, on an existing visit.
      ensureMayWrite('kiosk', { table: 'appointments', rowId: row.id, values, action: 'appointment.kiosk_check_in', isNew: false });
      // No staff member did this; the audit trail's action names the kiosk path.
      call.store.write({ table: 'appointments', rowId: row.id, values, staffUserId: null, action: 'appointment.kiosk_check_in' });
      call.markChanged('appointments');
      kioskStateFor(call.store).events.emit('checkedIn', { appointmentId: row.id, kioskId: kiosk.id, at: call.now });
      return { outcome: 'checked_in', checkInOpensAt: null };
    },
  }),

  flagDetails: publicOperation({
    description: 'flag changed contact details at the kiosk',
    input: z.object({ kioskToken, ticket: z.string().min(1).max(100), phoneChanged: z.boolean(), addressChanged: z.boolean() }),
    isActivity: false,
    handler: (call, { kioskToken: token, ticket, phoneChanged, addressChanged }) => {
      const kiosk = requireKiosk(call, token);
      const row = redeem(call, kiosk, ticket);
      if (!row) return { recorded: false };
      if (phoneChanged || addressChanged) {
        addNotice(call.store, { at: call.now, kioskId: kiosk.id, appointmentId: row.id, patientId: row.patientId, phoneChanged, addressChanged });
        call.markChanged(KIOSK_NOTICES_TABLE);
      }
      return { recorded: true };
    },
  }),

  // ---- desk-facing ----

  lanAccess: staffOperation({
    description: 'see the kiosk network setting',
    roles: staffRoles,
    input: z.object({}),
    isActivity: false,
    handler: (call): { enabled: boolean; status: KioskLanStatus } => {
      const state = kioskStateFor(call.store);
      return { enabled: state.getLanSetting().enabled, status: state.lanStatus };
    },
  }),

  setLanAccess: staffOperation({
    description: 'switch kiosk tablets on the clinic network on or off',
    roles: deskRoles,
    input: z.object({ enabled: z.boolean() }),
    handler: (call, { enabled }) => {
      const state = kioskStateFor(call.store);
      state.setLanSetting({ enabled });
      call.markChanged(KIOSK_LAN_TABLE);
      return { enabled, status: state.lanStatus };
    },
  }),

  createPairingCode: staffOperation({
    description: 'pair kiosks',
    roles: deskRoles,
    input: z.object({ locationId: entityId, name: z.string().trim().min(1).max(80) }),
    handler: (call, { locationId, name }) => {
      requireLocation(call.store, locationId);
      const state = kioskStateFor(call.store);
      const { code, expiresAt } = state.pairing.createCode(locationId, name, call.now);
      return { code, expiresAt, lan: state.lanStatus };
    },
  }),

  list: staffOperation({
    description: 'see paired kiosks',
    roles: staffRoles,
    input: z.object({}),
    isActivity: false,
    handler: (call) => ({ kiosks: kioskStateFor(call.store).pairing.list() }),
  }),

  revoke: staffOperation({
    description: 'unpair kiosks',
    roles: deskRoles,
    input: z.object({ kioskId: entityId }),
    handler: (call, { kioskId }) => {
      if (!kioskStateFor(call.store).pairing.revoke(kioskId, call.now)) throw refuse('not_found', say('refusal.notFound.kiosk'));
      call.markChanged(KIOSK_DEVICES_TABLE);
      return { revoked: true as const };
    },
  }),

  notices: staffOperation({
    description: 'see what patients flagged at the kiosk',
    roles: staffRoles,
    input: z.object({}),
    isActivity: false,
    handler: (call) => {
      const notices = readNotices(call.store);
      const ids = [...new Set(notices.map((n) => n.patientId))];
      const p = schema.patients;
      const names = new Map(ids.length === 0 ? [] : call.store.db.select({ id: p.id, first: p.firstName, last: p.lastName }).from(p)
        .where(inArray(p.id, ids)).all().map((r) => [r.id, `${r.first} ${r.last}`]));
      return { notices: notices.map((n) => ({ ...n, patientName: names.get(n.patientId) ?? null })) };
    },
  }),

  dismissNotice: staffOperation({
    description: 'dismiss kiosk notices',
    roles: staffRoles,
    input: z.object({ noticeId: entityId }),
    handler: (call, { noticeId }) => {
      if (!dismissNotice(call.store, noticeId)) throw refuse('not_found', say('refusal.noticeDismissed'));
      call.markChanged(KIOSK_NOTICES_TABLE);
      return { dismissed: true as const };
    },
  }),
});

/** All a kiosk token may call, on any transport. */
export const KIOSK_CLIENT_OPERATIONS = ['kiosk.pair', 'kiosk.session', 'kiosk.find', 'kiosk.checkIn', 'kiosk.flagDetails'] as const;
export type KioskClientOperation = (typeof KIOSK_CLIENT_OPERATIONS)[number];

export function isKioskClientOperation(name: string): name is KioskClientOperation {
  return (KIOSK_CLIENT_OPERATIONS as readonly string[]).includes(name);
}
