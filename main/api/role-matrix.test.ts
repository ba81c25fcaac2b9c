// The role x operation matrix (role-matrix.ts) against the real router: a session of every
// staff role, and nobody signed in, calls every operation.
//
// The router checks the role before it reads the input, so most operations are called with
// an input that no operation accepts: an allowed caller gets invalid_input (it got past the
// role check and nothing ran), a refused one forbidden or unauthenticated. The manager
// operations of this module are also called for real, so "allowed" there means an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../db/rules/wallclock';
import { staffRoles, type StaffRole } from './operation';
import { isOperationAllowed, operationAccess } from './role-matrix';
import { operations, type OperationName } from './router';
import { ANCHOR_DATE, countRows, openTestDesk, type TestDesk } from './testing/desk';

const probe = 'role-matrix probe: not an input any operation accepts';

/** Real inputs for the read-only manager operations; the rest are probed. */
const realInputs: Partial<Record<OperationName, (desk: TestDesk) => unknown>> = {
  'analytics.filterOptions': () => ({}),
  'analytics.utilization': (d) => ({ from: ANCHOR_DATE, to: addDays(ANCHOR_DATE, 6), locationId: d.locationId }),
  'analytics.attendance': () => ({ from: addDays(ANCHOR_DATE, -28), to: ANCHOR_DATE }),
  'analytics.leadTime': () => ({ from: ANCHOR_DATE, to: ANCHOR_DATE }),
  'analytics.peakHours': () => ({ from: ANCHOR_DATE, to: ANCHOR_DATE, basis: 'bookings' }),
  'analytics.channelMix': () => ({ from: ANCHOR_DATE, to: ANCHOR_DATE }),
  'analytics.productivity': () => ({ from: addDays(ANCHOR_DATE, -7), to: ANCHOR_DATE }),
  'analytics.dashboard': (d) => ({ from: addDays(ANCHOR_DATE, -7), to: ANCHOR_DATE, locationId: d.locationId }),
  'audit.events': () => ({ limit: 5 }),
  'audit.verifyChains': () => ({}),
};

let desk: TestDesk;
const sessions = new Map<StaffRole, string>();

beforeAll(async () => {
  desk = await openTestDesk();
  for (const role of staffRoles) sessions.set(role, await desk.signIn(role));
}, 120_000);

afterAll(() => desk?.cleanup());

const callers: (StaffRole | null)[] = [...staffRoles, null];
const names = Object.keys(operationAccess) as OperationName[];
const pairs = names.flatMap((op) => callers.map((caller) => ({ op, caller, who: caller ?? 'nobody signed in' })));

describe('the role x operation matrix', () => {
  it('classifies every operation the router serves, and nothing else', () => {
    expect(names.sort()).toEqual(Object.keys(operations).sort());
  });

  it('matches the roles each operation declares', () => {
    for (const op of names) expect([op, operations[op].roles]).toEqual([op, operationAccess[op]]);
  });

  it.each(pairs)('$op as $who', async ({ op, caller }) => {
    const sessionId = caller === null ? null : sessions.get(caller)!;
    const real = realInputs[op];
    const outboxBefore = countRows(desk.store, 'outbox');
    const result = await desk.router.invoke(op, real ? real(desk) : probe, sessionId);
    if (!isOperationAllowed(op, caller)) {
      expect(result).toMatchObject({ ok: false, error: { code: caller === null ? 'unauthenticated' : 'forbidden' } });
    } else if (real) {
      expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(countRows(desk.store, 'outbox')).toBe(outboxBefore);
  });
});
