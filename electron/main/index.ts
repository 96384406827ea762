// Electron main process: lifecycle, window, IPC registration. No behaviour lives here; it all
// comes from the core.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
import { createCore } from '../core/service';
import { resolveDataDir } from '../core/paths';
import { registerIpc } from './ipc';
import { mimeTypeFor, resolveAppRequest } from './protocol';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isTrustedPageUrl,
} from './security';
import { createMainWindow } from './window';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
// out/main/index.js -> out/
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// Every webContents: no navigation, no new windows; allowlisted https links go to the browser.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    // Deny every permission (camera, notifications via web API, geolocation, ...).
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    );
    session.defaultSession.setPermissionCheckHandler(() => false);

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

    const core = createCore({
      // ACK_SG_DATA_DIR (tests, portable use) wins over Electron's userData, as in the CLI.
      dataDir: process.env.ACK_SG_DATA_DIR ? resolveDataDir() : app.getPath('userData'),
      version: app.getVersion(),
    });

    registerIpc({
      ipcMain,
      core,
      window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
      isTrustedUrl: (url) => isTrustedPageUrl(url, devServerUrl),
      reportUnexpected: (operation, error) => console.error(`[${operation}]`, error),
    });

    mainWindow = createMainWindow(outDir, devServerUrl);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) {
        mainWindow = createMainWindow(outDir, devServerUrl);
      }
    });

    app.on('will-quit', () => void core.dispose());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
