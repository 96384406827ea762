import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '../shell/origin';
import { MIN_HEIGHT, MIN_WIDTH } from './window-state';
import type { WindowState, WindowStateStore } from './window-state';

export interface MainWindowOptions {
  outDir: string;
  devServerUrl?: string | undefined;
  /** Where to open, already fitted to the current screens. */
  state: WindowState;
  icon?: string | undefined;
  /** Developer tools: `!app.isPackaged`, never in an installed app. */
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options;
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false, // shown on ready-to-show: no white flash
    title: 'ACK Secret Guard',
    backgroundColor: '#1b1d21',
    ...(options.icon ? { icon: options.icon } : {}),
    // Written out literally (not built by a helper) so that Electronegativity, which reads the
    // bundled source, sees the real values; test/unit/main/window.test.ts and the _electron
    // tests assert them, and scripts/lint-security.js checks them in out/ as well.
    webPreferences: {
      preload: path.join(options.outDir, 'preload', 'index.cjs'),
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
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** The part of BrowserWindow that state tracking needs (a fake in tests). */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/**
 * Saves the window's normal (un-maximised) bounds and maximised flag: after moves and resizes
 * settle, and once more when the window closes. Returns a function that saves at once.
 */
export function rememberWindowState(
  window: TrackedWindow,
  store: Pick<WindowStateStore, 'save'>,
  debounceMs = 500,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    store.save({ ...bounds, maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', saveNow);
  return saveNow;
}
