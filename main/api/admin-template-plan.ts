// How a saved weekly schedule replaces a provider's templates at one location over a window
// of dates, as data: which rows to end earlier, start later, split or delete, and the
// template set that results. Preview and save both use it, so the preview shows exactly
// what saving will do.
import type { CalendarDate, ScheduleTemplate } from '../../db/rules/types';
import { addDays } from '../../db/rules/wallclock';

export interface WeeklyBlock {
  weekday: number;
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
}

export interface TemplateWindow {
  validFrom: CalendarDate | null;
  /** Inclusive. */
  validTo: CalendarDate | null;
}

export interface TemplatePlan {
  /** Existing rows whose validity shrinks to the part outside the window. */
  narrowed: { id: string; validFrom: CalendarDate | null; validTo: CalendarDate | null }[];
  /** Existing rows entirely inside the window. */
  removed: string[];
  /** New rows without ids: the saved week, and the tail of any row the window split. */
  added: Omit<ScheduleTemplate, 'id'>[];
  /** What is in force afterwards at this provider and location (added rows get placeholder ids). */
  result: ScheduleTemplate[];
}

function overlaps(t: TemplateWindow, w: TemplateWindow): boolean {
  const startsBeforeWindowEnds = t.validFrom === null || w.validTo === null || t.validFrom <= w.validTo;
  const endsAfterWindowStarts = t.validTo === null || w.validFrom === null || w.validFrom <= t.validTo;
  return startsBeforeWindowEnds && endsAfterWindowStarts;
}

export function planTemplateReplacement(
  existing: ScheduleTemplate[],
  target: { providerId: string; locationId: string },
  weekly: WeeklyBlock[],
  window: TemplateWindow,
): TemplatePlan {
  const plan: TemplatePlan = { narrowed: [], removed: [], added: [], result: [] };
  for (const t of existing) {
    if (t.providerId !== target.providerId || t.locationId !== target.locationId) continue;
    if (!overlaps(t, window)) {
      plan.result.push(t);
      continue;
    }
    const hasHead = window.validFrom !== null && (t.validFrom === null || t.validFrom < window.validFrom);
    const hasTail = window.validTo !== null && (t.validTo === null || t.validTo > window.validTo);
    if (!hasHead && !hasTail) {
      plan.removed.push(t.id);
      continue;
    }
    const head = hasHead ? { validFrom: t.validFrom, validTo: addDays(window.validFrom as string, -1) } : null;
    const tail = hasTail ? { validFrom: addDays(window.validTo as string, 1), validTo: t.validTo } : null;
    const kept = head ?? (tail as TemplateWindow);
    plan.narrowed.push({ id: t.id, ...kept });
    plan.result.push({ ...t, ...kept });
    if (head && tail) {
      const { id: _old, ...copy } = t;
      plan.added.push({ ...copy, ...tail });
    }
  }
  for (const block of weekly) {
    plan.added.push({ ...target, ...block, breaks: [...block.breaks], ...window });
  }
  plan.added.forEach((t, i) => plan.result.push({ ...t, id: `proposed-${i}` }));
  return plan;
}
