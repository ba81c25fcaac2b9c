// Working hours, breaks and time off as FullCalendar background events. Shading marks the
// time when none of the shown providers works (the inverse of their working time together);
// breaks and time off are named, so the desk sees why a provider has no slots then.
import type { EventInput } from '@fullcalendar/react';
import type { ApiOutput } from '../api/client';

export type WorkingHours = ApiOutput<'schedule.workingHours'>['providers'][number];

export interface ShadingLabels {
  break(provider: string): string;
  timeOff(provider: string): string;
}

export function shadingEvents(hours: WorkingHours[], providerNames: Map<string, string>, labels: ShadingLabels): EventInput[] {
  const events: EventInput[] = [];
  for (const h of hours) {
    const name = providerNames.get(h.providerId) ?? '';
    for (const w of h.working) {
      events.push({ groupId: 'working-hours', start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString(), display: 'inverse-background', className: 'off-hours' });
    }
    h.breaks.forEach((b, i) => events.push({
      id: `break-${h.providerId}-${i}`, title: labels.break(name), start: new Date(b.start).toISOString(), end: new Date(b.end).toISOString(),
      display: 'background', className: 'provider-break', extendedProps: { providerId: h.providerId },
    }));
    h.timeOff.forEach((o, i) => events.push({
      id: `off-${h.providerId}-${i}`, title: labels.timeOff(name), start: new Date(o.start).toISOString(), end: new Date(o.end).toISOString(),
      display: 'background', className: 'provider-time-off', extendedProps: { providerId: h.providerId },
    }));
  }
  // With nobody shown, shade the whole day: nothing there is bookable.
  if (hours.length > 0 && !events.some((e) => e.groupId === 'working-hours')) {
    events.push({ groupId: 'working-hours', start: '1970-01-01T00:00:00Z', end: '1970-01-01T00:00:01Z', display: 'inverse-background', className: 'off-hours' });
  }
  return events;
}
