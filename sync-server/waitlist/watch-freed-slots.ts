// Finds slots freed by cancellations and moves, whoever made them (a desk, a patient's link, a
// job): every published appointment change raises its server_seq, so reading past a cursor
// sees each change once. Sequence numbers are handed out in commit order (merge/publish.ts),
// so nothing committed later can appear behind the cursor. Rows keep only their latest values;
// watched_slots remembers the slot each upcoming appointment held, which is how a move is told
// apart from any other edit.
import { enqueueJobs, type NewJob } from '../jobs/queue';
import type { ServerDb, Sql } from '../store/server-db';
import { ACTIVE_STATUSES, hasMoved, slotOfRow, type HeldSlot } from './freed-slot';
import { OFFER_ROUND_JOB, roundDedupeKey, type OfferRoundPayload } from './offer-round';

const BATCH = 1_000;
/** Slots starting sooner than this are not worth offering: nobody could come. */
export const MIN_OFFER_LEAD_MS = 30 * 60_000;

const cursorKey = (orgId: string) => `waitlist_watch_seq:${orgId}`;

export async function watchFreedSlots(db: ServerDb, now: number): Promise<number> {
  // Started appointments cannot be freed for anyone any more.
  await db.query(`delete from watched_slots where (slot->>'startAt')::bigint <= $1`, [now]);
  const { rows: orgs } = await db.query<{ org_id: string }>('select org_id from org_sequences');
  let queued = 0;
  for (const { org_id } of orgs) {
    for (;;) {
      const { queued: n, more } = await db.transaction((tx) => watchBatch(tx, org_id, now));
      queued += n;
      if (!more) break;
    }
  }
  return queued;
}

async function watchBatch(tx: Sql, orgId: string, now: number): Promise<{ queued: number; more: boolean }> {
  // One watcher per organization at a time across instances; the lock ends with the transaction.
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('frontdesk-waitlist-watch:' || $1, 0))`, [orgId]);
  const { rows: cursor } = await tx.query<{ value: string }>('select value from server_meta where key = $1', [cursorKey(orgId)]);
  if (!cursor[0]) {
    // First run on this database: remember what is booked now and start from the current end.
    await tx.query(
      `insert into watched_slots (appointment_id, org_id, slot)
       select id, org_id, jsonb_build_object('locationId', location_id, 'providerId', provider_id, 'serviceId', service_id, 'patientId', patient_id,
         'resourceIds', resource_ids, 'startAt', start_at, 'endAt', end_at, 'bufferBeforeMin', buffer_before_min, 'bufferAfterMin', buffer_after_min)
       from appointments where org_id = $1 and not deleted and status = any($2::text[]) and start_at > $3
       on conflict (appointment_id) do nothing`, [orgId, ACTIVE_STATUSES, now]);
    await tx.query(`insert into server_meta (key, value) select $1, coalesce(max(server_seq), 0)::text from appointments where org_id = $2`, [cursorKey(orgId), orgId]);
    return { queued: 0, more: false };
  }
  const { rows } = await tx.query<Record<string, unknown>>(
    `select a.*, w.slot as watched from appointments a left join watched_slots w on w.appointment_id = a.id
     where a.org_id = $1 and a.server_seq > $2 order by a.server_seq limit $3`, [orgId, Number(cursor[0].value), BATCH]);
  if (rows.length === 0) return { queued: 0, more: false };

  const offers: NewJob[] = [];
  const keep: { id: string; slot: HeldSlot }[] = [];
  const forget: string[] = [];
  for (const r of rows) {
    const current = slotOfRow(r);
    const before = r.watched as HeldSlot | null;
    const isActive = !r.deleted && (ACTIVE_STATUSES as readonly string[]).includes(r.status as string);
    const freed = before && (!isActive || hasMoved(before, current)) ? before
      // Booked and cancelled between two looks: never watched, still freed.
      : !before && !r.deleted && (r.status === 'cancelled' || r.status === 'late_cancelled') ? current
        : null;
    if (freed && freed.startAt - MIN_OFFER_LEAD_MS > now) {
      const payload: OfferRoundPayload = { freedAppointmentId: r.id as string, slot: freed, round: 1 };
      offers.push({ orgId, kind: OFFER_ROUND_JOB, dedupeKey: roundDedupeKey(payload), runAt: now, payload: payload as unknown as Record<string, unknown> });
    }
    if (isActive && current.startAt > now) keep.push({ id: r.id as string, slot: current });
    else forget.push(r.id as string);
  }
  const queued = await enqueueJobs(tx, offers, now);
  if (keep.length > 0) {
    await tx.query(
      `insert into watched_slots (appointment_id, org_id, slot) select id, $1, slot from unnest($2::text[], $3::jsonb[]) as t(id, slot)
       on conflict (appointment_id) do update set slot = excluded.slot`, [orgId, keep.map((k) => k.id), keep.map((k) => JSON.stringify(k.slot))]);
  }
  if (forget.length > 0) await tx.query('delete from watched_slots where appointment_id = any($1::text[])', [forget]);
  const last = Number(rows[rows.length - 1]!.server_seq);
  await tx.query('update server_meta set value = $2 where key = $1', [cursorKey(orgId), String(last)]);
  return { queued, more: rows.length === BATCH };
}
