// The CLI's side of an online backup of the embedded store: the running server dumps its
// own live PGlite (routes/admin-backup.ts) and the answer is streamed into the backup file.
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { BackupError, backupKindOfBytes, writeBackupFile } from './backup-file';

/** Where the running server listens and its admin token, from <data>/server.json. */
export interface RunningServerAdmin {
  url: string;
  adminToken: string;
}

/** Refuses, before a byte is written, an answer that is not a PGlite dump (a proxy's error page, say). */
function requirePgliteDump(): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!head) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < 2) return done();
      const checked = head;
      head = null;
      if (backupKindOfBytes(checked) !== 'pglite') return done(new BackupError('The sync server did not answer with a PGlite dump; nothing was written.'));
      done(null, checked);
    },
    flush(done) {
      done(head ? new BackupError('The sync server answered with an empty backup; nothing was written.') : null);
    },
  });
}

export async function backupRunningServer(server: RunningServerAdmin, outFile: string): Promise<{ file: string; bytes: number }> {
  const bytes = await writeBackupFile(outFile, async (partial) => {
    const res = await fetch(`${server.url}/v1/admin/backup`, { method: 'POST', headers: { 'x-admin-token': server.adminToken } }).catch((e: Error) => {
      throw new BackupError(`The sync server at ${server.url} stopped answering during the backup (${e.message}); run the backup again.`);
    });
    if (!res.ok || !res.body) {
      const message = ((await res.json().catch(() => null)) as { message?: string } | null)?.message;
      throw new BackupError(`The sync server refused the backup (${res.status})${message ? `: ${message}` : '.'}`);
    }
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), requirePgliteDump(), createWriteStream(partial, { flags: 'r+' }));
  });
  return { file: outFile, bytes };
}
