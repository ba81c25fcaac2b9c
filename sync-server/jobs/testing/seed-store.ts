// Seeds a server data folder while no server owns it (PGlite has one owner): the tests that
// start a server as a child process prepare its clinic and appointments this way.
import { createSyncServer } from '../../app';
import { seedClinic, type SeededClinic } from '../../reminders/testing/fixtures';
import { openServerStore } from '../../store/open-store';

export async function withServerStore<T>(dataDir: string, fn: (clinic: SeededClinic) => Promise<T>, channels: ('email' | 'sms')[] = ['email']): Promise<T> {
  const db = await openServerStore(dataDir, '');
  try {
    const server = await createSyncServer({ db });
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from reminder_rules`);
    // The clinic's rows are written once; later calls only add appointments to it.
    const clinic = await seedClinic(server, { channels: rows[0]!.n === 0 ? channels : [] });
    return await fn(clinic);
  } finally {
    await db.close();
  }
}
