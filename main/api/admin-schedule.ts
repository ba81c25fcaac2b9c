// Working hours for managers: weekly templates with breaks, exceptions (time off, extra
// hours), and the visits a change would leave outside working hours.
//   admin.templates.list {providerId}
//   admin.templates.preview | admin.templates.save {providerId, locationId, weekly: [{weekday, start, end, breaks}], validFrom?, validTo?}
//   admin.exceptions.list {providerId?, from?, to?}
//   admin.exceptions.preview | admin.exceptions.save {id?, providerId, locationId?, kind, startAt, endAt, note?}
//   admin.exceptions.remove {exceptionId}
//   admin.orphans.list {providerId?, locationId?}
// Saving never cancels a visit: the ones left outside hours come back for rebooking.
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { say } from '../../db/rules/refusals';
import type { ScheduleException } from '../../db/rules/types';
import * as schema from '../../db/schema/sqlite';
import type { LocalStore } from '../store/local-store';
import { instant, minutesOf, optionalId, optionalText, wallTime } from './admin-inputs';
import { compareOrphans, describeOrphans, findOrphans, loadHoursInForce, loadUpcomingAppointments, type HoursInForce, type OrphanView } from './admin-orphans';
import { planTemplateReplacement, type TemplatePlan } from './admin-template-plan';
import { requireLocation, requireProvider } from './lookups';
import { defineOperations, refuse, staffOperation, type StaffCall, type StaffRole } from './operation';
import { calendarDate, entityId } from './schedule';

const managers: readonly StaffRole[] = ['manager', 'admin'];
const maxExceptionMs = 366 * 86_400_000;

const breakInput = z.object({ start: wallTime, end: wallTime });
const blockInput = z.object({
  weekday: z.int('Pick a weekday from 1 (Monday) to 7 (Sunday).').min(1, 'Pick a weekday from 1 (Monday) to 7 (Sunday).').max(7, 'Pick a weekday from 1 (Monday) to 7 (Sunday).'),
  start: wallTime,
  end: wallTime,
  breaks: z.array(breakInput).max(6, 'At most 6 breaks a day.').default([]),
});

const weekdayNames = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const templateInput = z.object({
  providerId: entityId,
  locationId: entityId,
  weekly: z.array(blockInput).max(28, 'At most 28 working blocks a week.'),
  validFrom: calendarDate.nullish().transform((v) => v ?? null),
  validTo: calendarDate.nullish().transform((v) => v ?? null),
}).superRefine((input, ctx) => {
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The last day is before the first day.' });
  }
  input.weekly.forEach((block, i) => {
    const day = weekdayNames[block.weekday] ?? 'That day';
    const start = minutesOf(block.start);
    const end = minutesOf(block.end);
    // zod still runs this refinement when a field failed: judge only well-formed blocks.
    if ([start, end, ...block.breaks.flatMap((b) => [minutesOf(b.start), minutesOf(b.end)])].some(Number.isNaN)) return;
    if (end <= start) {
      ctx.addIssue({ code: 'custom', path: ['weekly', i, 'end'], message: `${day}: the end (${block.end}) must be after the start (${block.start}).` });
      return;
    }
    const breaks = block.breaks.map((b) => ({ ...b, from: minutesOf(b.start), to: minutesOf(b.end) }));
    breaks.forEach((b, j) => {
      if (b.to <= b.from) ctx.addIssue({ code: 'custom', path: ['weekly', i, 'breaks', j, 'end'], message: `${day}: the break ending ${b.end} must end after it starts (${b.start}).` });
      else if (b.from < start || b.to > end) ctx.addIssue({ code: 'custom', path: ['weekly', i, 'breaks', j], message: `${day}: the break ${b.start}-${b.end} must lie within the hours ${block.start}-${block.end}.` });
    });
    const sorted = [...breaks].sort((a, b) => a.from - b.from);
    for (let j = 1; j < sorted.length; j++) {
      const [prev, next] = [sorted[j - 1]!, sorted[j]!];
      if (next.from < prev.to) ctx.addIssue({ code: 'custom', path: ['weekly', i, 'breaks'], message: `${day}: the breaks ${prev.start}-${prev.end} and ${next.start}-${next.end} overlap.` });
    }
    input.weekly.slice(0, i).forEach((other) => {
      if (other.weekday !== block.weekday) return;
      if (minutesOf(other.start) < end && start < minutesOf(other.end)) {
        ctx.addIssue({ code: 'custom', path: ['weekly', i], message: `${day}: the hours ${block.start}-${block.end} overlap ${other.start}-${other.end}.` });
      }
    });
  });
});

