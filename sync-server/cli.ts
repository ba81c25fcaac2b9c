// npm run sync-server -- [--port 8787] [--host 127.0.0.1] [--data DIR] [--demo]
// npm run sync-server -- pairing-code --role front_desk|manager|kiosk [--data DIR]
// npm run sync-server -- revoke-device <device id> [--data DIR]
// npm run sync-server -- backup --out FILE [--data DIR]
// npm run sync-server -- restore --from FILE [--data DIR]
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createSyncServer } from './app';
import { createPairingCode, deviceRoles, revokeDevice, type DeviceRole } from './auth/devices';
import { ensureOrganization, loadServerIdentity } from './bootstrap';
import { backupRunningServer } from './backup/online-backup';
import { backupServer, restoreServer } from './backup/server-backup';
import { seedDemoClinic } from './demo/seed-demo';
import { attachJobsFromEnv } from './jobs/start-from-env';
import { openServerStore, serverDataDir } from './store/open-store';

const usage = `Frontdesk sync server
  npm run sync-server -- [--port 8787] [--host 127.0.0.1] [--data DIR] [--demo]
  npm run sync-server -- pairing-code --role ${deviceRoles.join('|')} [--data DIR]
  npm run sync-server -- revoke-device <device id> [--data DIR]
  npm run sync-server -- backup --out FILE [--data DIR]
  npm run sync-server -- restore --from FILE [--data DIR]
Store: PostgreSQL when DATABASE_URL is set, else embedded PGlite in DIR/pglite
(default DIR: $FRONTDESK_SERVER_DATA or ./.data/server).
Reminders and other jobs: FRONTDESK_SMTP_*, FRONTDESK_SMS_*, FRONTDESK_PUBLIC_URL (docs/jobs.md).`;

/** A mistyped command line (an option without its value, an unknown option) gets the usage, not a stack trace. */
function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        role: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    console.error(`sync-server: ${(e as Error).message}\n${usage}`);
    process.exit(1);
  }
}

const { positionals, values } = parseCommandLine();

const runningInfo = z.object({ url: z.string().url(), adminToken: z.string().min(1), pid: z.number().int() });
type RunningInfo = z.infer<typeof runningInfo>;

const dataDir = serverDataDir(values.data);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const runningFile = join(dataDir, 'server.json');

