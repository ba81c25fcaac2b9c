// The restore drill, end to end, for either server store: two desks sync with the server;
// the server is backed up while it serves; work goes on (a booking and an edit the backup
// does not have); the server's store is destroyed and restored from the backup; the desks
// notice the new epoch, re-send what they wrote, and everyone ends with every booking and
// edit: nothing lost, nothing doubled.
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { RestoreResult } from '../../../sync-server/backup/server-backup';
import { appointmentValues, startTestServer, type RunningServer } from '../../../sync-server/testing/harness';
import type { ServerDb } from '../../../sync-server/store/server-db';
import { savedEnrollment } from '../../sync/enroll';
import { eventually, startDesk, type TestDesk } from '../../sync/testing/device';
import { deskSchedule, serverSchedule } from '../../sync/testing/schedule';
import { fetchServerEpoch, recoverFromServerRestore } from '../after-server-restore';

/** One kind of server store, as the drill needs it. */
export interface DrillStore {
  open(): Promise<ServerDb>;
  /** The admin token the server is started with (the embedded store's online backup needs it). */
  adminToken?: string;
  /** Back up the store of `server`, which keeps serving. */
  backup(server: RunningServer): Promise<void>;
  /** The disaster: the store is gone (its server is stopped). */
  destroy(): Promise<void>;
  restore(): Promise<RestoreResult>;
}

const HOUR = 3_600_000;

export async function runRestoreDrill(store: DrillStore): Promise<void> {
  let db: ServerDb | null = null;
  let env: RunningServer | null = null;
  const desks: TestDesk[] = [];
  const startServer = async (port = 0) => {
    db = await store.open();
    env = await startTestServer({ db, port, adminToken: store.adminToken });
    return env;
  };
  const stopServer = async () => {
    await env?.close();
    await db?.close();
    env = null;
    db = null;
  };
  const book = (desk: TestDesk, staffId: string, startAt: number) => {
    const id = uuidv7();
    desk.store.write({ table: 'appointments', rowId: id, values: appointmentValues({ start_at: startAt, end_at: startAt + HOUR / 2 }), staffUserId: staffId, action: 'appointment.book' });
    desk.client.notifyLocalWrite();
    return id;
  };
  const allInSync = async (server: RunningServer, ids: string[]) => {
    const onServer = await serverSchedule(server.server.db);
    expect(onServer.map((r) => (r as { id: string }).id).sort()).toEqual([...ids].sort());
    for (const desk of desks) {
      expect(desk.store.sqlite.prepare('select count(*) as n from outbox').get()).toEqual({ n: 0 });
      expect(deskSchedule(desk.store)).toEqual(onServer);
    }
  };

  try {
    const first = await startServer();
    const port = Number(new URL(first.url).port);
    const receptionist = first.staff.receptionist;
    for (let i = 0; i < 2; i++) {
      const desk = await startDesk(first);
      desks.push(desk);
      // What the shell does at every start-up, before syncing: remember the server's epoch.
      expect(await recoverFromServerRestore(desk.store, savedEnrollment(desk.store)!)).toEqual({ restored: false, requeued: 0 });
      desk.goOnline();
      await eventually(() => expect(desk.store.identity.orgId).toBe(first.orgId));
    }
    const [deskA, deskB] = desks as [TestDesk, TestDesk];
    const day = Date.UTC(2027, 2, 1, 14);
    const beforeBackup = [book(deskA, receptionist, day), book(deskB, receptionist, day + HOUR)];
    await eventually(() => allInSync(first, beforeBackup), 90_000);
    const oldEpoch = await fetchServerEpoch(savedEnrollment(deskA.store)!);

    // The nightly backup, taken while the desks stay online.
    await store.backup(first);

    // The day goes on: a new booking on desk A and an edit on desk B that no backup has.
    const afterBackup = book(deskA, receptionist, day + 2 * HOUR);
    deskB.store.write({ table: 'appointments', rowId: beforeBackup[0]!, values: { notes: 'Bring the referral letter' }, staffUserId: receptionist, action: 'appointment.edit' });
    deskB.client.notifyLocalWrite();
    const everything = [...beforeBackup, afterBackup];
    await eventually(() => allInSync(first, everything), 90_000);
    const savedShape = deskA.store.sqlite.prepare(`select handle, "offset" from sync_shapes where table_name = 'appointments'`).get() as { handle: string; offset: string };

    // Disaster: the store is gone. Restore from last night's backup.
    await stopServer();
    await store.destroy();
    const restored = await store.restore();
    expect(restored.epoch).not.toBe(oldEpoch);
    const second = await startServer(port);
    expect((await serverSchedule(second.server.db)).map((r) => (r as { id: string }).id).sort()).toEqual([...beforeBackup].sort());

    // A device resuming from its saved offset is sent back to the start, not served the
    // restored server's reused sequence numbers.
    const { token } = savedEnrollment(deskA.store)!;
    const resumed = await fetch(`${second.url}/v1/shape?table=appointments&offset=${savedShape.offset}&handle=${savedShape.handle}`, { headers: { authorization: `Bearer ${token}` } });
    expect(resumed.status).toBe(409);

    // The desks are still running: their shapes get must-refetch, and the shell answers
    // that by running the recovery.
    for (const desk of desks) {
      const recovery = await recoverFromServerRestore(desk.store, savedEnrollment(desk.store)!);
      expect(recovery.restored).toBe(true);
      expect(recovery.requeued).toBeGreaterThan(0);
      desk.client.notifyLocalWrite();
    }
    await eventually(() => allInSync(second, everything), 90_000);
    const { rows } = await second.server.db.query<{ notes: string | null }>('select notes from appointments where id = $1', [beforeBackup[0]]);
    expect(rows[0]?.notes).toBe('Bring the referral letter');
    expect(deskA.store.sqlite.prepare('select count(*) as n from sync_rejections').get()).toEqual({ n: 0 });
    expect(deskB.store.sqlite.prepare('select count(*) as n from sync_rejections').get()).toEqual({ n: 0 });

    // Both desks' audit trails are complete on the server again.
    const { rows: audit } = await second.server.db.query<{ n: number }>('select count(*)::int as n from audit_events');
    const local = desks.reduce((n, d) => n + (d.store.sqlite.prepare('select count(*) as n from audit_events where device_id = ?').get(d.store.identity.deviceId) as { n: number }).n, 0);
    expect(audit[0]!.n).toBeGreaterThanOrEqual(local);

    // Running the recovery again (every start-up does) finds nothing to do.
    expect(await recoverFromServerRestore(deskA.store, savedEnrollment(deskA.store)!)).toEqual({ restored: false, requeued: 0 });
  } finally {
    for (const desk of desks) await desk.close();
    await stopServer();
  }
}
