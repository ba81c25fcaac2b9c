// The router and its change feed, wired once for both transports: the Electron window (IPC)
// and the browser host (HTTP and SSE). Local writes go out as change events and nudge sync;
// the sync client's state and pulls go out as events too.
import { ApiEvents, type SyncEventSource } from './events';
import { KIOSK_LAN_TABLE, kioskStateFor } from './kiosk-state';
import type { ApiLogger } from './operation';
import { createRouter, type Router } from './router';
import type { SessionOptions } from './session-manager';
import type { LocalStore } from '../store/local-store';
import type { SyncState } from '../sync/sync-client';

export interface DeskApiOptions {
  store: LocalStore;
  sync?: SyncEventSource & { notifyLocalWrite(): void; getState(): SyncState };
  sessions?: SessionOptions;
  logger?: ApiLogger;
  now?: () => number;
  /** The clinic's zone where the API needs one and the caller gives none. */
  timeZone?: string;
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
    timeZone: options.timeZone,
    onLocalWrite: (tables) => {
      events.localWrite(tables);
      sync?.notifyLocalWrite();
    },
  });
  const unfollow = sync ? events.follow(sync) : () => undefined;
  // The kiosk listener starts, stops and fails on its own time, after the call that asked for it.
  const kiosk = kioskStateFor(store).events;
  const onLanStatus = () => events.publish({ type: 'changed', tables: [KIOSK_LAN_TABLE] });
  kiosk.on('lanStatusChanged', onLanStatus);
  return {
    router,
    events,
    close: () => {
      unfollow();
      kiosk.off('lanStatusChanged', onLanStatus);
    },
  };
}
