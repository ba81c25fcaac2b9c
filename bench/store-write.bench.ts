// Booking write (row + outbox + audit, one transaction) vs a bare single-row insert
// transaction on the same encrypted database, in the same run.
import { v7 as uuidv7 } from 'uuid';
import { openTempStore } from '../main/store/testing/temp-store';
import { compare, ms, type Figure } from './lib/measure';

export async function run(): Promise<Figure[]> {
  const temp = await openTempStore({ orgId: 'org-bench' });
  const { store } = temp;
  store.sqlite.exec('create table bench_bare (id text primary key, v text not null)');
  const bare = store.sqlite.prepare('insert into bench_bare (id, v) values (?, ?)');
  const bareTxn = store.sqlite.transaction((id: string) => bare.run(id, 'x'));
  let i = 0;
  const book = () => {
    i++;
    store.write({
      table: 'appointments', rowId: uuidv7(), staffUserId: 'staff-1', action: 'appointment.book',
      values: { location_id: 'loc', provider_id: `prov-${i % 12}`, service_id: 'svc', patient_id: `pat-${i}`, start_at: 1_800_000_000_000 + i * 900_000, end_at: 1_800_000_000_000 + i * 900_000 + 900_000, confirmation_code: `B${i}`, booked_at: 1_790_000_000_000 },
    });
  };
  const figures: Figure[] = [];
  try {
    for (const sync of ['FULL', 'OFF'] as const) {
      store.sqlite.pragma(`synchronous = ${sync}`);
      const r = compare(book, () => bareTxn(uuidv7()), { rounds: 8, perRound: 100 });
      figures.push({
        name: `booking write, synchronous=${sync}${sync === 'OFF' ? ' (CPU cost without fsync)' : ' (production)'}`,
        value: ms(r.subject.median), baseline: `bare insert txn ${ms(r.baseline.median)}`, ratio: r.ratio, target: '<= 4x', met: r.ratio <= 4,
      });
    }
  } finally {
    temp.cleanup();
  }
  return figures;
}
