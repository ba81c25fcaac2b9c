// The API over IPC. Unlike the browser host, the page never presents a session id: the main
// process remembers which session each window signed in, so a page (or a frame that slipped
// past the checks) cannot borrow another window's session by guessing or replaying an id.
import type { ApiResult } from '../api/operation';
import type { Router } from '../api/router';
import { lockSessionNow } from './auto-lock';
import type { IpcEventLike } from './ipc-sender';

export interface DeskIpcOptions {
  router: Pick<Router, 'invoke' | 'sessions'>;
  isTrusted: (event: IpcEventLike) => boolean;
  onRefused?: (event: IpcEventLike) => void;
}

export interface DeskIpc {
  /** The ipcMain.handle listener for invokeChannel. */
  invoke(event: IpcEventLike, name: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** A window closed or loaded a new page: its session ends with it, as closing a browser tab does. */
  forget(contentsId: number): void;
  /** Every window's session locks now (OS suspend or lock screen, or the menu's Lock). */
  lockAll(): void;
  lock(contentsId: number): void;
}

const refused: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window is not the Frontdesk desk and may not use its API.' },
};

export function createDeskIpc({ router, isTrusted, onRefused }: DeskIpcOptions): DeskIpc {
  const sessionOf = new Map<number, string>();

  return {
    async invoke(event, name, input) {
      if (!isTrusted(event)) {
        onRefused?.(event);
        return refused;
      }
      const contentsId = event.sender.id;
      // The router answers names that are not strings or not operations; no need to repeat it.
      const result = await router.invoke(name as string, input, sessionOf.get(contentsId) ?? null);
      if (name === 'session.signIn' && result.ok) {
        sessionOf.set(contentsId, (result.value as { sessionId: string }).sessionId);
      } else if (name === 'session.signOut') {
        sessionOf.delete(contentsId);
      }
      return result;
    },
    forget(contentsId) {
      router.sessions.end(sessionOf.get(contentsId));
      sessionOf.delete(contentsId);
    },
    lockAll() {
      for (const sessionId of sessionOf.values()) lockSessionNow(router.sessions, sessionId);
    },
    lock(contentsId) {
      const sessionId = sessionOf.get(contentsId);
      if (sessionId) lockSessionNow(router.sessions, sessionId);
    },
  };
}
