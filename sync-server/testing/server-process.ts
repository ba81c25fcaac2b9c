// A sync server in its own process, for tests that kill it: PGlite on disk, a fixed port,
// the test clinic (harness.ts). Usage: server-process.ts <dataDir> <port>
//   FRONTDESK_ADMIN_TOKEN: enables /v1/admin/pairing-codes (how the test enrolls desks).
//   FRONTDESK_CRASH_AFTER_COMMITS=n: SIGKILL itself right after its n-th committed
//     transaction, i.e. in the middle of a push, after a commit and before the answer.
// Prints one JSON line once it listens: {"url", "orgId", "staff"}. SIGTERM stops it cleanly.
import { createSyncServer } from '../app';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { ensureTestClinic } from './harness';

const [dataDir, port] = process.argv.slice(2) as [string, string];
const crashAfter = Number(process.env.FRONTDESK_CRASH_AFTER_COMMITS ?? 0);

const store = await openPgliteServerDb(dataDir);
let commits = 0;
const db: ServerDb = crashAfter > 0 ? {
  ...store,
  async transaction(fn) {
    const result = await store.transaction(fn);
    if (++commits === crashAfter) process.kill(process.pid, 'SIGKILL');
    return result;
  },
} : store;

const server = await createSyncServer({ db, liveTimeoutMs: 2_000, adminToken: process.env.FRONTDESK_ADMIN_TOKEN });
const clinic = await ensureTestClinic(server);
const url = await server.listen(Number(port));
process.stdout.write(`${JSON.stringify({ url, ...clinic })}\n`);

process.once('SIGTERM', () => {
  void server.close().then(() => store.close()).then(() => process.exit(0));
});
