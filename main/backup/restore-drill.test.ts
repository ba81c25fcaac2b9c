// The restore drill (testing/restore-drill.ts) on the embedded PGlite store: the nightly
// backup is the online one, which the running server takes from its own live store.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupRunningServer } from '../../sync-server/backup/online-backup';
import { restoreServer } from '../../sync-server/backup/server-backup';
import { openPgliteServerDb } from '../../sync-server/store/open-pglite';
import { runRestoreDrill } from './testing/restore-drill';

const root = mkdtempSync(join(tmpdir(), 'frontdesk-restore-drill-'));
const dataDir = join(root, 'server');
const backupFile = join(root, 'server-backup.tar.gz');
const adminToken = 'restore-drill-admin-token';
mkdirSync(dataDir);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('restore drill, embedded PGlite', () => {
  // Two server starts and three full syncs of two desks: minutes on a busy 2-core machine.
  it('backs up while serving, destroys, restores, and the desks resync with nothing lost', { timeout: 240_000 }, async () => {
    await runRestoreDrill({
      open: () => openPgliteServerDb(join(dataDir, 'pglite')),
      adminToken,
      async backup(server) {
        expect((await backupRunningServer({ url: server.url, adminToken }, backupFile)).bytes).toBeGreaterThan(0);
      },
      async destroy() {
        rmSync(join(dataDir, 'pglite'), { recursive: true, force: true });
      },
      restore: () => restoreServer({ dataDir }, backupFile),
    });
  });
});
