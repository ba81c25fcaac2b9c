// Where the database key lives. keytar (the OS keychain) by default; a 0600 file for
// unattended kiosks and tests: weaker, since anyone who can read the file has the key.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export const KEY_BYTES = 32;

export interface KeyStore {
  readonly description: string;
  /** The stored key, or null when this store holds none (or, for keytar, is locked). */
  load(): Promise<Buffer | null>;
  save(key: Buffer): Promise<void>;
}

export function newDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export class FileKeyStore implements KeyStore {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `key file ${path}`;
  }

  async load(): Promise<Buffer | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return decodeKey(text.trim(), this.description);
  }

  async save(key: Buffer): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await writeFile(this.path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    await chmod(this.path, 0o600);
  }
}

/** Minimal surface of keytar, so tests can pass the real module loaded in a D-Bus session. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
}

export class KeytarKeyStore implements KeyStore {
  readonly description = 'OS keychain';

  constructor(
    private readonly keytar: KeytarLike,
    private readonly account: string,
    private readonly service = 'Frontdesk database key',
  ) {}

  async load(): Promise<Buffer | null> {
    const stored = await this.keytar.getPassword(this.service, this.account);
    return stored === null ? null : decodeKey(stored, this.description);
  }

  async save(key: Buffer): Promise<void> {
    await this.keytar.setPassword(this.service, this.account, key.toString('hex'));
  }
}

export async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

function decodeKey(hex: string, where: string): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`The ${where} holds something that is not a ${KEY_BYTES}-byte key.`);
  return Buffer.from(hex, 'hex');
}
