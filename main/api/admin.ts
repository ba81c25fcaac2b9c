// The clinic's administration API (issue #7), for managers and admins only. Screens build on
// these names and inputs; they are kept stable. Times are UTC ms, dates "YYYY-MM-DD", wall
// times "HH:MM" in the location's zone, weekdays ISO (1 = Monday ... 7 = Sunday). Every
// save takes an optional `id`: absent creates, present edits that row.
//
// Catalog (admin-catalog.ts)
//   admin.providers.list  {includeArchived?}                      -> ProviderView[]
//   admin.providers.save  {id?, name, specialty, credentials?, color?, locationIds[]} -> {provider}
//   admin.providers.archive {providerId}   refused while the provider has upcoming visits -> {provider}
//   admin.services.list   {includeArchived?}                      -> ServiceView[]
//   admin.services.save   {id?, name, durationMin, bufferBeforeMin, bufferAfterMin, eligibleProviderIds[],
//                          requiredResources: string[][], preparation?, color?, bookableOnline} -> {service}
//   admin.services.archive {serviceId}                            -> {service}
//   admin.resources.list  {locationId?, includeArchived?}         -> ResourceView[]
//   admin.resources.save  {id?, locationId, name, kind: 'room'|'equipment'} -> {resource}
//   admin.resources.archive {resourceId}                          -> {resource}
//   admin.locations.list  {}                                      -> LocationView[]
//   admin.locations.save  {id?, name, timeZone (IANA), address?, phone?} -> {location}
//
// Working hours (admin-schedule.ts); OrphanView = {id, patientId, patientName, providerId,
// locationId, serviceId, serviceName, startAt, endAt, status, wasOutsideBefore?}
//   admin.templates.list    {providerId}                          -> {providerId, templates: TemplateView[]}
//   admin.templates.preview / admin.templates.save
//                           {providerId, locationId, weekly: [{weekday, start, end, breaks: [{start, end}]}],
//                            validFrom?, validTo?}
//     Replaces the provider's weekly hours at that location for validFrom..validTo (both
//     inclusive, absent = open-ended); older templates outside that window are kept.
//     preview -> {orphaned: OrphanView[]} without saving; save -> {templates, orphaned}.
//   admin.exceptions.list    {providerId?, from?, to?}            -> ExceptionView[] (default: not yet ended)
//   admin.exceptions.preview / admin.exceptions.save
//                           {id?, providerId, locationId? (null/absent = every location),
//                            kind: 'time_off'|'extra_hours', startAt, endAt, note?}
//     preview -> {orphaned} without saving; save -> {exception, orphaned}
//   admin.exceptions.remove {exceptionId}                         -> {removed: true, orphaned}
//   admin.orphans.list      {providerId?, locationId?}            -> {orphaned: OrphanView[]} upcoming active
//     visits outside working hours: the "to rebook" list. Nothing is ever cancelled for you.
//
// Policies (admin-policies.ts)
//   admin.policies.get   {locationId? (null/absent = organization default)} -> PolicyView
//   admin.policies.save  {locationId?, cancellationNoticeHours, lateCancelFeeCents (0 = no fee),
//                         noShowGraceMinutes, noShowThreshold, checkInEarlyMinutes, lateArrivalMinutes} -> PolicyView
//   admin.reminderRules.list   {locationId?}                       -> ReminderRuleView[]
//   admin.reminderRules.save   {id?, locationId?, serviceId?, channel: 'email'|'sms', offsetMinutes,
//                               kind?: 'reminder'|'confirmation_prompt', quietHours?: {start, end} | null} -> {rule}
//   admin.reminderRules.remove {ruleId}                            -> {removed: true}
//
// Staff (admin-staff.ts)
//   admin.staff.list        {}                                    -> StaffView[] (never a hash)
//   admin.staff.save        {id?, name, role, active, providerId?, secret? (required to create)} -> {staff}
//   admin.staff.resetSecret {staffUserId, secret}                 -> {staff}
//     secret: a PIN of 6+ digits or a password of 10+ characters. Only an admin creates an
//     admin, makes someone admin, or edits an admin; the last active admin stays one.
//
// Devices (admin-devices.ts), answered by the sync server; offline is a value, not an error:
//   admin.devices.list        {}                                  -> {status: 'online', devices: DeviceView[]} | Unreachable
//   admin.devices.pairingCode {role: 'front_desk'|'manager'|'kiosk'} -> {status: 'online', code, expiresAt} | Unreachable
//   admin.devices.revoke      {deviceId}                          -> {status: 'online', revoked: true} | Unreachable
//   Unreachable = {status: 'offline' | 'not_enrolled', message}
import { catalogOperations } from './admin-catalog';
import { deviceOperations } from './admin-devices';
import { policyOperations } from './admin-policies';
import { scheduleAdminOperations } from './admin-schedule';
import { staffOperations } from './admin-staff';

export const adminOperations = {
  ...catalogOperations,
  ...scheduleAdminOperations,
  ...policyOperations,
  ...staffOperations,
  ...deviceOperations,
};
