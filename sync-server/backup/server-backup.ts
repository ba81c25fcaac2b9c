// Server backup and restore. PostgreSQL: pg_dump's custom format while the server runs
// (a consistent snapshot by MVCC), pg_restore into the same database. Embedded PGlite: a
// gzipped tar of its data folder (open-pglite.ts dumpLivePglite). This module opens the
// store itself, so it serves the PGlite case only while no server holds the store (one
// PGlite data folder has one owner process); a running server is asked for the dump
// instead (online-backup.ts). Every restore starts a new shape epoch so that devices read
// everything again (bootstrap.ts, startNewEpoch).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { startNewEpoch } from '../bootstrap';
import { dumpLivePglite, openPglite, openPgliteServerDb } from '../store/open-pglite';
import { openPostgresServerDb } from '../store/open-postgres';
import { BackupError, backupKindOf, writeBackupFile, type BackupKind } from './backup-file';

const run = promisify(execFile);

export interface ServerStoreLocation {
  /** The server's data folder; PGlite lives in <dataDir>/pglite. */
  dataDir: string;
  /** Set: the store is this PostgreSQL database. */
  databaseUrl?: string;
}

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
}

export interface RestoreResult {
  kind: BackupKind;
  epoch: string;
  /** PGlite: where the store that was replaced was moved (never deleted). */
  previousStore?: string;
}

const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/**
 * The password goes to pg_dump through the environment: on the command line, every user
 * of the machine could read it in the process list.
 */
function pgConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(tool, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new BackupError(`${tool} is not installed or not on PATH; install the PostgreSQL client tools of the server's major version or newer.`);
    throw new BackupError(`${tool} failed: ${(err.stderr ?? err.message).trim()}`);
  }
}

export async function backupServer(store: ServerStoreLocation, outFile: string): Promise<BackupResult> {
  if (!store.databaseUrl && !existsSync(pgliteDir(store.dataDir))) throw new BackupError(`There is no embedded store in ${store.dataDir} to back up.`);
  const bytes = await writeBackupFile(outFile, async (partial) => {
    if (store.databaseUrl) {
      const { url, env } = pgConnection(store.databaseUrl);
      await pgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${url}`], env);
      return;
    }
    const pg = await openPglite(pgliteDir(store.dataDir));
    try {
      await writeFile(partial, Buffer.from(await (await dumpLivePglite(pg)).arrayBuffer()));
    } finally {
      await pg.close();
    }
  });
  return { kind: store.databaseUrl ? 'postgres' : 'pglite', file: outFile, bytes };
}

export async function restoreServer(store: ServerStoreLocation, fromFile: string, now = new Date()): Promise<RestoreResult> {
  if (!existsSync(fromFile)) throw new BackupError(`There is no backup file ${fromFile}.`);
  const kind = await backupKindOf(fromFile);
  const expected: BackupKind = store.databaseUrl ? 'postgres' : 'pglite';
  if (kind !== expected) {
    throw new BackupError(kind === null ? `${fromFile} is not a Frontdesk server backup.`
      : `${fromFile} is a ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup, but this server's store is ${expected === 'postgres' ? 'PostgreSQL (DATABASE_URL is set)' : 'the embedded PGlite (DATABASE_URL is not set)'}.`);
  }

  if (store.databaseUrl) {
    const { url, env } = pgConnection(store.databaseUrl);
    // One transaction: a restore that fails half-way leaves the database as it was.
    await pgTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${url}`, fromFile], env);
    const db = await openPostgresServerDb(store.databaseUrl, { poolSize: 1 });
    try {
      return { kind, epoch: await startNewEpoch(db) };
    } finally {
      await db.close();
    }
  }

  const dir = pgliteDir(store.dataDir);
  mkdirSync(store.dataDir, { recursive: true, mode: 0o700 });
  let previousStore: string | undefined;
  if (existsSync(dir)) {
    previousStore = `${dir}.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, previousStore);
  }
  try {
    const loaded = await PGlite.create(`file://${dir}`, { extensions: { btree_gist }, loadDataDir: new Blob([await readFile(fromFile)]) });
    await loaded.close();
    // Opened the normal way: migrations bring a backup from an older version up to date.
    const db = await openPgliteServerDb(dir);
    try {
      return { kind, epoch: await startNewEpoch(db), ...(previousStore ? { previousStore } : {}) };
    } finally {
      await db.close();
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    if (previousStore) renameSync(previousStore, dir);
    throw e;
  }
}
