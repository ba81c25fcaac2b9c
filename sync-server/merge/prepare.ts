// The checks a pushed change passes before the database is asked anything: shape, table
// and column allow-list, value types, and the clock-drift limit.
import { changeSchema, type Change, type ChangeResult } from '../../db/crdt/change';
import { MAX_DRIFT_MS, driftAheadMs } from '../../db/crdt/hlc';
import { latestTimestamp } from '../../db/crdt/merge';
import type { ReplicatedTableName } from '../../db/schema/registry';
import { validateChange } from './validate';

export type Prepared =
  /** Unparseable: answered, never logged (it has no trustworthy id or row to file it under). */
  | { kind: 'malformed'; result: ChangeResult }
  /** Refused before any database work; still logged, so a re-send gets the same answer. */
  | { kind: 'refused'; change: Change; result: Extract<ChangeResult, { status: 'rejected' }> }
  | { kind: 'ready'; change: Change; table: ReplicatedTableName };

export function prepareChange(raw: unknown, now: number): Prepared {
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : '';
    return { kind: 'malformed', result: { id, status: 'rejected', reason: 'invalid', message: `Malformed change: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'change'} ${i.message}`).join('; ')}.` } };
  }
  const change = parsed.data;
  const validation = validateChange(change);
  if (!validation.ok) return { kind: 'refused', change, result: { id: change.id, status: 'rejected', reason: validation.reason, message: validation.message } };
  const newest = latestTimestamp(change.hlc);
  const ahead = newest ? driftAheadMs(newest, now) : 0;
  // Audit events are appended, never merged, so a fast clock wins nothing with them; refusing
  // one would leave a hole in the device's hash chain here and a rejection nobody can act on.
  if (ahead > MAX_DRIFT_MS && validation.table !== 'audit_events') {
    return { kind: 'refused', change, result: { id: change.id, status: 'rejected', reason: 'clock_drift', message: `This device's clock is ${Math.round(ahead / 60_000)} minutes ahead of the server. Correct the date and time on this computer, then make the change again.` } };
  }
  return { kind: 'ready', change, table: validation.table };
}
