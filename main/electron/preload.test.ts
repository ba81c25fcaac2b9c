// The preload as it ships: bundled by the real build options, then run in a node:vm context.
// The `electron` module below is a hand-written stand-in for contextBridge and ipcRenderer,
// because the Electron binary cannot run on this machine; what is tested is the bundle's
// own behaviour: what it exposes to the page and which channels it uses.
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bridgeKey, eventChannel, invokeChannel } from './bridge';
import { mainBuildOptions, preloadBuildOptions } from './build-options';

const root = new URL('../..', import.meta.url).pathname;

async function bundle(options: ReturnType<typeof preloadBuildOptions>): Promise<string> {
  const result = await build({ ...options, write: false });
  const output = result.outputFiles?.[0];
  if (!output) throw new Error('esbuild produced no output.');
  return output.text;
}

interface StandIn {
  exposed: Map<string, unknown>;
  invoked: unknown[][];
  handlers: Map<string, ((...args: unknown[]) => void)[]>;
  required: string[];
}

function loadPreload(code: string): StandIn {
  const standIn: StandIn = { exposed: new Map(), invoked: [], handlers: new Map(), required: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => standIn.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        standIn.invoked.push(args);
        return { ok: true, value: 'answered' };
      },
      on: (channel: string, handler: (...args: unknown[]) => void) => {
        standIn.handlers.set(channel, [...(standIn.handlers.get(channel) ?? []), handler]);
      },
    },
  };
  const module = { exports: {} };
  // A sandboxed preload's require knows 'electron' and little else; anything more is a bundling mistake.
  const require = (name: string) => {
    standIn.required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`The sandboxed preload cannot require "${name}".`);
  };
  runInContext(code, createContext({ module, exports: module.exports, require }));
  return standIn;
}

function exposedApi(standIn: StandIn) {
  const api = standIn.exposed.get(bridgeKey) as { invoke: (name: string, input: unknown) => Promise<unknown>; subscribe: (listener: (e: unknown) => void) => () => void };
  if (!api) throw new Error('Nothing exposed as window.frontdesk.');
  return api;
}

function emit(standIn: StandIn, payload: unknown) {
  const ipcEvent = { sender: 'ipcRenderer itself' };
  for (const handler of standIn.handlers.get(eventChannel) ?? []) handler(ipcEvent, payload);
}

describe('the preload bundle', () => {
  it('is CommonJS that requires only electron, so it loads in a sandboxed renderer', async () => {
    const code = await bundle(preloadBuildOptions(root));
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toContain('import.meta');
    expect(loadPreload(code).required).toEqual(['electron']);
  });

  it('exposes exactly invoke and subscribe as window.frontdesk, and nothing else', async () => {
    const standIn = loadPreload(await bundle(preloadBuildOptions(root)));
    expect([...standIn.exposed.keys()]).toEqual(['frontdesk']);
    const api = exposedApi(standIn);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.subscribe).toBe('function');
  });

  it('sends invoke over the invoke channel with the name and input only', async () => {
    const standIn = loadPreload(await bundle(preloadBuildOptions(root)));
    const answer = await exposedApi(standIn).invoke('sync.state', { a: 1 });
    expect(answer).toEqual({ ok: true, value: 'answered' });
    expect(standIn.invoked).toEqual([[invokeChannel, 'sync.state', { a: 1 }]]);
    expect(invokeChannel).toBe('frontdesk:invoke');
  });

  it('listens on the event channel only, and hands listeners the payload without the IPC event', async () => {
    const standIn = loadPreload(await bundle(preloadBuildOptions(root)));
    expect([...standIn.handlers.keys()]).toEqual(['frontdesk:event']);
    const received: unknown[][] = [];
    exposedApi(standIn).subscribe((...args: unknown[]) => received.push(args));
    emit(standIn, { type: 'changed', tables: ['appointments'] });
    expect(received).toEqual([[{ type: 'changed', tables: ['appointments'] }]]);
  });

  it('stops delivering after unsubscribe, and one throwing listener does not starve the others', async () => {
    const standIn = loadPreload(await bundle(preloadBuildOptions(root)));
    const api = exposedApi(standIn);
    const seen: string[] = [];
    api.subscribe(() => {
      throw new Error('a broken component');
    });
    const stop = api.subscribe(() => seen.push('second'));
    emit(standIn, { type: 'changed', tables: [] });
    stop();
    emit(standIn, { type: 'changed', tables: [] });
    expect(seen).toEqual(['second']);
    // The error comes from the vm's realm, so compare by message rather than by class.
    expect(() => api.subscribe('not a function' as never)).toThrow('subscribe needs a function');
  });
});

describe('the main-process bundle', () => {
  it('is CommonJS with electron left to the runtime and import.meta.url defined from the file', async () => {
    const code = await bundle(mainBuildOptions(root));
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toContain('import.meta');
    expect(code).toContain('pathToFileURL(__filename)');
  });
});
