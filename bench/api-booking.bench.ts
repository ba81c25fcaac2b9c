// Booking through the browser host as the renderer does it: HTTP POST with the launch token
// and a session, the router's checks, the encrypted write with its outbox entry and audit
// event. Baseline: session.current over the same connection, in the same run, alternating.
import { startDeskForTests } from '../e2e/support/start-desk';
import { signInOverHttp } from './lib/desk-http';
import { ms, stats, type Figure } from './lib/measure';

const BOOKINGS = 300;

interface Slot { startAt: number; endAt: number; providerId: string }

export async function run(): Promise<Figure[]> {
  const desk = await startDeskForTests({ patients: 1_000 });
  try {
    // Off the sync server: what is measured is the device's own round trip, not replication.
    await desk.goOffline();
    const api = await signInOverHttp(desk);
    const [location] = await api.call<{ id: string; timeZone: string }[]>('schedule.locations', {});
    const services = await api.call<{ id: string; name: string }[]>('schedule.services', {});
    const service = services.find((s) => s.name === 'Follow-up visit') ?? services[0]!;
    // The slot search returns at most 2,000 times per call: a month at a time, three months.
    const months = [['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-05-31'], ['2026-06-01', '2026-06-30']] as const;
    const open = { slots: (await Promise.all(months.map(([from, to]) => api.call<{ slots: Slot[] }>('schedule.openSlots', { serviceId: service.id, locationId: location!.id, from, to })))).flatMap((r) => r.slots) };
    // Slots that do not overlap one another for the same provider, so every booking is accepted.
    const lastEnd = new Map<string, number>();
    // In time order, so one patient's visits (every 30th booking) are hours apart.
    const slots = [...open.slots].sort((x, y) => x.startAt - y.startAt).filter((s) => {
      if ((lastEnd.get(s.providerId) ?? 0) > s.startAt) return false;
      lastEnd.set(s.providerId, s.endAt + 15 * 60_000);
      return true;
    });
    if (slots.length < BOOKINGS) throw new Error(`Only ${slots.length} separate free times from April to June.`);
    // Patients with nothing booked from April on; each is reused only every patientIds.length bookings, hours later.
    const patientIds = (desk.store.sqlite.prepare(`select id from patients p where deleted = 0
      and not exists (select 1 from appointments a where a.patient_id = p.id and a.start_at >= ?) limit ?`)
      .all(Date.UTC(2026, 3, 1), BOOKINGS) as { id: string }[]).map((r) => r.id);
    if (patientIds.length < 20) throw new Error(`Only ${patientIds.length} patients free from April on.`);

    const book = (i: number) => api.call('appointments.book', {
      locationId: location!.id, providerId: slots[i]!.providerId, serviceId: service.id, patientId: patientIds[i % patientIds.length]!, startAt: slots[i]!.startAt,
    });
    const current = () => api.call('session.current', {});
    for (let i = 0; i < 20; i++) await current();

    const booking: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < BOOKINGS; i++) {
      let t = performance.now();
      await book(i);
      booking.push(performance.now() - t);
      t = performance.now();
      await current();
      baseline.push(performance.now() - t);
    }
    const b = stats(booking);
    const c = stats(baseline);
    return [
      { name: `booking over the browser host, median of ${BOOKINGS}`, value: ms(b.median), baseline: `session.current ${ms(c.median)}`, ratio: b.median / c.median, target: 'report', met: true },
      { name: `booking over the browser host, p99 of ${BOOKINGS}`, value: ms(b.p99), baseline: `session.current p99 ${ms(c.p99)}`, ratio: b.p99 / c.p99, target: 'report', met: true },
    ];
  } finally {
    await desk.close();
  }
}