const exceptionInput = z.object({
  /** Present: edit that exception. */
  id: optionalId,
  providerId: entityId,
  /** null or absent: every location (a vacation). */
  locationId: entityId.nullish().transform((v) => v ?? null),
  kind: z.enum(['time_off', 'extra_hours'], 'Choose time off or extra hours.'),
  startAt: instant,
  endAt: instant,
  note: optionalText(500),
}).superRefine((input, ctx) => {
  if (input.endAt <= input.startAt) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'The end must be after the start.' });
  else if (input.endAt - input.startAt > maxExceptionMs) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'An exception can last at most a year; add another for the rest.' });
});

type TemplateInput = z.output<typeof templateInput>;
type ExceptionInput = z.output<typeof exceptionInput>;

function templateViews(store: LocalStore, providerId: string) {
  const t = schema.scheduleTemplates;
  return store.db.select().from(t).where(and(eq(t.deleted, false), eq(t.providerId, providerId)))
    .orderBy(asc(t.locationId), asc(t.weekday), asc(t.start), asc(t.validFrom)).all()
    .map((r) => ({ id: r.id, locationId: r.locationId, weekday: r.weekday, start: r.start, end: r.end, breaks: r.breaks, validFrom: r.validFrom, validTo: r.validTo }));
}

type ExceptionRow = typeof schema.scheduleExceptions.$inferSelect;

const exceptionView = (r: ExceptionRow) => ({ id: r.id, providerId: r.providerId, locationId: r.locationId, kind: r.kind, startAt: r.startAt, endAt: r.endAt, note: r.reason });

function requireException(store: LocalStore, id: string): ExceptionRow {
  const e = schema.scheduleExceptions;
  const row = store.db.select().from(e).where(and(eq(e.id, id), eq(e.deleted, false))).get();
  if (!row) throw refuse('not_found', say('refusal.notFound.scheduleException'), { exceptionId: id });
  return row;
}

/** The template change as it would be saved, with the visits it would leave outside working hours. */
function proposeTemplates({ store, now }: StaffCall, input: TemplateInput): { plan: TemplatePlan; orphaned: OrphanView[] } {
  const provider = requireProvider(store, input.providerId);
  const location = requireLocation(store, input.locationId);
  if (!provider.locationIds.includes(location.id)) {
    throw refuse('not_allowed', [say('refusal.providerNotAtLocation', { provider: provider.name, location: location.name }), say('refusal.addLocationToProvider')]);
  }
  const current = loadHoursInForce(store, [provider.id], now);
  const target = { providerId: provider.id, locationId: location.id };
  const plan = planTemplateReplacement(current.templates, target, input.weekly, { validFrom: input.validFrom, validTo: input.validTo });
  const others = current.templates.filter((t) => t.locationId !== location.id);
  const proposed: HoursInForce = { ...current, templates: [...others, ...plan.result] };
  const appointments = loadUpcomingAppointments(store, { now, providerIds: [provider.id], locationId: location.id });
  return { plan, orphaned: compareOrphans(store, current, proposed, appointments) };
}

function saveTemplates(call: StaffCall, plan: TemplatePlan): void {
  call.store.sqlite.transaction(() => {
    for (const id of plan.removed) {
      call.write({ table: 'schedule_templates', rowId: id, isNew: false, action: 'template.remove', values: { deleted: true } });
    }
    for (const n of plan.narrowed) {
      call.write({ table: 'schedule_templates', rowId: n.id, isNew: false, action: 'template.narrow', values: { valid_from: n.validFrom, valid_to: n.validTo } });
    }
    for (const t of plan.added) {
      call.write({
        table: 'schedule_templates', rowId: uuidv7(), isNew: true, action: 'template.add',
        values: { provider_id: t.providerId, location_id: t.locationId, weekday: t.weekday, start: t.start, end: t.end, breaks: t.breaks, valid_from: t.validFrom, valid_to: t.validTo },
      });
    }
  })();
}

