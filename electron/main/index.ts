// Electron main process: lifecycle, window, menu, IPC registration. No behaviour lives here; it
// all comes from the core. Each policy is a small module with its own unit test; this file only
// wires them to the live Electron objects.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { createFileLogger } from '../core/log/file-log';
import { resolveDataDir } from '../core/paths';
import type { OperationView } from '../contract';
import { createCore } from '../core/service';
import type { Core } from '../core/service';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { mimeTypeFor, resolveAppRequest } from './protocol';
import { createQuitGuard } from './quit-guard';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isTrustedPageUrl } from './security';
import { mainStrings, pickMainLocale } from './strings';
import { createMainWindow, rememberWindowState } from './window';
import { fitToWorkAreas, openWindowStateStore } from './window-state';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
// out/main/index.js -> out/
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// ACK_SG_DATA_DIR (tests, portable use) wins over Electron's userData, as in the CLI.
const dataDir = process.env.ACK_SG_DATA_DIR ? resolveDataDir() : app.getPath('userData');
// With an explicit data folder the whole Electron profile moves there too: the single-instance
// lock, Chromium's storage and the window state then belong to that folder alone (tests run
// side by side with a user's own app, and portable use stays self-contained).
if (process.env.ACK_SG_DATA_DIR) app.setPath('userData', dataDir);
const logsDir = path.join(dataDir, 'logs');
const log = createFileLogger({
  dir: logsDir,
  name: 'main',
  echo: app.isPackaged ? undefined : (line) => console.error(line),
});

let core: Core | null = null;
/** Is any enable/disable still being followed? (Quitting then asks first.) */
const hasChangesInFlight = (): boolean => core?.operations.hasChangesInFlight() ?? false;

process.on('uncaughtException', (error) => log.error('uncaught exception', error));
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Every webContents: no navigation, no new windows; allowlisted https links go to the browser.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(
    contents,
    (url) => shell.openExternal(url),
    (what, url) => log.warn(`blocked ${what}`, { url }),
  );
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const strings = mainStrings(pickMainLocale(app.getLocale()));

  const quitGuard = createQuitGuard({
    hasChangesInFlight,
    ask: async () => {
      const options = {
        type: 'warning' as const,
        title: strings.quitTitle,
        message: strings.quitMessage,
        detail: strings.quitDetail,
        buttons: [strings.quitAnyway, strings.keepOpen],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
      const { response } = parent
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options);
      return response === 0;
    },
  });

  // A second launch focuses the window we already have instead of starting another app.
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('before-quit', (event) => quitGuard.intercept(event, () => app.quit()));

  void app.whenReady().then(() => {
    log.info(`starting ${app.getName()} ${app.getVersion()}`, {
      platform: process.platform,
      arch: process.arch,
      electron: process.versions.electron,
    });
    hardenSession(session.defaultSession, devServerUrl);

    const rendererDir = path.join(outDir, 'renderer');
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppRequest(rendererDir, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      try {
        const body = await readFile(file);
        return new Response(body, {
          headers: {
            'content-type': mimeTypeFor(file),
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
          },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    const started = createCore({ dataDir, version: app.getVersion() });
    core = started;

    registerIpc({
      ipcMain,
      core: started,
      window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
      isTrustedUrl: (url) => isTrustedPageUrl(url, devServerUrl),
      reportUnexpected: (operation, error) => log.error(`[${operation}] failed`, error),
    });

    const openFolder = (folder: string): void => {
      mkdirSync(folder, { recursive: true });
      void shell.openPath(folder).then((problem) => {
        if (problem) log.warn('could not open a folder', { folder, problem });
      });
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          strings,
          platform: process.platform,
          development: !app.isPackaged,
          actions: {
            refreshFleet: () => started.events.emit('app.command', { command: 'fleet.refresh' }),
            openDataFolder: () => openFolder(dataDir),
            openLogs: () => openFolder(logsDir),
          },
        }),
      ),
    );

    const stateStore = openWindowStateStore(dataDir, {
      onProblem: (message, details) => log.warn(message, details),
    });
    const openWindow = (): BrowserWindow => {
      const window = createMainWindow({
        outDir,
        devServerUrl,
        state: fitToWorkAreas(
          stateStore.current(),
          screen.getAllDisplays().map((display) => display.workArea),
        ),
      });
      rememberWindowState(window, stateStore);
      // On Windows and Linux closing the window quits the app: ask first if a change runs.
      window.on('close', (event) => {
        if (process.platform !== 'darwin') quitGuard.intercept(event, () => app.quit());
      });
      window.on('closed', () => {
        if (mainWindow === window) mainWindow = null;
      });
      return window;
    };
    mainWindow = openWindow();

    // A change that ends while the window is in the background gets a desktop notification.
    started.events.subscribe((name, payload) => {
      if (name !== 'operation.progress') return;
      const view = payload as OperationView;
      if (view.phase !== 'ended' || !Notification.isSupported()) return;
      if (mainWindow && !mainWindow.isDestroyed() && mainWindow.isFocused()) return;
      new Notification({
        title: strings.changeEndedTitle(view.outcome ?? 'unknown'),
        body: strings.changeEndedBody(view.action, view.clusterName, view.accountName),
      }).show();
    });
    // Changes left unfinished by the last run (a crash, a quit, a closed laptop) continue.
    void started.operations.resume().then(
      (count) => count > 0 && log.info(`resumed following ${count} change(s)`),
      (error: unknown) => log.error('could not resume changes', error),
    );
    // Batches left applying carry on (their items re-attach to changes already journaled).
    void started.batches
      .resume()
      .catch((error: unknown) => log.error('could not resume batches', error));

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
    });

    app.on('will-quit', () => {
      log.info('quitting');
      void started.dispose();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
