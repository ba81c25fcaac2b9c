// What a server backup file is, and how one is written. A backup holds every patient's
// data, so it is readable by its owner only, and it appears under its real name only once
// it is complete and on disk: a failed or interrupted backup never passes for a good one.
import { existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export type BackupKind = 'postgres' | 'pglite';

export class BackupError extends Error {}

/** What a backup file holds, from its first bytes: pg_dump's custom format, or PGlite's gzipped tar. */
export function backupKindOfBytes(head: Uint8Array): BackupKind | null {
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return null;
}

export async function backupKindOf(file: string): Promise<BackupKind | null> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return backupKindOfBytes(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * `fill` writes the backup into a fresh partial file beside `outFile` (created here with
 * mode 0600, so a tool that writes into it, like pg_dump, keeps that mode); it is flushed
 * to disk and renamed into place. On any failure the partial file is removed.
 */
export async function writeBackupFile(outFile: string, fill: (partial: string) => Promise<void>): Promise<number> {
  if (!existsSync(dirname(outFile))) throw new BackupError(`There is no folder ${dirname(outFile)} to write the backup into.`);
  const partial = `${outFile}.partial`;
  // A partial file left by a killed backup keeps its old mode if merely reopened.
  await rm(partial, { force: true });
  await (await open(partial, 'wx', 0o600)).close();
  try {
    await fill(partial);
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, outFile);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return (await stat(outFile)).size;
}
