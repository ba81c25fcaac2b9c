// The weekly editor's model: working blocks with breaks, keyed so React keeps each row's focus
// while rows are added and removed.
import type { TemplateView } from './types';

export interface BreakDraft { key: number; start: string; end: string }
export interface BlockDraft { key: number; weekday: number; start: string; end: string; breaks: BreakDraft[] }

let nextKey = 1;
export const newKey = () => nextKey++;

/** The templates in force on `date` at this location, as editable blocks. */
export function blocksInForce(templates: TemplateView[], locationId: string, date: string): BlockDraft[] {
  return templates
    .filter((t) => t.locationId === locationId && (t.validFrom === null || t.validFrom <= date) && (t.validTo === null || t.validTo >= date))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((t) => ({ key: newKey(), weekday: t.weekday, start: t.start, end: t.end, breaks: t.breaks.map((b) => ({ key: newKey(), start: b.start, end: b.end })) }));
}

export function toWeekly(blocks: BlockDraft[]) {
  return blocks.map((b) => ({ weekday: b.weekday, start: b.start, end: b.end, breaks: b.breaks.map((x) => ({ start: x.start, end: x.end })) }));
}
