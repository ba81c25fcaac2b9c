// The server's no-show marking feeds the booking desk's repeat no-show warning: the desk
// flags a patient from the appointment statuses it holds (db/rules/patient-flags.ts, shown by
// main/api when booking), so the status the job writes must reach devices through the feed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeAttendance } from '../../db/rules/patient-flags';
import type { AppointmentStatus } from '../../db/rules/types';
import { seedClinic, startServerWithJobs, type ServerWithJobs } from '../reminders/testing/fixtures';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { v7 as uuidv7 } from 'uuid';
import { systemChanges } from '../bootstrap';
import { appointmentValues } from '../testing/harness';

const MIN = 60_000;
const clock = Date.parse('2026-06-10T10:00:00-07:00');
let db: ServerDb;
let running: ServerWithJobs;

beforeEach(async () => {
  db = await openPgliteServerDb();
  running = await startServerWithJobs(db, () => clock);
});
afterEach(async () => {
  await running.close();
  await db.close();
});

/** What an enrolled front desk receives for the appointments table, merged by id. */
async function appointmentsOnTheDesk(orgId: string): Promise<Map<string, Record<string, unknown>>> {
  const { code } = await running.server.createPairingCode(orgId, 'front_desk');
  const enrolled = await fetch(`${running.url}/v1/devices/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'desk' }) });
  const { token } = (await enrolled.json()) as { token: string };
  const res = await fetch(`${running.url}/v1/shape?table=appointments&offset=-1`, { headers: { authorization: `Bearer ${token}` } });
  const rows = new Map<string, Record<string, unknown>>();
  for (const m of (await res.json()) as { value?: Record<string, unknown> }[]) {
    if (m.value) rows.set(String(m.value.id), { ...rows.get(String(m.value.id)), ...m.value });
  }
  return rows;
}

describe('repeat no-shows', () => {
  it('a no-show marked by the server job puts the patient over the threshold on the desk', async () => {
    const clinic = await seedClinic(running.server, { channels: [] });
    const { patientId } = await clinic.book({ email: 'a@example.org' }, clock - 30 * 86_400_000, 'no_show');
    const visit = async (startAt: number, status: AppointmentStatus) => {
      const id = uuidv7();
      const values = appointmentValues({ location_id: clinic.locationId, service_id: clinic.serviceId, provider_id: clinic.providerId, patient_id: patientId, start_at: startAt, end_at: startAt + 30 * MIN, status });
      const [result] = await running.server.writeAsSystem(clinic.orgId, systemChanges('appointments', [{ id, ...values }], () => running.server.clock.now()));
      expect(result!.status).toBe('accepted');
      return id;
    };
    await visit(clock - 20 * 86_400_000, 'late_cancelled');
    const missed = await visit(clock - 20 * MIN, 'booked');
    const { rows: policy } = await db.query<{ no_show_threshold: number }>('select no_show_threshold from policies');
    const noShowThreshold = policy[0]!.no_show_threshold;
    const attendanceOnTheDesk = async () => {
      const rows = [...(await appointmentsOnTheDesk(clinic.orgId)).values()].filter((a) => a.patient_id === patientId);
      return { missedStatus: rows.find((a) => a.id === missed)!.status, ...summarizeAttendance(rows.map((a) => ({ status: a.status as AppointmentStatus })), { noShowThreshold }) };
    };
    expect(await attendanceOnTheDesk()).toEqual({ missedStatus: 'booked', noShows: 1, lateCancellations: 1, threshold: 3, isFlagged: false });

    await running.jobs.sweep();
    await running.jobs.runner.drain();

    expect(await attendanceOnTheDesk()).toEqual({ missedStatus: 'no_show', noShows: 2, lateCancellations: 1, threshold: 3, isFlagged: true });
  }, 60_000);
});
