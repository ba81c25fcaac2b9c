// Cancellation, no-show and check-in policy, and reminder rules, for managers.
//   admin.policies.get {locationId?} | admin.policies.save {locationId?, cancellationNoticeHours, lateCancelFeeCents,
//     noShowGraceMinutes, noShowThreshold, checkInEarlyMinutes, lateArrivalMinutes}
//   admin.reminderRules.list {locationId?} | .save {id?, locationId?, serviceId?, channel, offsetMinutes, kind?, quietHours?}
//   | .remove {ruleId}
// A policy with no location is the organization's default; a location's own row overrides it
// (main/api/lookups.ts loadPolicy reads them the same way).
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { minutes, optionalId, wallTime } from './admin-inputs';
import { loadPolicy, requireLocation, requireService } from './lookups';
import { defineOperations, refuse, staffOperation, type StaffRole } from './operation';
import { entityId } from './schedule';

const managers: readonly StaffRole[] = ['manager', 'admin'];
const nullableId = entityId.nullish().transform((v) => v ?? null);

type PolicyRow = typeof schema.policies.$inferSelect;
type RuleRow = typeof schema.reminderRules.$inferSelect;

/** The row that stores this scope's policy: the location's own, or the organization default. */
function policyRowFor(store: LocalStore, locationId: string | null): PolicyRow | undefined {
  const p = schema.policies;
  return store.db.select().from(p).where(and(eq(p.deleted, false), locationId ? eq(p.locationId, locationId) : isNull(p.locationId))).get();
}

function policyView(store: LocalStore, locationId: string | null) {
  const own = policyRowFor(store, locationId);
  // Without a location, loadPolicy's fallbacks still apply: an unknown id never matches a row.
  const effective = loadPolicy(store, locationId ?? '');
  return {
    locationId,
    /** Where the numbers come from: this scope's own row, the organization default, or built-in defaults. */
    source: own ? ('own' as const) : locationId && policyRowFor(store, null) ? ('organization' as const) : ('defaults' as const),
    ...effective,
    chargesLateCancelFee: effective.lateCancelFeeCents > 0,
  };
}

const ruleView = (r: RuleRow) => ({
  id: r.id, locationId: r.locationId, serviceId: r.serviceId,
  channel: r.rule.channel, offsetMinutes: r.rule.offsetMinutes, kind: r.rule.kind, quietHours: r.rule.quietHours,
});

function requireRule(store: LocalStore, id: string): RuleRow {
  const r = schema.reminderRules;
  const row = store.db.select().from(r).where(and(eq(r.id, id), eq(r.deleted, false))).get();
  if (!row) throw refuse('not_found', say('refusal.notFound.reminderRule'), { ruleId: id });
  return row;
}

const countOf = (what: string, min: number, max: number) =>
  z.int(`${what} must be a whole number.`).min(min, `${what} must be at least ${min}.`).max(max, `${what} can be at most ${max}.`);

export const policyOperations = defineOperations('admin', {
  'policies.get': staffOperation({
    description: 'manage clinic policies',
    roles: managers,
    input: z.object({ locationId: nullableId }),
    handler: ({ store }, { locationId }) => {
      if (locationId) requireLocation(store, locationId);
      return policyView(store, locationId);
    },
  }),

  'policies.save': staffOperation({
    description: 'manage clinic policies',
    roles: managers,
    input: z.object({
      locationId: nullableId,
      cancellationNoticeHours: countOf('The cancellation notice (hours)', 0, 720),
      /** 0: no late-cancellation fee. */
      lateCancelFeeCents: countOf('The late-cancellation fee (cents)', 0, 1_000_000),
      noShowGraceMinutes: minutes('The no-show grace period', 240),
      noShowThreshold: countOf('The repeat no-show threshold', 1, 50),
      checkInEarlyMinutes: minutes('How early patients may check in', 720),
      lateArrivalMinutes: minutes('How late patients may still check in', 240),
    }),
    handler: (call, input) => {
      if (input.locationId) requireLocation(call.store, input.locationId);
      const existing = policyRowFor(call.store, input.locationId);
      call.write({
        table: 'policies', rowId: existing?.id ?? uuidv7(), isNew: !existing, action: 'policy.save',
        values: {
          location_id: input.locationId,
          cancellation_notice_hours: input.cancellationNoticeHours,
          late_cancel_fee_cents: input.lateCancelFeeCents,
          no_show_grace_minutes: input.noShowGraceMinutes,
          no_show_threshold: input.noShowThreshold,
          check_in_early_minutes: input.checkInEarlyMinutes,
          late_arrival_minutes: input.lateArrivalMinutes,
        },
      });
      return policyView(call.store, input.locationId);
    },
  }),

  'reminderRules.list': staffOperation({
    description: 'manage reminder rules',
    roles: managers,
    input: z.object({ locationId: entityId.optional() }),
    handler: ({ store }, { locationId }) => {
      const r = schema.reminderRules;
      // A location's list includes the organization-wide rules that also apply there.
      return store.db.select().from(r)
        .where(and(eq(r.deleted, false), locationId ? or(eq(r.locationId, locationId), isNull(r.locationId)) : undefined))
        .orderBy(asc(r.locationId), asc(r.serviceId), asc(r.id)).all().map(ruleView);
    },
  }),

  'reminderRules.save': staffOperation({
    description: 'manage reminder rules',
    roles: managers,
    input: z.object({
      id: optionalId,
      locationId: nullableId,
      serviceId: nullableId,
      channel: z.enum(['email', 'sms'], 'Choose email or SMS.'),
      /** Before the appointment's start. */
      offsetMinutes: minutes('The reminder time', 30 * 24 * 60),
      kind: z.enum(['reminder', 'confirmation_prompt'], 'Choose a reminder or a request to confirm.').default('reminder'),
      /** Nothing is sent in this local window, e.g. 21:00-08:00 (it may cross midnight). */
      quietHours: z.object({ start: wallTime, end: wallTime }).nullish().transform((v) => v ?? null)
        .refine((q) => q === null || q.start !== q.end, 'Quiet hours need different start and end times.'),
    }),
    handler: (call, input) => {
      if (input.locationId) requireLocation(call.store, input.locationId);
      if (input.serviceId) requireService(call.store, input.serviceId);
      if (input.id) requireRule(call.store, input.id);
      const id = input.id ?? uuidv7();
      call.write({
        table: 'reminder_rules', rowId: id, isNew: !input.id, action: input.id ? 'reminder_rule.edit' : 'reminder_rule.add',
        values: {
          location_id: input.locationId, service_id: input.serviceId,
          rule: { channel: input.channel, offsetMinutes: input.offsetMinutes, kind: input.kind, quietHours: input.quietHours },
        },
      });
      return { rule: ruleView(requireRule(call.store, id)) };
    },
  }),

  'reminderRules.remove': staffOperation({
    description: 'manage reminder rules',
    roles: managers,
    input: z.object({ ruleId: entityId }),
    handler: (call, { ruleId }) => {
      requireRule(call.store, ruleId);
      call.write({ table: 'reminder_rules', rowId: ruleId, isNew: false, action: 'reminder_rule.remove', values: { deleted: true } });
      return { removed: true as const };
    },
  }),
});