/** A running embedded server owns its PGlite: talk to it over loopback instead of opening the store twice. */
async function runningServer(): Promise<RunningInfo | null> {
  if (!existsSync(runningFile)) return null;
  let info: RunningInfo;
  try {
    info = runningInfo.parse(JSON.parse(readFileSync(runningFile, 'utf8')));
  } catch {
    throw new Error(`${runningFile} is damaged. If no sync server is running on ${dataDir}, delete it and try again.`);
  }
  // Left by a server that was killed: its port may since belong to another server, which
  // would answer /health and then refuse this store's admin token.
  if (!isRunning(info.pid)) return null;
  try {
    const res = await fetch(`${info.url}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? info : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function admin(path: string, body: unknown): Promise<unknown> {
  const info = await runningServer();
  if (!info) return null;
  const res = await fetch(`${info.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-token': info.adminToken }, body: JSON.stringify(body) });
  const json = (await res.json()) as { message?: string };
  if (!res.ok) throw new Error(json.message ?? `server answered ${res.status}`);
  return json;
}

async function pairingCode(): Promise<void> {
  const role = values.role as DeviceRole;
  if (!deviceRoles.includes(role)) throw new Error(`--role must be one of: ${deviceRoles.join(', ')}`);
  let result = (await admin('/v1/admin/pairing-codes', { role })) as { code: string; expiresAt: number } | null;
  if (!result) {
    const db = await openServerStore(dataDir);
    try {
      const server = await createSyncServer({ db });
      const orgId = await server.ensureOrganization();
      result = await createPairingCode(db, orgId, role, Date.now());
    } finally {
      await db.close();
    }
  }
  console.log(`Pairing code for a ${role.replace('_', ' ')} device: ${result.code}`);
  console.log(`Valid until ${new Date(result.expiresAt).toLocaleTimeString()} (15 minutes), once.`);
}

async function revoke(deviceId: string | undefined): Promise<void> {
  if (!deviceId) throw new Error('Which device? npm run sync-server -- revoke-device <device id>');
  let revoked = ((await admin(`/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`, {}).catch((e: Error) => {
    if (/No such active device/.test(e.message)) return { revoked: false };
    throw e;
  })) as { revoked: boolean } | null)?.revoked;
  if (revoked === undefined) {
    const db = await openServerStore(dataDir);
    try {
      revoked = await revokeDevice(db, deviceId, Date.now());
    } finally {
      await db.close();
    }
  }
  console.log(revoked ? `Device ${deviceId} revoked: its token no longer works.` : `No active device ${deviceId}.`);
}

/** PGlite has one owner: a running embedded server must be stopped for its store to be replaced. */
async function requireStoppedEmbeddedServer(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const info = await runningServer();
  if (info) throw new Error(`The sync server (pid ${info.pid}) is using ${dataDir}; stop it for the restore, then start it again.`);
}

/** PostgreSQL: pg_dump, whether or not a server runs. Embedded: the running server dumps its own store, else the store is opened here. */
async function backup(): Promise<void> {
  if (!values.out) throw new Error('Where to? npm run sync-server -- backup --out FILE');
  const running = process.env.DATABASE_URL ? null : await runningServer();
  if (running) {
    const result = await backupRunningServer(running, values.out);
    console.log(`Backed up the embedded PGlite store of the running sync server (pid ${running.pid}) to ${result.file} (${megabytes(result.bytes)}).`);
    return;
  }
  const result = await backupServer({ dataDir, databaseUrl: process.env.DATABASE_URL }, values.out);
  console.log(`Backed up the ${result.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'} store to ${result.file} (${megabytes(result.bytes)}).`);
}

async function restore(): Promise<void> {
  if (!values.from) throw new Error('From which backup? npm run sync-server -- restore --from FILE');
  await requireStoppedEmbeddedServer();
  const result = await restoreServer({ dataDir, databaseUrl: process.env.DATABASE_URL }, values.from);
  console.log(`Restored ${values.from}. New history epoch ${result.epoch}: devices will download everything again and re-send what they wrote since the backup.`);
  if (result.previousStore) console.log(`The store it replaced was kept in ${result.previousStore}.`);
  if (process.env.DATABASE_URL) console.log('Restart every sync-server instance on this database so they serve the new epoch.');
}

async function serve(): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);
  const db = await openServerStore(dataDir);
  const adminToken = randomBytes(24).toString('base64url');
  const server = await createSyncServer({ db, adminToken });
  if (values.demo) await seedDemoClinic(server, { onProgress: (m) => console.log(`demo: ${m}`) });
  else await ensureOrganization(db, server.writeAsSystem, () => server.clock.now());
  // Reminders, no-show marking, waitlist offers: configured by FRONTDESK_* variables (docs/jobs.md).
  const jobs = await attachJobsFromEnv(server);
  const url = await server.listen(port, values.host);
  jobs.start(url);
  writeFileSync(runningFile, JSON.stringify({ url, adminToken, pid: process.pid } satisfies RunningInfo), { mode: 0o600 });
  const identity = await loadServerIdentity(db);
  console.log(`Frontdesk sync server listening on ${url} (store: ${db.kind}, durability: ${db.durability}, node ${identity.nodeId})`);
  console.log('Pairing codes: npm run sync-server -- pairing-code --role front_desk');
  const stop = async () => {
    rmSync(runningFile, { force: true });
    await jobs.stop();
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

try {
  if (values.help) console.log(usage);
  else if (positionals[0] === 'pairing-code') await pairingCode();
  else if (positionals[0] === 'revoke-device') await revoke(positionals[1]);
  else if (positionals[0] === 'backup') await backup();
  else if (positionals[0] === 'restore') await restore();
  else if (positionals.length === 0) await serve();
  else throw new Error(`Unknown command "${positionals[0]}".\n${usage}`);
} catch (e) {
  console.error(`sync-server: ${(e as Error).message}`);
  process.exit(1);
}
