// Runs in the sandboxed preload of the desk window: the page gets window.frontdesk with
// invoke and subscribe and nothing else. No ipcRenderer, no IPC event objects (their
// `sender` is ipcRenderer itself), no channel names chosen by the page.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeKey, eventChannel, invokeChannel, type DeskEvent, type FrontdeskBridge } from './bridge';

const listeners = new Set<(event: DeskEvent) => void>();

ipcRenderer.on(eventChannel, (_event, payload: DeskEvent) => {
  for (const listener of [...listeners]) {
    try {
      listener(payload);
    } catch {
      // One broken listener in the page must not starve the others of change notifications.
    }
  }
});

const bridge: FrontdeskBridge = {
  invoke: (name, input) => ipcRenderer.invoke(invokeChannel, String(name), input),
  subscribe(listener) {
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a function.');
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld(bridgeKey, bridge);
