// The Electron main process: the thin part that touches electron. Every decision it applies
// (window options, CSP, navigation, IPC trust, permissions, menu, single instance, auto-lock)
// lives in a module beside it that plain Node can test; this file only wires them in.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, type WebContents } from 'electron';
import { logSyncState, printWelcome, readClinicConfig, startClinic, type Clinic } from '../clinic';
import { appEntryUrl, appScheme, appSchemePrivileges, serveAppRequest } from './app-protocol';
import { lockOnSystemEvents } from './auto-lock';
import { eventChannel, invokeChannel, type DeskEvent, type MenuCommand } from './bridge';
import { withContentSecurityPolicy } from './content-security';
import { createDeskApi } from '../api/desk-api';
import { createDeskIpc, type DeskIpc } from './desk-ipc';
import { isTrustedSender } from './ipc-sender';
import { attachCommands, buildMenuTemplate } from './menu';
import { decideWindowOpen, isNavigationAllowed } from './navigation-guard';
import { isPermissionGranted } from './permissions';
import { claimSingleInstance } from './single-instance';
import { createWindowOptions } from './window-options';

const isDevelopment = !app.isPackaged;
const deskWindows = new Set<BrowserWindow>();
const deskContentsIds = new Set<number>();
let mainWindow: BrowserWindow | null = null;
let clinic: Clinic | null = null;

// Must happen before 'ready': a standard, secure scheme gets a real origin, CSP 'self' and fetch rules.
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }]);

// Applies to every web contents, including any this file did not mean to create.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (details) => {
    if (!isNavigationAllowed(details.url)) details.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isNavigationAllowed(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isNavigationAllowed(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url));
});

function rendererDir(): string {
  // dist/electron/main.cjs -> dist/renderer
  return process.env.FRONTDESK_RENDERER_DIR ?? join(__dirname, '..', 'renderer');
}

function defaultDataRoot(): string {
  // A developer's run shares .data with `npm start` in the browser; an installed app keeps its clinic in the user's profile.
  return isDevelopment ? join(process.cwd(), '.data') : join(app.getPath('userData'), 'clinic');
}

function secureSession(): void {
  const ses = session.defaultSession;
  ses.protocol.handle(appScheme, (request) => {
    const response = serveAppRequest(rendererDir(), request.url);
    return new Response(new Uint8Array(Buffer.from(response.body)), { status: response.status, headers: response.headers });
  });
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
}

function send(contents: WebContents, event: DeskEvent): void {
  if (!contents.isDestroyed()) contents.send(eventChannel, event);
}

function openDeskWindow(ipc: DeskIpc, config: Clinic['config']): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preload: join(__dirname, 'preload.cjs'), role: config.deviceRole, isDevelopment }));
  const contents = window.webContents;
  const contentsId = contents.id;
  deskWindows.add(window);
  deskContentsIds.add(contentsId);
  window.once('ready-to-show', () => window.show());
  // A reload is a new page: like a closed browser tab, it signs the desk out.
  contents.on('did-navigate', () => ipc.forget(contentsId));
  contents.on('render-process-gone', () => ipc.forget(contentsId));
  window.on('closed', () => {
    ipc.forget(contentsId);
    deskContentsIds.delete(contentsId);
    deskWindows.delete(window);
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  return window;
}

async function start(): Promise<void> {
  const config = readClinicConfig(process.env, defaultDataRoot());
  clinic = await startClinic(config);
  printWelcome(clinic);
  logSyncState(clinic);

  const desk = createDeskApi({ store: clinic.store, sync: clinic.sync, sessions: config.sessions });
  const ipc = createDeskIpc({
    router: desk.router,
    isTrusted: (event) => isTrustedSender(event, deskContentsIds),
    onRefused: (event) => console.warn(`Refused an API call from a frame that is not the desk (${event.senderFrame?.url ?? 'a frame that is gone'}).`),
  });
  secureSession();
  ipcMain.handle(invokeChannel, (event, name: unknown, input: unknown) => ipc.invoke(event, name, input));
  desk.events.subscribe((event) => {
    for (const window of deskWindows) send(window.webContents, event);
  });
  lockOnSystemEvents(powerMonitor, () => ipc.lockAll());

  const template = buildMenuTemplate({ platform: process.platform, role: config.deviceRole, isDevelopment });
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(attachCommands(template, (command: MenuCommand) => {
    const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
    if (!window || !deskContentsIds.has(window.webContents.id)) return;
    if (command === 'lock') ipc.lock(window.webContents.id);
    send(window.webContents, { type: 'command', command });
  })) : null);

  mainWindow = openDeskWindow(ipc, config);
  console.log('Frontdesk is open in its window. Closing the window stops it.');
}

let hasStopped = false;
app.on('before-quit', (event) => {
  if (hasStopped || !clinic) return;
  // Stop sync and close the encrypted database before the process goes.
  event.preventDefault();
  const stopping = clinic;
  clinic = null;
  void stopping.stop().catch((e) => console.error('Frontdesk did not stop cleanly:', e)).finally(() => {
    hasStopped = true;
    app.quit();
  });
});
// One window is the whole app, on macOS too: with the window gone, nobody is at this desk.
app.on('window-all-closed', () => app.quit());
// npm start forwards Ctrl+C; quitting (not dying) runs the clean stop above.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

if (claimSingleInstance(app, () => mainWindow)) {
  app.whenReady().then(start).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`Frontdesk could not start: ${message}`);
    dialog.showErrorBox('Frontdesk could not start', message);
    app.exit(1);
  });
}
