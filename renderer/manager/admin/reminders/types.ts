import type { ApiOutput } from '../../../api/client';

export type ReminderRuleView = ApiOutput<'admin.reminderRules.list'>[number];
export type LocationView = ApiOutput<'admin.locations.list'>[number];
export type ServiceView = ApiOutput<'admin.services.list'>[number];
