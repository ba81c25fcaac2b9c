// Change notifications for the renderer, whatever the transport: "these tables changed,
// read them again" after local writes and sync pulls, and the sync bar's state.
import { replicatedTableNames } from '../../db/schema/registry';
import type { SyncState } from '../sync/sync-client';

export type ApiEvent =
  | { type: 'changed'; tables: string[] }
  | { type: 'sync'; state: SyncState };

export type ApiEventListener = (event: ApiEvent) => void;

/** What the feed needs from SyncClient. */
export interface SyncEventSource {
  getState(): SyncState;
  on(event: 'state' | 'pulled' | 'rejected', listener: (...args: unknown[]) => void): unknown;
  off(event: 'state' | 'pulled' | 'rejected', listener: (...args: unknown[]) => void): unknown;
}

// A refused change may have restored a row of any table.
const everyTable = [...replicatedTableNames, 'sync_rejections'];

export class ApiEvents {
  private readonly listeners = new Set<ApiEventListener>();
  private lastSyncState: string | null = null;
  private pulledTimer: NodeJS.Timeout | null = null;
  private readonly pulledTables = new Set<string>();

  subscribe(listener: ApiEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ApiEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed stream) must not stop the others.
        this.listeners.delete(listener);
      }
    }
  }

  /** The app passes this to the router as onLocalWrite. */
  localWrite(tables: string[]): void {
    this.publish({ type: 'changed', tables });
  }

  /** Follow a SyncClient; returns the way to stop. */
  follow(sync: SyncEventSource, { coalesceMs = 100 } = {}): () => void {
    const onState = (state: unknown) => {
      // The client reports after every pulled batch; only real changes go to the renderer.
      const key = JSON.stringify(state);
      if (key === this.lastSyncState) return;
      this.lastSyncState = key;
      this.publish({ type: 'sync', state: state as SyncState });
    };
    // A first sync arrives as hundreds of batches: one "read again" per burst is enough,
    // naming the tables the burst brought (a pull that names no table may have touched any).
    const onPulled = (table: unknown) => {
      for (const t of typeof table === 'string' ? [table] : everyTable) this.pulledTables.add(t);
      this.pulledTimer ??= setTimeout(() => {
        this.pulledTimer = null;
        const tables = [...this.pulledTables];
        this.pulledTables.clear();
        this.publish({ type: 'changed', tables });
      }, coalesceMs);
    };
    const onRejected = () => this.publish({ type: 'changed', tables: everyTable });
    sync.on('state', onState);
    sync.on('pulled', onPulled);
    sync.on('rejected', onRejected);
    return () => {
      sync.off('state', onState);
      sync.off('pulled', onPulled);
      sync.off('rejected', onRejected);
      if (this.pulledTimer) clearTimeout(this.pulledTimer);
      this.pulledTimer = null;
      this.pulledTables.clear();
    };
  }
}
