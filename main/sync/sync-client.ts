// The device's replication: pushes the outbox with backoff, pulls every readable table,
// and keeps the state the UI shows (online/offline, pending, last sync, rejections).
import { EventEmitter } from 'node:events';
import type { LocalStore } from '../store/local-store';
import { tableSpecs } from '../../db/schema/registry';
import { backoffDelay } from './backoff';
import { PushError, pendingCount, pushOnce } from './push';
import { REJECTIONS_SHAPE, startPulling } from './pull';

export interface SyncState {
  online: boolean;
  pending: number;
  lastSyncAt: number | null;
  unresolvedRejections: number;
  /** The last problem, in words for the person at the desk; null when all is well. */
  problem: string | null;
  /** The server no longer accepts this device's token. */
  revoked: boolean;
}

export interface SyncClientOptions {
  url: string;
  token: string;
  /** Shapes to pull; default every replicated table and this device's rejections. */
  tables?: string[];
  idlePushIntervalMs?: number;
  now?: () => number;
}

export class SyncClient extends EventEmitter {
  private pushTimer: NodeJS.Timeout | null = null;
  private pushing: Promise<void> | null = null;
  private failures = 0;
  private stopped = true;
  private pull: ReturnType<typeof startPulling> | null = null;
  private readonly upToDate = new Set<string>();
  private readonly tables: string[];
  private state: SyncState;

  constructor(private readonly store: LocalStore, private readonly options: SyncClientOptions) {
    super();
    this.tables = options.tables ?? [...Object.keys(tableSpecs), REJECTIONS_SHAPE];
    this.state = { online: false, pending: 0, lastSyncAt: null, unresolvedRejections: 0, problem: null, revoked: false };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.pull = startPulling(this.store, this.options, this.tables, {
      onBatch: (table) => {
        this.update({ online: true });
        // Which local table the rows went to; none for rejections, which may restore rows of any table.
        this.emit('pulled', table === REJECTIONS_SHAPE ? null : table);
      },
      onUpToDate: (table) => {
        this.upToDate.add(table);
        this.update({ online: true, lastSyncAt: this.now() });
      },
      onError: (_table, error, fatal) => this.update({ online: false, problem: error.message, revoked: fatal || this.state.revoked }),
    });
    this.schedulePush(0);
  }

  /** Call after every local write: pushes promptly instead of at the next idle tick. */
  notifyLocalWrite(): void {
    this.update({});
    if (!this.stopped && this.failures === 0) this.schedulePush(20);
  }

  /** Push until the outbox is empty or the server is unreachable. */
  async pushNow(): Promise<void> {
    if (this.pushing) return this.pushing;
    this.pushing = this.drainOutbox().finally(() => {
      this.pushing = null;
    });
    return this.pushing;
  }

  /** Every pulled table has reached the server's present at least once. */
  isCaughtUp(): boolean {
    return this.tables.every((t) => this.upToDate.has(t));
  }

  /** Counts come from the database each time, so they are right whatever wrote to it. */
  getState(): SyncState {
    return { ...this.state, pending: pendingCount(this.store), unresolvedRejections: this.countRejections() };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pull?.stop();
    await this.pushing?.catch(() => undefined);
  }

  private async drainOutbox(): Promise<void> {
    try {
      for (;;) {
        const outcome = await pushOnce(this.store, this.options, { now: this.now });
        this.failures = 0;
        this.update({ online: true, problem: null, lastSyncAt: this.now() }, outcome.sent > 0 ? 'pushed' : undefined);
        if (outcome.sent === 0) return;
        if (outcome.rejected > 0) this.emit('rejected', outcome.rejected);
      }
    } catch (e) {
      this.failures++;
      const revoked = e instanceof PushError && e.status === 401;
      this.update({ online: false, problem: (e as Error).message, revoked: revoked || this.state.revoked });
      throw e;
    }
  }

  private schedulePush(delayMs: number): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.pushNow().then(
        () => !this.stopped && this.schedulePush(this.options.idlePushIntervalMs ?? 5_000),
        () => !this.stopped && !this.state.revoked && this.schedulePush(backoffDelay(this.failures)),
      );
    }, delayMs);
  }

  private countRejections(): number {
    return (this.store.sqlite.prepare('select count(*) as n from sync_rejections where resolved_at is null').get() as { n: number }).n;
  }

  private update(patch: Partial<SyncState>, event?: string): void {
    this.state = { ...this.state, ...patch };
    this.emit('state', this.getState());
    if (event) this.emit(event);
  }

  private now = () => (this.options.now ?? Date.now)();
}
