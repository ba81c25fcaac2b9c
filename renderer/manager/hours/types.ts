import type { ApiOutput } from '../../api/client';

export type OrphanView = ApiOutput<'admin.orphans.list'>['orphaned'][number];
export type ProviderView = ApiOutput<'admin.providers.list'>[number];
export type LocationView = ApiOutput<'admin.locations.list'>[number];
export type TemplateView = ApiOutput<'admin.templates.list'>['templates'][number];
export type ExceptionView = ApiOutput<'admin.exceptions.list'>[number];
