// The change record that travels from a device's outbox to the server (docs/sync-protocol.md).
import { z } from 'zod';
import { isHlc } from './hlc';

export const changeSchema = z.object({
  id: z.uuid(),
  table: z.string().min(1).max(64),
  row: z.uuid(),
  values: z.record(z.string().max(64), z.unknown()),
  hlc: z.record(z.string().max(64), z.string().refine(isHlc, 'not an HLC timestamp')),
  staffUserId: z.string().max(64).nullable().optional(),
}).refine(
  (c) => Object.keys(c.values).every((k) => k in c.hlc) && Object.keys(c.hlc).every((k) => k in c.values),
  'values and hlc must name the same columns',
);
export type Change = z.infer<typeof changeSchema>;

export const rejectionReasons = ['slot_taken', 'clock_drift', 'forbidden', 'invalid', 'unknown_table'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export type ChangeResult =
  | { id: string; status: 'accepted'; seq: number }
  | { id: string; status: 'rejected'; reason: RejectionReason; message: string; conflictsWith?: string };
