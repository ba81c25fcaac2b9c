// The dashboard's widest read (every location, a date range) must come from the covering
// index alone: on an encrypted store, touching the table pages costs as much as the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../testing/temp-store';
import { appointmentSql } from './analytics-data';

let temp: TempStore;
beforeAll(async () => {
  temp = await openTempStore();
});
afterAll(() => temp.cleanup());

describe('the analytics read of a whole clinic', () => {
  it('uses the covering index appointments_analytics and never the table', () => {
    const plan = (temp.store.sqlite.prepare(`explain query plan ${appointmentSql.all}`).all(0, 1) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH appointments USING COVERING INDEX appointments_analytics \(start_at>\? AND start_at<\?\)/)]);
  });
});
