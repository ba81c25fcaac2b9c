// Provider productivity: completed visits and their real minutes. Only 'completed' counts:
// a visit still in progress or checked in has not been delivered yet.
import { minutesOf, nameOf, resolveScope, roundTo } from './scope';
import type { AnalyticsData, AnalyticsFilter } from './types';

export interface ProviderProductivity {
  providerId: string;
  providerName: string;
  completedVisits: number;
  completedMinutes: number;
  /** null without completed visits. */
  averageVisitMinutes: number | null;
}

export interface ProductivityReport {
  providers: ProviderProductivity[];
  completedVisits: number;
  completedMinutes: number;
}

export function computeProductivity(data: AnalyticsData, filter: AnalyticsFilter): ProductivityReport {
  const { appointments } = resolveScope(data, filter);
  const providerName = nameOf(data.providers);
  const byProvider = new Map<string, { visits: number; ms: number }>();
  let visits = 0;
  let ms = 0;
  for (const a of appointments) {
    if (a.status !== 'completed') continue;
    const entry = byProvider.get(a.providerId) ?? { visits: 0, ms: 0 };
    entry.visits++;
    entry.ms += a.endAt - a.startAt;
    byProvider.set(a.providerId, entry);
    visits++;
    ms += a.endAt - a.startAt;
  }
  const providers = [...byProvider].map(([providerId, e]) => ({
    providerId, providerName: providerName(providerId), completedVisits: e.visits, completedMinutes: minutesOf(e.ms),
    averageVisitMinutes: roundTo(e.ms / e.visits / 60_000, 2),
  }));
  providers.sort((a, b) => b.completedVisits - a.completedVisits || a.providerName.localeCompare(b.providerName));
  return { providers, completedVisits: visits, completedMinutes: minutesOf(ms) };
}
