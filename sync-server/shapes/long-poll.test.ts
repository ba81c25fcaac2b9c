// Live shape requests over real HTTP: each publication wakes every table's long-poll, but
// only a table with something new answers; the others keep waiting until the timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { appointmentValues, startTestServer, type RunningServer, type TestDevice } from '../testing/harness';

const LIVE_TIMEOUT_MS = 2_500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live shape requests', () => {
  let env: RunningServer;
  let desk: TestDevice;
  beforeAll(async () => {
    env = await startTestServer({ liveTimeoutMs: LIVE_TIMEOUT_MS });
    desk = await env.enroll('front_desk');
  }, 180_000);
  afterAll(() => env?.close());

  const get = (query: string) => fetch(`${env.url}/v1/shape?${query}`, { headers: { authorization: `Bearer ${desk.token}` } });
  /** Where a table's feed stands now. */
  const head = async (table: string) => {
    const res = await get(`table=${table}&offset=-1`);
    expect(res.headers.has('electric-up-to-date')).toBe(true);
    return { table, handle: res.headers.get('electric-handle')!, offset: res.headers.get('electric-offset')! };
  };
  /** A live request from `at`, noting when it was answered. */
  const live = (at: Awaited<ReturnType<typeof head>>) => {
    const asked = Date.now();
    const state = { answeredAfter: null as number | null };
    const answer = get(`table=${at.table}&offset=${at.offset}&handle=${at.handle}&live=true`).then(async (res) => {
      state.answeredAfter = Date.now() - asked;
      return { status: res.status, body: (await res.json()) as { key?: string; headers: Record<string, unknown> }[] };
    });
    return { answer, state };
  };

  it('answers the table that changed, and keeps the others waiting through the publication', async () => {
    const appointments = live(await head('appointments'));
    const patients = live(await head('patients'));
    await sleep(100);
    const id = uuidv7();
    const [result] = await desk.push([desk.change('appointments', id, appointmentValues())]);
    expect(result).toMatchObject({ status: 'accepted' });

    const booked = await appointments.answer;
    expect(booked.status).toBe(200);
    expect(booked.body.map((m) => m.key)).toContain(`"public"."appointments"/"${id}"`);
    await sleep(300);
    expect(patients.state.answeredAfter).toBeNull();

    // A change to patients answers the one still waiting, with that change.
    const patient = uuidv7();
    const [added] = await desk.push([desk.change('patients', patient, { first_name: 'Ada', last_name: 'Ng', date_of_birth: '1990-02-03', deleted: false })]);
    expect(added).toMatchObject({ status: 'accepted' });
    const arrived = await patients.answer;
    expect(arrived.body.map((m) => m.key)).toContain(`"public"."patients"/"${patient}"`);
    expect(patients.state.answeredAfter!).toBeLessThan(LIVE_TIMEOUT_MS);
  });

  it('answers "up to date" with nothing new once the timeout passes', async () => {
    const providers = live(await head('providers'));
    await desk.push([desk.change('appointments', uuidv7(), appointmentValues())]);
    const { status, body } = await providers.answer;
    expect(status).toBe(200);
    expect(body).toEqual([{ headers: { control: 'up-to-date' } }]);
    expect(providers.state.answeredAfter!).toBeGreaterThanOrEqual(LIVE_TIMEOUT_MS - 100);
  });
});
