import type { ApiInput, ApiOutput } from '../../api/client';

export type AuditEntry = ApiOutput<'audit.events'>['entries'][number];
export type AuditQuery = ApiInput<'audit.events'>;
