// A sync server in its own process, for tests that kill it: PGlite on disk, a fixed port,
// the test clinic (harness.ts). Usage: server-process.ts <dataDir> <port>
//   FRONTDESK_ADMIN_TOKEN: enables /v1/admin/pairing-codes (how the test enrolls desks).
//   FRONTDESK_CRASH_AFTER_COMMITS=n: once armed with SIGUSR2, SIGKILL itself right after
//     the n-th committed transaction: in the middle of a push, after a commit, before the answer.
// Prints one JSON line once it listens: {"url", "orgId", "staff"}. SIGTERM, or the end of
// its stdin (the parent is gone), stops it cleanly.
import { createSyncServer } from '../app';
import { openPgliteServerDb } from '../store/open-pglite';
import type { ServerDb } from '../store/server-db';
import { ensureTestClinic } from './harness';

const [dataDir, port] = process.argv.slice(2) as [string, string];
const crashAfter = Number(process.env.FRONTDESK_CRASH_AFTER_COMMITS ?? 0);

const store = await openPgliteServerDb(dataDir);
let commits: number | null = null;
process.on('SIGUSR2', () => {
  commits = 0;
});
const db: ServerDb = crashAfter > 0 ? {
  ...store,
  async transaction(fn) {
    const result = await store.transaction(fn);
    if (commits !== null && ++commits === crashAfter) process.kill(process.pid, 'SIGKILL');
    return result;
  },
} : store;

const server = await createSyncServer({ db, liveTimeoutMs: 2_000, adminToken: process.env.FRONTDESK_ADMIN_TOKEN });
const clinic = await ensureTestClinic(server);
const url = await server.listen(Number(port));
process.stdout.write(`${JSON.stringify({ url, ...clinic })}\n`);

const stop = () => void server.close().then(() => store.close()).then(() => process.exit(0));
process.once('SIGTERM', stop);
// The test that started it ended without stopping it (it failed, or was killed): stop too.
process.stdin.once('end', stop).resume();
