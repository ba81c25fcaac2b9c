// The demo clinic loaded into throwaway stores, shared by the read benchmarks.
import type { DemoClinic } from '../../db/demo/generate';
import { readWallClock } from '../../db/rules/wallclock';
import { createDemoClinic } from '../../db/demo/create-demo-clinic-node';
import { loadDemoClinic } from '../../main/store/seed-demo';
import { openTempStore, type TempStore } from '../../main/store/testing/temp-store';

export const demoAnchorDate = '2026-03-11';

export async function openDemoStore(clinic: DemoClinic, options: { unencrypted?: boolean } = {}): Promise<TempStore> {
  const temp = await openTempStore(options);
  loadDemoClinic(temp.store, clinic);
  return temp;
}

export function createBenchClinic(): Promise<DemoClinic> {
  return createDemoClinic({ anchorDate: demoAnchorDate });
}

/** The location and local day with the most appointments: the day view's worst case. */
export function findBusiestDay(clinic: DemoClinic): { locationId: string; date: string; timeZone: string; count: number } {
  const zoneOf = new Map(clinic.tables.locations!.map((l) => [l.id as string, l.time_zone as string]));
  const counts = new Map<string, number>();
  for (const a of clinic.tables.appointments!) {
    const locationId = a.location_id as string;
    const key = `${locationId}|${readWallClock(a.start_at as number, zoneOf.get(locationId)!).date}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key, count] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const [locationId, date] = key.split('|') as [string, string];
  return { locationId, date, timeZone: zoneOf.get(locationId)!, count };
}
