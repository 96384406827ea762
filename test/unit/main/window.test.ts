// createMainWindow with Electron mocked: what BrowserWindow really receives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; window: FakeWindow }> = [];

class FakeWindow {
  handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  loaded: string[] = [];
  shown = 0;
  maximized = 0;
  constructor(options: Record<string, unknown>) {
    created.push({ options, window: this });
  }
  once(event: string, listener: () => void) {
    this.on(event, listener);
  }
  on(event: string, listener: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
  }
  emit(event: string) {
    for (const listener of this.handlers.get(event) ?? []) listener();
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {
    this.shown += 1;
  }
  maximize() {
    this.maximized += 1;
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, rememberWindowState } = await import('../../../electron/main/window');

beforeEach(() => {
  created.length = 0;
});

describe('createMainWindow', () => {
  it('gives the window only the secure webPreferences', () => {
    createMainWindow({
      outDir: '/app/out',
      devTools: false,
      state: { width: 1300, height: 850, maximized: false },
    });
    expect(created).toHaveLength(1);
    expect(created[0]!.options.webPreferences).toEqual({
      preload: expect.stringMatching(/[/\\]app[/\\]out[/\\]preload[/\\]index\.cjs$/),
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
      devTools: false,
    });
  });

  it('loads our app:// page (never http) and shows the window only when it is ready', () => {
    createMainWindow({
      outDir: '/o',
      devTools: false,
      state: { width: 1300, height: 850, maximized: false },
    });
    const { window, options } = created[0]!;
    expect(options.show).toBe(false);
    expect(window.loaded).toEqual(['app://guard/index.html']);
    expect(window.shown).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(1);
    expect(window.maximized).toBe(0);
  });

  it('opens where the remembered state says, maximised if it was', () => {
    createMainWindow({
      outDir: '/o',
      devTools: false,
      state: { width: 1400, height: 900, x: 30, y: 40, maximized: true },
    });
    const { window, options } = created[0]!;
    expect(options).toMatchObject({ width: 1400, height: 900, x: 30, y: 40 });
    window.emit('ready-to-show');
    expect(window.maximized).toBe(1);
  });

  it('lets the OS place a window without a remembered position', () => {
    createMainWindow({
      outDir: '/o',
      devTools: false,
      state: { width: 1400, height: 900, maximized: false },
    });
    expect(created[0]!.options).not.toHaveProperty('x');
  });
});

describe('rememberWindowState', () => {
  afterEach(() => vi.useRealTimers());

  function tracked() {
    const handlers = new Map<string, () => void>();
    const window = {
      bounds: { x: 1, y: 2, width: 1000, height: 700 },
      max: false,
      destroyed: false,
      on: (event: string, listener: () => void) => void handlers.set(event, listener),
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized() {
        return this.max;
      },
      isDestroyed() {
        return this.destroyed;
      },
    };
    const saved: unknown[] = [];
    rememberWindowState(window, { save: (s) => saved.push(s) }, 100);
    return { window, handlers, saved };
  }

  it('saves once moves and resizes settle, and again on close', () => {
    vi.useFakeTimers();
    const { window, handlers, saved } = tracked();
    handlers.get('resize')!();
    window.bounds = { x: 5, y: 6, width: 1100, height: 760 };
    handlers.get('move')!();
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(saved).toEqual([{ x: 5, y: 6, width: 1100, height: 760, maximized: false }]);
    window.max = true;
    handlers.get('close')!();
    expect(saved).toHaveLength(2);
    expect(saved[1]).toEqual({ x: 5, y: 6, width: 1100, height: 760, maximized: true });
  });

  it('does not touch a destroyed window', () => {
    const { window, handlers, saved } = tracked();
    window.destroyed = true;
    handlers.get('close')!();
    expect(saved).toEqual([]);
  });
});
