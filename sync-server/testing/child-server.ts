// Runs server-process.ts as a child process that a test may SIGKILL and start again on the
// same data folder and port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { DeviceRole } from '../auth/devices';
import type { TestStaff } from './harness';

export interface ChildServer {
  url: string;
  orgId: string;
  staff: TestStaff;
  child: ChildProcess;
  /** Resolves with the signal or exit code once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>;
  createPairingCode(role: DeviceRole): Promise<{ code: string }>;
  /** Start counting commits towards crashAfterCommits. */
  armCrash(): void;
  kill(): Promise<void>;
  /** SIGTERM: closes the store cleanly. */
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  dataDir: string;
  port: number;
  crashAfterCommits?: number;
}

const script = new URL('./server-process.ts', import.meta.url).pathname;

export async function startChildServer({ dataDir, port, crashAfterCommits }: ChildServerOptions): Promise<ChildServer> {
  const adminToken = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(port)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, FRONTDESK_ADMIN_TOKEN: adminToken, FRONTDESK_CRASH_AFTER_COMMITS: String(crashAfterCommits ?? 0) },
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const ready = await new Promise<{ url: string; orgId: string; staff: TestStaff }>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    void exited.then((how) => reject(new Error(`the sync server process ended before it was ready (${how})`)));
  });
  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    ...ready,
    child,
    exited,
    async createPairingCode(role) {
      const res = await fetch(`${ready.url}/v1/admin/pairing-codes`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-token': adminToken }, body: JSON.stringify({ role }),
      });
      if (!res.ok) throw new Error(`pairing code: ${res.status} ${await res.text()}`);
      return (await res.json()) as { code: string };
    },
    armCrash: () => void child.kill('SIGUSR2'),
    kill: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
  };
}

/** A port that was free a moment ago, to give a restarted server the same address. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
