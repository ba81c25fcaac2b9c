// Per-column last-writer-wins merge. Pure: the device store and the server both call it.
import type { HlcMap } from '../schema/shared';
import type { HlcTimestamp } from './hlc';

export type ColumnValues = Record<string, unknown>;

export interface RowState {
  values: ColumnValues;
  hlc: HlcMap;
}

export interface MergeResult {
  row: RowState;
  /** Columns whose value the change set (empty: the change lost or was already applied). */
  won: string[];
}

/**
 * Merge a change into a row. Commutative, associative and idempotent: the result depends
 * only on the set of changes seen, never on their order or on repeats.
 *
 * Equal timestamps with different values cannot come from a correct clock (the node id
 * is part of the timestamp), but a replayed or forged change could carry one; comparing
 * the encoded values keeps the merge order-independent even then.
 */
export function mergeChange(current: RowState | undefined, change: RowState): MergeResult {
  const values: ColumnValues = { ...current?.values };
  const hlc: HlcMap = { ...current?.hlc };
  const won: string[] = [];
  for (const [column, ts] of Object.entries(change.hlc)) {
    if (!(column in change.values)) continue;
    const incoming = change.values[column];
    const existing = hlc[column];
    if (existing === undefined || ts > existing || (ts === existing && encode(incoming) > encode(values[column]))) {
      values[column] = incoming;
      hlc[column] = ts;
      won.push(column);
    }
  }
  return { row: { values, hlc }, won };
}

/** Stamp every column of a local edit with one fresh timestamp. */
export function stampChange(values: ColumnValues, ts: HlcTimestamp): RowState {
  const hlc: HlcMap = {};
  for (const column of Object.keys(values)) hlc[column] = ts;
  return { values: { ...values }, hlc };
}

/** The newest timestamp in a row's map: a device folds it into its clock on receipt. */
export function latestTimestamp(hlc: HlcMap): HlcTimestamp | undefined {
  let latest: HlcTimestamp | undefined;
  for (const ts of Object.values(hlc)) if (latest === undefined || ts > latest) latest = ts;
  return latest;
}

function encode(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}
