// Public surface of the scheduling rules: pure functions given data and a clock.
export type * from './types';
export { appointmentStatuses } from './types';
export { findFirstAvailable, findOpenSlots } from './availability';
export type { AvailabilityInput, OpenSlot } from './availability';
export { claimsOf, findCollisions, hasOverlap, isActive, toBusyInterval } from './overlap';
export type { Claim, ClaimKind, Collision } from './overlap';
export { allowedTransitions, transitionAppointment } from './status';
export type { TransitionRefusal, TransitionRequest, TransitionResult } from './status';
export {
  addDays,
  formatWallClock,
  getIsoWeekday,
  getStartOfDay,
  listDates,
  parseWallTime,
  readWallClock,
  resolveWallTime,
} from './wallclock';
export type { WallClock } from './wallclock';
