// One small SQL interface over the two server stores, so the merge, claims and shapes code
// is written once: PGlite (embedded, default) and PostgreSQL (DATABASE_URL).

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export type Durability =
  /** PostgreSQL with fsync: an acknowledged change survives a crash, an OS crash and a power cut. */
  | 'durable'
  /** PGlite on Node: commits reach the OS before the answer, so they survive the server
   *  being killed, but PGlite's Node filesystem never calls fsync, so an OS crash or a
   *  power cut can lose the last seconds. */
  | 'process-crash-safe'
  /** In memory: tests only. */
  | 'volatile';

export interface ServerDb extends Sql {
  readonly kind: 'pglite' | 'postgres';
  readonly durability: Durability;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Calls back with the org id whenever any instance publishes new sequence numbers: a
   * NOTIFY on PUBLISH_CHANNEL, from notifyPublished or sent inside a transaction (delivered
   * when it commits).
   */
  onPublished(listener: (orgId: string) => void): void;
  notifyPublished(orgId: string): Promise<void>;
  /**
   * Embedded PGlite only: a consistent gzipped tar of the live data folder, taken without
   * stopping the server (open-pglite.ts). PostgreSQL is backed up by pg_dump instead.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export const PUBLISH_CHANNEL = 'frontdesk_published';
