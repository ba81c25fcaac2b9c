import { describe, expect, it } from 'vitest';
import { computeChannelMix } from './channel-mix';
import { computeProductivity } from './productivity';
import { clinic, visit } from './testing/clinic';

const data = clinic({
  appointments: [
    visit({ providerId: 'dr-a', startIso: '2026-05-04T16:00:00Z', minutes: 30, status: 'completed', channel: 'desk' }),
    visit({ providerId: 'dr-a', startIso: '2026-05-04T17:00:00Z', minutes: 45, status: 'completed', channel: 'phone' }),
    visit({ providerId: 'dr-b', startIso: '2026-05-05T16:00:00Z', minutes: 60, status: 'completed', channel: 'online' }),
    visit({ providerId: 'dr-b', startIso: '2026-05-05T17:00:00Z', minutes: 60, status: 'in_progress', channel: 'desk' }),
    visit({ providerId: 'dr-b', startIso: '2026-05-06T17:00:00Z', minutes: 60, status: 'no_show', channel: 'desk', serviceId: 'svc-physical' }),
  ],
});
const range = { from: '2026-05-04', to: '2026-05-10' };

describe('channel mix', () => {
  it('counts every booking by channel, with kiosk at zero', () => {
    expect(computeChannelMix(data, range)).toEqual({
      appointments: 5,
      channels: [
        { channel: 'desk', appointments: 3, share: 0.6 },
        { channel: 'phone', appointments: 1, share: 0.2 },
        { channel: 'online', appointments: 1, share: 0.2 },
        { channel: 'kiosk', appointments: 0, share: 0 },
      ],
    });
  });

  it('applies the service filter', () => {
    expect(computeChannelMix(data, { ...range, serviceId: 'svc-physical' }).appointments).toBe(1);
  });
});

describe('provider productivity', () => {
  it('counts only completed visits and their real minutes', () => {
    expect(computeProductivity(data, range)).toEqual({
      completedVisits: 3,
      completedMinutes: 135,
      providers: [
        { providerId: 'dr-a', providerName: 'Dr. Avery', completedVisits: 2, completedMinutes: 75, averageVisitMinutes: 37.5 },
        { providerId: 'dr-b', providerName: 'Dr. Blake', completedVisits: 1, completedMinutes: 60, averageVisitMinutes: 60 },
      ],
    });
  });
});