/** Visits an exception edit (new span, old span, or removal) can affect, judged before and after. */
function proposeException(call: StaffCall, input: ExceptionInput | null, existing: ExceptionRow | null): OrphanView[] {
  const { store, now } = call;
  const providerIds = [...new Set([input?.providerId, existing?.providerId].filter((id): id is string => id !== undefined))];
  const current = loadHoursInForce(store, providerIds, now);
  const kept = current.exceptions.filter((e) => e.id !== existing?.id);
  const next: ScheduleException[] = input
    ? [...kept, { id: existing?.id ?? 'proposed', providerId: input.providerId, locationId: input.locationId, kind: input.kind, startAt: input.startAt, endAt: input.endAt }]
    : kept;
  const spans = [input, existing].filter((s) => s !== null).map((s) => ({ start: s.startAt, end: s.endAt }));
  const during = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  const appointments = loadUpcomingAppointments(store, { now, providerIds, during });
  return compareOrphans(store, current, { ...current, exceptions: next }, appointments);
}

function checkExceptionTargets(store: LocalStore, input: ExceptionInput): ExceptionRow | null {
  requireProvider(store, input.providerId);
  if (input.locationId) requireLocation(store, input.locationId);
  return input.id ? requireException(store, input.id) : null;
}

export const scheduleAdminOperations = defineOperations('admin', {
  'templates.list': staffOperation({
    description: 'see provider templates in administration',
    roles: managers,
    input: z.object({ providerId: entityId }),
    handler: ({ store }, { providerId }) => ({ providerId: requireProvider(store, providerId).id, templates: templateViews(store, providerId) }),
  }),

  'templates.preview': staffOperation({
    description: 'edit working hours',
    roles: managers,
    input: templateInput,
    handler: (call, input) => ({ orphaned: proposeTemplates(call, input).orphaned }),
  }),

  'templates.save': staffOperation({
    description: 'edit working hours',
    roles: managers,
    input: templateInput,
    handler: (call, input) => {
      const { plan, orphaned } = proposeTemplates(call, input);
      saveTemplates(call, plan);
      return { templates: templateViews(call.store, input.providerId), orphaned };
    },
  }),

  'exceptions.list': staffOperation({
    description: 'see time off and extra hours in administration',
    roles: managers,
    input: z.object({ providerId: entityId.optional(), from: instant.optional(), to: instant.optional() }),
    handler: ({ store, now }, query) => {
      const e = schema.scheduleExceptions;
      return store.db.select().from(e).where(and(
        eq(e.deleted, false),
        gt(e.endAt, query.from ?? now),
        query.to === undefined ? undefined : lt(e.startAt, query.to),
        query.providerId ? eq(e.providerId, query.providerId) : undefined,
      )).orderBy(asc(e.startAt), asc(e.id)).all().map(exceptionView);
    },
  }),

  'exceptions.preview': staffOperation({
    description: 'edit time off and extra hours',
    roles: managers,
    input: exceptionInput,
    handler: (call, input) => ({ orphaned: proposeException(call, input, checkExceptionTargets(call.store, input)) }),
  }),

  'exceptions.save': staffOperation({
    description: 'edit time off and extra hours',
    roles: managers,
    input: exceptionInput,
    handler: (call, input) => {
      const existing = checkExceptionTargets(call.store, input);
      const orphaned = proposeException(call, input, existing);
      const id = existing?.id ?? uuidv7();
      call.write({
        table: 'schedule_exceptions', rowId: id, isNew: !existing, action: existing ? 'exception.edit' : 'exception.add',
        values: { provider_id: input.providerId, location_id: input.locationId, kind: input.kind, start_at: input.startAt, end_at: input.endAt, reason: input.note },
      });
      return { exception: exceptionView(requireException(call.store, id)), orphaned };
    },
  }),

  'exceptions.remove': staffOperation({
    description: 'edit time off and extra hours',
    roles: managers,
    input: z.object({ exceptionId: entityId }),
    handler: (call, { exceptionId }) => {
      const existing = requireException(call.store, exceptionId);
      const orphaned = proposeException(call, null, existing);
      call.write({ table: 'schedule_exceptions', rowId: exceptionId, isNew: false, action: 'exception.remove', values: { deleted: true } });
      return { removed: true as const, orphaned };
    },
  }),

  'orphans.list': staffOperation({
    description: 'see appointments to rebook',
    roles: managers,
    input: z.object({ providerId: entityId.optional(), locationId: entityId.optional() }),
    handler: ({ store, now }, { providerId, locationId }) => {
      if (providerId) requireProvider(store, providerId);
      if (locationId) requireLocation(store, locationId);
      const providerIds = providerId ? [providerId] : undefined;
      const hours = loadHoursInForce(store, providerIds ?? null, now);
      const appointments = loadUpcomingAppointments(store, { now, providerIds, locationId });
      return { orphaned: describeOrphans(store, findOrphans(hours, appointments)) };
    },
  }),
});
