// Electron main process: lifecycle, window, menu, IPC registration. No behaviour lives here; it
// all comes from the core. Each policy is a small module with its own unit test; this file only
// wires them to the live Electron objects (test/unit/main/index.test.ts, with Electron mocked).
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
import { createCore } from '../core/service';
import type { Core } from '../core/service';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { createQuitCleanup, showOrOpenWindow } from './lifecycle';
import { buildMenuTemplate } from './menu';
import { createChangeNotifier, createKeyFindingNotifier } from './notify';
import type { NotificationLike } from './notify';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../shell/origin';
import { mimeTypeFor, resolveAppRequest } from '../shell/protocol';
import { createQuitGuard } from './quit-guard';
import { isTrustedPageUrl } from './security';
import { failStartup, unsafeLaunchReason } from './startup';
import { mainStrings, pickMainLocale } from './strings';
import type { MainStrings } from './strings';
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
const logFile = path.join(logsDir, 'main.log');

// Windows shows notifications (and groups the taskbar) under the AppUserModelId the installer
// gave the Start menu shortcut: electron-builder.yml's appId, put in at build time.
if (process.platform === 'win32') app.setAppUserModelId(__APP_ID__);

/** The main process's words. app.getLocale() is '' until `ready`, so they are chosen then. */
let strings: MainStrings | null = null;
const words = (): MainStrings => strings ?? mainStrings('en');
const chooseWords = (): MainStrings => (strings = mainStrings(pickMainLocale(app.getLocale())));

/** A start that cannot go on: logged, an error box saying what to do, exit code 1. */
const giveUp = (title: string, content: string, error?: unknown): void =>
  failStartup(
    {
      log,
      showErrorBox: (t, c) => dialog.showErrorBox(t, c),
      exit: (code) => app.exit(code),
    },
    title,
    content,
    error,
  );

let core: Core | null = null;
/** Is any enable/disable still being followed? (Quitting then asks first.) */
const hasChangesInFlight = (): boolean => core?.operations.hasChangesInFlight() ?? false;

/** Set once the main window exists: from then on an uncaught exception is logged, not fatal. */
let windowOpened = false;

// Listening turns off Electron's own error dialog: a failed start is reported by giveUp instead,
// so a throw before the window exists never leaves an invisible process behind.
process.on('uncaughtException', (error) => {
  log.error('uncaught exception', error);
  if (!windowOpened)
    giveUp(words().startupFailedTitle, words().startupFailedDetail(logFile), error);
});
process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));

const unsafe = unsafeLaunchReason({
  argv: process.argv,
  env: process.env,
  packaged: app.isPackaged,
});
if (unsafe) {
  // An installed app with a debugger switch or TLS checks off: no lock, no core, no window.
  log.warn('refused to start', { reason: unsafe });
  void app.whenReady().then(() => {
    const t = chooseWords();
    giveUp(t.unsafeLaunchTitle, t.unsafeLaunchDetail(unsafe));
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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

  let mainWindow: BrowserWindow | null = null;
  /** Opens the main window; set once the app is ready. */
  let openWindow: (() => BrowserWindow) | null = null;

  const quitGuard = createQuitGuard({
    hasChangesInFlight,
    ask: async () => {
      const t = words();
      const options = {
        type: 'warning' as const,
        title: t.quitTitle,
        message: t.quitMessage,
        detail: t.quitDetail,
        buttons: [t.quitAnyway, t.keepOpen],
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

  // A second launch brings our window forward (or, on macOS after it was closed, opens one)
  // instead of starting another app. Electron emits this only after `ready`.
  app.on('second-instance', () => {
    if (openWindow) mainWindow = showOrOpenWindow(mainWindow, openWindow);
  });

  // Quitting: first the guard (a change in flight asks), then the core's cleanup, awaited here
  // because `will-quit` cannot wait for it; the cleanup quits again when done.
  const cleanUpThenQuit = createQuitCleanup({
    dispose: async () => {
      log.info('quitting');
      await core?.dispose();
    },
    quit: () => app.quit(),
    onError: (error) => log.error('cleanup on quit failed', error),
  });
  app.on('before-quit', (event) => {
    if (quitGuard.intercept(event, () => app.quit())) return;
    cleanUpThenQuit(event);
  });

  const startApp = (): void => {
    const t = chooseWords();
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

    const started = createCore({
      dataDir,
      version: app.getVersion(),
      keyGuard: { sweepOnRefresh: true },
    });
    core = started;

    registerIpc({
      ipcMain,
      core: started,
      window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
      isTrustedUrl: (url) => isTrustedPageUrl(url, devServerUrl),
      reportUnexpected: (call, error) => log.error(`[${call}] failed`, error),
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
          strings: t,
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
    openWindow = (): BrowserWindow => {
      const window = createMainWindow({
        outDir,
        devServerUrl,
        devTools: !app.isPackaged,
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
    windowOpened = true;

    // A change that ends while the window is in the background gets a desktop notification, or
    // a notice in the window where the OS will not show one.
    const notifyChangeEnded = createChangeNotifier({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options) as unknown as NotificationLike,
      windowFocused: () => !!mainWindow && !mainWindow.isDestroyed() && mainWindow.isFocused(),
      showInWindow: (level, message) => started.context.notice(level, message),
      strings: words,
      log,
    });
    started.events.on('operation.progress', notifyChangeEnded);
    const notifyKeyCritical = createKeyFindingNotifier({
      isSupported: () => Notification.isSupported(),
      create: (options) => new Notification(options) as unknown as NotificationLike,
      showInWindow: (level, message) => started.context.notice(level, message),
      strings: words,
      log,
    });
    started.events.on('keys.critical', notifyKeyCritical);
    // Changes left unfinished by the last run (a crash, a quit, a closed laptop) continue.
    void started.operations.resume().then(
      (count) => count > 0 && log.info(`resumed following ${count} change(s)`),
      (error: unknown) => log.error('could not resume changes', error),
    );
    // Creations of new clusters left unfinished continue too.
    void started.provision.resume().then(
      (count) => count > 0 && log.info(`resumed following ${count} creation(s)`),
      (error: unknown) => log.error('could not resume creations', error),
    );
    // Batches left applying carry on (their items re-attach to changes already journaled).
    void started.batches
      .resume()
      .catch((error: unknown) => log.error('could not resume batches', error));

    app.on('activate', () => {
      if (openWindow && BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
    });
  };

  // A throw while starting must not leave a windowless process holding the single-instance
  // lock (and, with our error listeners, no Electron dialog either): say so and exit.
  void app
    .whenReady()
    .then(startApp)
    .catch((error: unknown) => {
      const t = strings ?? chooseWords();
      giveUp(t.startupFailedTitle, t.startupFailedDetail(logFile), error);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
