// The demo clinic on the server, written through the same merge and claims path as any
// device change, so the demo can never hold a double booking the server would refuse.
import { Temporal } from 'temporal-polyfill';
import { loadOrder } from '../../db/schema/registry';
import { createDemoClinic } from '../../db/demo/create-demo-clinic-node';
import type { SyncServer } from '../app';
import { findOrganization, systemChanges } from '../bootstrap';

export interface SeedOptions {
  /** The clinic's "today"; default today in New York, where the demo's first location is. */
  anchorDate?: string;
  patients?: number;
  onProgress?: (message: string) => void;
}

/** Seeds once: a server that already has an organization is left alone. Returns the org id. */
export async function seedDemoClinic(server: SyncServer, options: SeedOptions = {}): Promise<{ orgId: string; seeded: boolean; staff: { name: string; role: string; secret: string }[] }> {
  const existing = await findOrganization(server.db);
  const anchorDate = options.anchorDate ?? Temporal.Now.plainDateISO('America/New_York').toString();
  const clinic = await createDemoClinic({ anchorDate, patients: options.patients });
  if (existing) return { orgId: existing, seeded: false, staff: clinic.staffCredentials };
  for (const table of loadOrder) {
    const rows = clinic.tables[table] ?? [];
    for (let first = 0; first < rows.length; first += 1_000) {
      const changes = systemChanges(table, rows.slice(first, first + 1_000), () => server.clock.now());
      const results = await server.importAsSystem(clinic.orgId, table, changes);
      const refused = results.find((r) => r.status === 'rejected');
      if (refused) throw new Error(`The demo clinic could not be written (${table}): ${JSON.stringify(refused)}`);
      options.onProgress?.(`${table}: ${Math.min(first + 1_000, rows.length)} of ${rows.length}`);
    }
  }
  return { orgId: clinic.orgId, seeded: true, staff: clinic.staffCredentials };
}
