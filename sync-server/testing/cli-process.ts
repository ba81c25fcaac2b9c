// `npm run sync-server -- ...` as IT runs it: a child process through tsx (as the npm script
// does), so the module graph is resolved the way Node resolves it, not the way the test
// runner does. DATABASE_URL is the caller's choice: empty means the embedded store.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cliArgs = (args: string[], dataDir?: string) => ['--import', 'tsx', 'sync-server/cli.ts', ...args, ...(dataDir ? ['--data', dataDir] : [])];

/** dataDir undefined: the caller passes --data itself (or tests a command line without it). */
export function runCli(args: string[], { dataDir, databaseUrl = '' }: { dataDir?: string; databaseUrl?: string }): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, cliArgs(args, dataDir), { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 });
}

export interface CliServer {
  url: string;
  pid: number;
  /** SIGTERM, as systemd stops it; resolves once the process is gone. */
  stop(): Promise<void>;
}

/** `npm run sync-server` on a free loopback port with the embedded store in dataDir. */
export async function startCliServer(dataDir: string): Promise<CliServer> {
  const child: ChildProcess = spawn(process.execPath, cliArgs(['--port', '0'], dataDir), { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(buffered);
      if (listening) resolve(listening[1]!);
    });
    void exited.then(() => reject(new Error('the sync server ended before it listened')));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
