import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit/chain';
import { FileKeyStore } from './keystore';
import { openStore } from './local-store';
import { readChain } from './testing/audit';

const root = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function killMidBurst(dataDir: string, keyFile: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./testing/write-burst.ts', import.meta.url).pathname, dataDir, keyFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(); });
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  await new Promise((r) => setTimeout(r, delayMs));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('a device killed with SIGKILL in the middle of a write burst', () => {
  it.each([[20], [150], [400]])('reopens intact with outbox, audit chain and rows in agreement (killed after %i ms)', async (delayMs) => {
    const dataDir = join(root, `run-${delayMs}`);
    const keyFile = join(dataDir, 'db.key');
    await killMidBurst(dataDir, keyFile, delayMs);

    const store = await openStore({ dataDir, keyStore: new FileKeyStore(keyFile) });
    try {
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const outbox = store.sqlite.prepare('select row_id, "values", hlc from outbox order by seq').all() as { row_id: string; values: string; hlc: string }[];
      const rows = new Map((store.sqlite.prepare('select * from appointments').all() as Record<string, unknown>[]).map((r) => [r.id as string, r]));
      const chain = readChain(store);
      expect(outbox.length).toBeGreaterThan(100);
      // Every write left exactly one outbox change and one audit event.
      expect(chain.length).toBe(outbox.length);
      expect(verifyAuditChain(chain).ok).toBe(true);
      // Each change is reflected in its row (no change without its row)...
      for (const change of outbox) {
        const row = rows.get(change.row_id);
        expect(row, `row ${change.row_id}`).toBeDefined();
        const rowHlc = JSON.parse(row!.hlc as string) as Record<string, string>;
        for (const [column, ts] of Object.entries(JSON.parse(change.hlc) as Record<string, string>)) expect(rowHlc[column]! >= ts).toBe(true);
      }
      // ...and no row exists without the change that created it.
      const changed = new Set(outbox.map((c) => c.row_id));
      for (const id of rows.keys()) expect(changed.has(id)).toBe(true);
      expect(new Set(chain.map((e) => e.entityId))).toEqual(changed);
    } finally {
      store.close();
    }
  });
});
