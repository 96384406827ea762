import path from 'node:path';
import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ORIGIN } from './security';

/** The only webPreferences our window ever gets; asserted by unit and _electron tests. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export function createMainWindow(outDir: string, devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show: no white flash
    title: 'ACK Secret Guard',
    backgroundColor: '#1b1d21',
    webPreferences: secureWebPreferences(path.join(outDir, 'preload', 'index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
