// The router and change feed for the Electron window: the same wiring as the browser host
// (main/host/host.ts), with IPC in place of HTTP and SSE.
import { ApiEvents, type SyncEventSource } from '../api/events';
import type { ApiLogger } from '../api/operation';
import { createRouter, type Router } from '../api/router';
import type { SessionOptions } from '../api/session-manager';
import type { LocalStore } from '../store/local-store';
import type { SyncState } from '../sync/sync-client';

export interface DeskApiOptions {
  store: LocalStore;
  sync?: SyncEventSource & { notifyLocalWrite(): void; getState(): SyncState };
  sessions?: SessionOptions;
  logger?: ApiLogger;
  now?: () => number;
}

export interface DeskApi {
  router: Router;
  events: ApiEvents;
  close(): void;
}

export function createDeskApi(options: DeskApiOptions): DeskApi {
  const { store, sync } = options;
  const events = new ApiEvents();
  const router = createRouter({
    store,
    sync,
    now: options.now,
    logger: options.logger ?? console,
    sessions: options.sessions,
    onLocalWrite: (tables) => {
      events.localWrite(tables);
      sync?.notifyLocalWrite();
    },
  });
  const unfollow = sync ? events.follow(sync) : () => undefined;
  return { router, events, close: unfollow };
}
