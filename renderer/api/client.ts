// The renderer's only way to the desk: the typed API through the Electron preload
// (window.frontdesk) when there is one, otherwise over the browser host. The launch
// token arrives in the URL fragment once and is kept in memory only; the session id the
// sign-in returns is kept in memory too, so closing the tab signs the desk out. (Over IPC
// the main process keeps each window's session; the id kept here is then unused.)
import type { Api } from '../../main/api/router';
import type { ApiErrorBody } from '../../main/api/operation';
import type { ApiEvent as HostEvent } from '../../main/api/events';

export type ApiName = keyof Api;
export type ApiInput<K extends ApiName> = Api[K]['input'];
export type ApiOutput<K extends ApiName> = Api[K]['output'];
export type ApiResult<K extends ApiName> = { ok: true; value: ApiOutput<K> } | { ok: false; error: ApiErrorBody };
/** In the Electron window the application menu also sends its commands (main/electron/bridge.ts). */
export type ApiEvent = HostEvent | { type: 'command'; command: string };
export type { ApiErrorBody };

/** What the Electron preload exposes (main/electron/preload.ts); renderer/ may not import main/electron/. */
interface FrontdeskBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

function takeLaunchToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return null;
  // Out of the address bar, history and any screenshot of it.
  history.replaceState(null, '', location.pathname + location.search);
  return decodeURIComponent(match[1]);
}

declare global {
  interface Window {
    frontdesk?: FrontdeskBridge;
  }
}

const bridge = window.frontdesk;
const launchToken = bridge ? null : takeLaunchToken();
let sessionId: string | null = null;
const lockListeners = new Set<(error: ApiErrorBody) => void>();

export function hasLaunchToken(): boolean {
  return bridge !== undefined || launchToken !== null;
}

export function setSessionId(id: string | null): void {
  sessionId = id;
}

/** Called when any call finds the session locked or gone, so the app can show the lock screen. */
export function onSessionLost(listener: (error: ApiErrorBody) => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

export async function invoke<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  const result = bridge ? await invokeOverIpc(bridge, name, input) : await invokeOverHttp(name, input);
  if (!result.ok && (result.error.code === 'session_locked' || (result.error.code === 'unauthenticated' && sessionId))) {
    for (const listener of [...lockListeners]) listener(result.error);
  }
  return result;
}

async function invokeOverIpc<K extends ApiName>(api: FrontdeskBridge, name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  try {
    return (await api.invoke(name, input ?? {})) as ApiResult<K>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The Frontdesk service in this window is not answering. Restart Frontdesk.' } };
  }
}

async function invokeOverHttp<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<K>> {
  if (!launchToken) {
    return { ok: false, error: { code: 'unauthenticated', message: 'Open Frontdesk from the address it printed when it started; this page has no launch key.' } };
  }
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${launchToken}`,
        ...(sessionId ? { 'x-session': sessionId } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The Frontdesk service on this computer is not answering. Is it still running?' } };
  }
  try {
    return (await response.json()) as ApiResult<K>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The Frontdesk service answered with an error (${response.status}).` } };
  }
}

type EventListener = (event: ApiEvent) => void;
const eventListeners = new Set<EventListener>();
const connectionListeners = new Set<(isConnected: boolean) => void>();
let source: EventSource | null = null;

function ensureEventStream(): void {
  if (source || !launchToken) return;
  source = new EventSource(`api/events?token=${encodeURIComponent(launchToken)}`);
  source.onopen = () => connectionListeners.forEach((l) => l(true));
  // EventSource reconnects by itself (the host sends retry: 2000); say so meanwhile.
  source.onerror = () => connectionListeners.forEach((l) => l(false));
  source.onmessage = (message: MessageEvent<string>) => {
    let event: ApiEvent;
    try {
      event = JSON.parse(message.data) as ApiEvent;
    } catch {
      return;
    }
    for (const listener of [...eventListeners]) listener(event);
  };
}

/** Change notifications and sync state from the desk. */
export function subscribe(listener: EventListener): () => void {
  if (bridge) return bridge.subscribe(listener);
  ensureEventStream();
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

export function onConnectionChange(listener: (isConnected: boolean) => void): () => void {
  ensureEventStream();
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}
