// The audit trail for managers: a filtered, paged read of every device's events with who,
// what, from which device, before and after; and each device's chain verified.
import { z } from 'zod';
import { addDays, getStartOfDay } from '../../db/rules/wallclock';
import { readAuditTrail, verifyDeviceChains } from '../store/queries/audit-trail';
import { systemTimeZone } from './lookups';
import { defineOperations, staffOperation, type StaffRole } from './operation';
import { calendarDate, entityId } from './schedule';

export const auditRoles: readonly StaffRole[] = ['manager', 'admin'];

const ianaZone = z.string().min(1).max(64).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'Unknown time zone.');

const eventsInput = z.object({
  patientId: entityId.optional(),
  appointmentId: entityId.optional(),
  staffUserId: entityId.optional(),
  deviceId: entityId.optional(),
  /** First calendar day, in `timeZone`. */
  from: calendarDate.optional(),
  /** Last calendar day, included. */
  to: calendarDate.optional(),
  /** Zone of from/to; default the desk's. */
  timeZone: ianaZone.optional(),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).max(1_000_000).default(0),
}).refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'The range must end on or after the day it starts.', path: ['to'] });

export const auditOperations = defineOperations('audit', {
  /** Newest first. */
  events: staffOperation({
    description: 'see the audit trail',
    roles: auditRoles,
    input: eventsInput,
    handler: ({ store, ctx }, input) => {
      const zone = input.timeZone ?? ctx.timeZone ?? systemTimeZone();
      return readAuditTrail(store, {
        patientId: input.patientId, appointmentId: input.appointmentId, staffUserId: input.staffUserId, deviceId: input.deviceId,
        fromAt: input.from ? getStartOfDay(input.from, zone) : undefined,
        toAt: input.to ? getStartOfDay(addDays(input.to, 1), zone) : undefined,
        limit: input.limit, offset: input.offset,
      });
    },
  }),
  /** "verified" or "broken at event N", per device; this device first. */
  verifyChains: staffOperation({
    description: 'see the audit trail',
    roles: auditRoles,
    input: z.object({ deviceId: entityId.optional() }),
    handler: ({ store }, { deviceId }) => ({ devices: verifyDeviceChains(store, deviceId) }),
  }),
});
