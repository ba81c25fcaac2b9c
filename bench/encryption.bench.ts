// The cost of SQLCipher on the read the desk makes most: the busiest day view of the demo
// clinic, read from an encrypted and an unencrypted store holding the same rows.
import { readDayView } from '../main/store/queries/day-view';
import type { TempStore } from '../main/store/testing/temp-store';
import { createBenchClinic, findBusiestDay, openDemoStore } from './lib/demo-store';
import { compare, ms, type Figure } from './lib/measure';

export async function run(): Promise<Figure[]> {
  const clinic = await createBenchClinic();
  const day = findBusiestDay(clinic);
  const encrypted = await openDemoStore(clinic);
  const plain = await openDemoStore(clinic, { unencrypted: true });
  const figures: Figure[] = [];
  try {
    const query = { locationId: day.locationId, date: day.date, timeZone: day.timeZone };
    const rows = readDayView(encrypted.store, query).length;
    if (rows !== day.count || readDayView(plain.store, query).length !== rows) throw new Error('The two stores disagree on the day view.');

    // Warm: the pages stay in SQLite's cache from one read to the next, as they do while
    // no other connection writes, so the cipher is not on the path at all. Emptied: the first
    // read after opening, or after another connection's write (SQLite then drops its whole
    // cache), decrypts every page it touches once; shrink_memory empties it the same way.
    const read = (temp: TempStore) => () => readDayView(temp.store, query);
    const afterEmptying = (temp: TempStore) => () => {
      temp.store.sqlite.pragma('shrink_memory');
      return readDayView(temp.store, query);
    };
    const cases = [
      { label: 'warm page cache', subject: read(encrypted), baseline: read(plain) },
      { label: 'page cache emptied before each read', subject: afterEmptying(encrypted), baseline: afterEmptying(plain) },
    ];
    for (const c of cases) {
      const r = compare(c.subject, c.baseline, { rounds: 10, perRound: 100 });
      figures.push({
        name: `day view (${rows} appointments, ${day.date}), ${c.label}, encrypted`,
        value: ms(r.subject.median), baseline: `unencrypted ${ms(r.baseline.median)}`, ratio: r.ratio, target: '<= 1.5x', met: r.ratio <= 1.5,
      });
    }
  } finally {
    encrypted.cleanup();
    plain.cleanup();
  }
  return figures;
}
