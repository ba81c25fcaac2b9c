// A device's own backup: a copy of its encrypted database, for the changes it has not sent
// yet (everything else is on the server). VACUUM INTO writes a consistent copy while the
// app keeps running, and SQLite3 Multiple Ciphers encrypts the copy with the main
// database's cipher and key. better-sqlite3's backup() is not used: it opens the target
// without a key and would write the schedule in clear text.
import { existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { LocalStore } from '../store/local-store';

const PLAINTEXT_HEADER = 'SQLite format 3\0';

export class DeviceBackupError extends Error {}

/** True when the file starts the way every unencrypted SQLite database does. */
export async function isPlaintextSqlite(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    return bytesRead === 16 && buffer.toString('latin1') === PLAINTEXT_HEADER;
  } finally {
    await handle.close();
  }
}

export async function backupDeviceStore(store: LocalStore, outFile: string): Promise<{ file: string; bytes: number }> {
  if (existsSync(outFile)) throw new DeviceBackupError(`${outFile} already exists; choose a new file name for each backup.`);
  const partial = `${outFile}.partial`;
  await rm(partial, { force: true });
  try {
    store.sqlite.prepare('VACUUM INTO ?').run(partial);
    // An unencrypted store (the benchmark's) has nothing to protect; any other must stay encrypted.
    if (await isPlaintextSqlite(partial) && !(await isPlaintextSqlite(store.file))) {
      throw new DeviceBackupError('The backup came out unencrypted; it was deleted. This SQLite build does not encrypt VACUUM INTO copies.');
    }
    await rename(partial, outFile);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return { file: outFile, bytes: (await stat(outFile)).size };
}
