// The demo clinic with real argon2id PIN hashes, for the device store and the sync server
// alike. Node-only (argon2 is native), hence the .node.ts suffix: db/'s purity rules and
// tsconfig.db.json leave it out.
import { argon2id, hash } from 'argon2';
import { generateDemoClinic, type DemoClinic } from './generate';

/** argon2id with the library's defaults (64 MiB, t = 3, p = 4: RFC 9106's second recommended setting). */
export function hashDemoSecret(secret: string): Promise<string> {
  return hash(secret, { type: argon2id });
}

export interface CreateDemoClinicOptions {
  /** The clinic's "today", 'YYYY-MM-DD'. */
  anchorDate: string;
  seed?: number;
  patients?: number;
}

/** The demo clinic with staff_users.secret_hash holding real argon2id hashes of the PINs. */
export async function createDemoClinic(options: CreateDemoClinicOptions): Promise<DemoClinic> {
  // The generator is synchronous and argon2 is not: let it write a unique placeholder per
  // PIN, then swap each placeholder for the hash of the PIN it stands for.
  const secretOf = new Map<string, string>();
  const clinic = generateDemoClinic({
    ...options,
    hashSecret: (secret) => {
      const placeholder = `pending-hash:${secretOf.size}`;
      secretOf.set(placeholder, secret);
      return placeholder;
    },
  });
  const hashOf = new Map(await Promise.all(
    [...secretOf].map(async ([placeholder, secret]) => [placeholder, await hashDemoSecret(secret)] as const),
  ));
  for (const row of clinic.tables.staff_users ?? []) {
    const hashed = hashOf.get(row.secret_hash as string);
    if (hashed === undefined) throw new Error(`Staff user ${String(row.id)} has no PIN hash.`);
    row.secret_hash = hashed;
  }
  return clinic;
}
