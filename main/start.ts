// npm start: the clinic on this computer. Where Electron can run, the Electron shell starts
// the clinic itself (dist/electron/main.cjs); elsewhere this process starts it (sync
// server, encrypted device database, sync) and serves the same UI through the browser host.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { kioskCertificate, logSyncState, printWelcome, readClinicConfig, startClinic } from './clinic';
import { chooseShell } from './shell-choice';
import { startHost } from './host/host';

function electronPackageDir(): string | null {
  try {
    // package.json, not the package: requiring electron itself would start a download.
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function runElectron(binary: string, mainBundle: string): void {
  // ELECTRON_RUN_AS_NODE inherited from a parent tool would turn the app into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [mainBundle], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(`Frontdesk could not start Electron (${binary}): ${e.message}`);
    process.exit(1);
  });
}

async function serveBrowserHost(reason: string): Promise<void> {
  console.log(`Frontdesk: ${reason}. The front desk will be served by the browser host instead of an Electron window.`);
  const config = readClinicConfig(process.env, join(process.cwd(), '.data'));
  const clinic = await startClinic(config);
  printWelcome(clinic);

  const staticDir = join(process.cwd(), 'dist', 'renderer');
  const options = { store: clinic.store, sync: clinic.sync, sessions: config.sessions, staticDir, kioskLan: { tls: () => kioskCertificate(config) } };
  const host = await startHost({ ...options, port: Number(process.env.FRONTDESK_PORT ?? 5180) })
    .catch(() => startHost({ ...options, port: 0 }));
  console.log(`\nNo Electron window (${reason}).`);
  console.log(`Open the front desk: ${host.launchUrl}`);
  console.log('(The link carries this launch\'s access token; it works only on this computer. Ctrl+C stops.)');

  logSyncState(clinic);
  const stop = async () => {
    await host.close();
    await clinic.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const mainBundle = join(process.cwd(), 'dist', 'electron', 'main.cjs');
const choice = chooseShell({ platform: process.platform, env: process.env, electronPackageDir: electronPackageDir(), mainBundle });
if (choice.shell === 'electron') {
  console.log(`Frontdesk: opening the Electron window (${choice.binary}).`);
  runElectron(choice.binary, mainBundle);
} else {
  serveBrowserHost(choice.reason).catch((e) => {
    console.error(`Frontdesk could not start: ${(e as Error).message}`);
    process.exit(1);
  });
}
