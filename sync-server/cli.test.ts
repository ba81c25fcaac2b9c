// The CLI as IT runs it: a child process through tsx (as `npm run sync-server` does), so the
// module graph is resolved the way Node resolves it, not the way the test runner does.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-cli-'));
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'sync-server/cli.ts', ...args, '--data', dataDir], { env: { ...process.env, DATABASE_URL: '' }, timeout: 120_000 });

describe('npm run sync-server', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a pairing code for a role, creating the organization on first use', async () => {
    const { stdout } = await cli('pairing-code', '--role', 'kiosk');
    expect(stdout).toMatch(/Pairing code for a kiosk device: \S+/);
    expect(stdout).toMatch(/Valid until .* \(15 minutes\), once/);
  }, 150_000);

  it('refuses an unknown role with the list of roles', async () => {
    await expect(cli('pairing-code', '--role', 'janitor')).rejects.toMatchObject({ stderr: expect.stringMatching(/--role must be one of: front_desk, manager, kiosk/) });
  }, 150_000);
});
