import type { ApiOutput } from '../../../api/client';

export type ProviderView = ApiOutput<'admin.providers.list'>[number];
export type ServiceView = ApiOutput<'admin.services.list'>[number];
export type ResourceView = ApiOutput<'admin.resources.list'>[number];
export type LocationView = ApiOutput<'admin.locations.list'>[number];

/** Everything the catalog forms choose from. */
export interface Catalog {
  providers: ProviderView[];
  services: ServiceView[];
  resources: ResourceView[];
  locations: LocationView[];
}

export interface FormProps<T> {
  /** null: adding a new one. */
  editing: T | null;
  catalog: Catalog;
  onClose(): void;
  onSaved(): void;
}
