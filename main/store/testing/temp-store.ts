// Real encrypted stores in throwaway folders, for tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeyStore } from '../keystore';
import { openStore, type LocalStore } from '../local-store';

export interface TempStore {
  store: LocalStore;
  dataDir: string;
  keyFile: string;
  reopen(): Promise<LocalStore>;
  cleanup(): void;
}

export async function openTempStore(options: { orgId?: string; unencrypted?: boolean; now?: () => number } = {}): Promise<TempStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-store-'));
  const keyFile = join(dataDir, 'keys', 'db.key');
  const open = () => openStore({ dataDir, keyStore: new FileKeyStore(keyFile), unencrypted: options.unencrypted, now: options.now });
  const store = await open();
  if (options.orgId) store.setOrganization(options.orgId);
  const temp: TempStore = {
    store,
    dataDir,
    keyFile,
    async reopen() {
      temp.store.close();
      temp.store = await open();
      return temp.store;
    },
    cleanup() {
      temp.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return temp;
}
