// Where bookings come from: every appointment starting in the range, by source channel.
import { ratio, resolveScope } from './scope';
import { sourceChannels, type AnalyticsData, type AnalyticsFilter } from './types';
import type { SourceChannel } from '../schema/shared';

export interface ChannelShare {
  channel: SourceChannel;
  appointments: number;
  share: number | null;
}

export interface ChannelMixReport {
  channels: ChannelShare[];
  appointments: number;
}

export function computeChannelMix(data: AnalyticsData, filter: AnalyticsFilter): ChannelMixReport {
  const { appointments } = resolveScope(data, filter);
  const counts = new Map<SourceChannel, number>(sourceChannels.map((c) => [c, 0]));
  for (const a of appointments) counts.set(a.sourceChannel, (counts.get(a.sourceChannel) ?? 0) + 1);
  return {
    channels: [...counts].map(([channel, n]) => ({ channel, appointments: n, share: ratio(n, appointments.length) })),
    appointments: appointments.length,
  };
}
