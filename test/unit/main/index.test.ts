// electron/main/index.ts, the wiring, with Electron and the core mocked: what happens at start,
// on a failed start, on a second launch, on quit, and when a notification cannot be shown.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { OperationView } from '../../../electron/contract';
import { EventHub } from '../../../electron/core/events';

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const state = {
    ready: false,
    locale: 'zh-CN',
    packaged: false,
    coreThrows: null as Error | null,
    resolveReady: (() => undefined) as () => void,
  };
  class App extends EventEmitter {
    isPackaged = false;
    getLocale = () => (state.ready ? state.locale : '');
    getName = () => 'ACK Secret Guard';
    getVersion = () => '9.9.9';
    getPath = () => '/nowhere';
    setPath = vi.fn();
    requestSingleInstanceLock = vi.fn(() => true);
    quit = vi.fn(() => {
      const event = {
        defaultPrevented: false,
        preventDefault: () => (event.defaultPrevented = true),
      };
      this.emit('before-quit', event);
      if (!event.defaultPrevented) this.emit('will-quit', { preventDefault: () => undefined });
    });
    exit = vi.fn();
    setAppUserModelId = vi.fn();
    whenReady = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          state.resolveReady = () => {
            state.ready = true;
            resolve();
          };
        }),
    );
  }
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    destroyed = false;
    focused = false;
    minimized = false;
    webContents = { id: 1, isDestroyed: () => false, send: vi.fn() };
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => this.destroyed;
    isMinimized = () => this.minimized;
    isFocused = () => this.focused;
    isMaximized = () => false;
    restore = vi.fn(() => (this.minimized = false));
    show = vi.fn();
    focus = vi.fn();
    maximize = vi.fn();
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    close() {
      this.emit('close', { preventDefault: () => undefined });
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const notifications: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
    show = vi.fn();
  }
  return {
    state,
    windows,
    notifications,
    App,
    FakeWindow,
    FakeNotification,
    electron: {} as Record<string, unknown>,
  };
});

vi.mock('electron', () => fake.electron);
vi.mock('../../../electron/main/ipc', () => ({ registerIpc: vi.fn() }));
vi.mock('../../../electron/core/service', () => ({
  createCore: vi.fn(() => {
    if (fake.state.coreThrows) throw fake.state.coreThrows;
    return core;
  }),
}));

// The real hub (plain, no Electron): main subscribes with on() and subscribe() alike.
const core = {
  events: new EventHub(),
  context: {
    notice: (level: 'info' | 'warning' | 'error', message: string) =>
      core.events.emit('app.notice', { level, message, at: new Date().toISOString() }),
  },
  operations: { hasChangesInFlight: () => false, resume: vi.fn(async () => 0) },
  batches: { resume: vi.fn(async () => undefined) },
  provision: { resume: vi.fn(async () => 0) },
  dispose: vi.fn(async (): Promise<void> => undefined),
};

let app: InstanceType<typeof fake.App>;
let dataDir: string;
let processListeners: { uncaught: unknown[]; rejection: unknown[] };
const realPlatform = process.platform;
const realArgv = process.argv;

function freshElectron() {
  app = new fake.App();
  app.isPackaged = fake.state.packaged;
  Object.assign(fake.electron, {
    app,
    BrowserWindow: fake.FakeWindow,
    Notification: fake.FakeNotification,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 1 })) },
    ipcMain: {},
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    shell: { openExternal: vi.fn(), openPath: vi.fn(async () => '') },
  });
}

const electron = () =>
  fake.electron as {
    dialog: { showErrorBox: ReturnType<typeof vi.fn> };
    Menu: { buildFromTemplate: ReturnType<typeof vi.fn> };
  };
const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

async function start(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main/index');
}
async function ready(): Promise<void> {
  fake.state.resolveReady();
  await flush();
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-main-'));
  process.env.ACK_SG_DATA_DIR = dataDir;
  fake.state.ready = false;
  fake.state.locale = 'zh-CN';
  fake.state.packaged = false;
  fake.state.coreThrows = null;
  fake.windows.length = 0;
  fake.notifications.length = 0;
  core.events = new EventHub();
  core.dispose.mockClear();
  freshElectron();
  processListeners = {
    uncaught: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
  };
});

afterEach(() => {
  // index.ts adds process-wide listeners: take them off again, or they outlive the test.
  for (const l of process.listeners('uncaughtException'))
    if (!processListeners.uncaught.includes(l)) process.off('uncaughtException', l);
  for (const l of process.listeners('unhandledRejection'))
    if (!processListeners.rejection.includes(l)) process.off('unhandledRejection', l);
  Object.defineProperty(process, 'platform', { value: realPlatform });
  process.argv = realArgv;
  delete process.env.ACK_SG_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('main process start', () => {
  it('builds the menu in the OS language, which is known only once the app is ready', async () => {
    await start();
    await ready();
    const template = JSON.stringify(electron().Menu.buildFromTemplate.mock.calls[0]![0]);
    expect(template).toContain('文件(&F)');
    expect(fake.windows).toHaveLength(1);
  });

  it('a throw in the ready block: logged, an error box naming the log file, exit(1)', async () => {
    fake.state.coreThrows = new Error('keychain unavailable');
    await start();
    await ready();
    expect(app.exit).toHaveBeenCalledWith(1);
    const [title, content] = electron().dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('ACK Secret Guard 无法启动');
    expect(content).toContain(path.join(dataDir, 'logs', 'main.log'));
    expect(readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toContain(
      'keychain unavailable',
    );
    expect(fake.windows).toHaveLength(0);
  });

  it('an uncaught exception before the window exists also ends in exit(1), not a stuck process', async () => {
    await start();
    const ours = process
      .listeners('uncaughtException')
      .filter((l) => !processListeners.uncaught.includes(l));
    expect(ours).toHaveLength(1);
    ours[0]!(new Error('late module init failed'), 'uncaughtException');
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(electron().dialog.showErrorBox.mock.calls[0]![1]).toContain('main.log');
  });

  it('once the window is up, an uncaught exception is logged and the app goes on', async () => {
    await start();
    await ready();
    const ours = process
      .listeners('uncaughtException')
      .filter((l) => !processListeners.uncaught.includes(l));
    ours[0]!(new Error('a stray callback'), 'uncaughtException');
    expect(app.exit).not.toHaveBeenCalled();
    expect(readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8')).toContain(
      'a stray callback',
    );
  });

  it('on Windows, sets the AppUserModelId to electron-builder.yml appId before ready', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    await start();
    const { appId } = parse(readFileSync('electron-builder.yml', 'utf8')) as { appId: string };
    expect(app.setAppUserModelId).toHaveBeenCalledWith(appId);
  });

  it('elsewhere, leaves the AppUserModelId alone', async () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    await start();
    expect(app.setAppUserModelId).not.toHaveBeenCalled();
  });

  it('an installed app started with a debugging switch: no lock, no window, an error, exit(1)', async () => {
    fake.state.packaged = true;
    freshElectron();
    process.argv = ['/opt/ack/ack-secret-guard', '--remote-debugging-port=9222'];
    await start();
    await ready();
    expect(app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(app.exit).toHaveBeenCalledWith(1);
    const [, content] = electron().dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(content).toContain('--remote-debugging-port');
  });

  it('a packaged window has no developer tools; a development one has', async () => {
    await start();
    await ready();
    expect((fake.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
    fake.state.packaged = true;
    freshElectron();
    fake.windows.length = 0;
    process.argv = ['/opt/ack/ack-secret-guard'];
    await start();
    await ready();
    expect((fake.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });
});

describe('main process lifecycle', () => {
  it('a second launch with no window left (macOS) opens one; with a window, focuses it', async () => {
    await start();
    await ready();
    fake.windows[0]!.close();
    expect(fake.FakeWindow.getAllWindows()).toHaveLength(0);
    app.emit('second-instance', {}, [], '/');
    expect(fake.FakeWindow.getAllWindows()).toHaveLength(1);
    const window = fake.FakeWindow.getAllWindows()[0]!;
    window.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalled();
    expect(fake.FakeWindow.getAllWindows()).toHaveLength(1);
  });

  it('quitting awaits the core cleanup in before-quit, then quits once more', async () => {
    await start();
    await ready();
    let finish: () => void = () => undefined;
    core.dispose.mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
    const willQuit = vi.fn();
    app.on('will-quit', willQuit);
    app.quit();
    await flush();
    expect(core.dispose).toHaveBeenCalledOnce();
    expect(willQuit).not.toHaveBeenCalled();
    finish();
    await flush();
    expect(app.quit).toHaveBeenCalledTimes(2);
    expect(willQuit).toHaveBeenCalledOnce();
    expect(core.dispose).toHaveBeenCalledOnce();
  });

  it('a change ending in the background whose notification fails shows in the window', async () => {
    await start();
    await ready();
    const notices: unknown[] = [];
    core.events.subscribe((name, payload) => name === 'app.notice' && notices.push(payload));
    core.events.emit('operation.progress', {
      phase: 'ended',
      outcome: 'succeeded',
      action: 'enable',
      clusterName: 'edge\u202e-1',
      accountName: 'prod',
    } as OperationView); // only what the notifier reads
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.options.body).not.toContain('\u202e');
    fake.notifications[0]!.emit('failed', {}, 'Notifications are not allowed');
    expect(notices).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringContaining('edge -1') }),
    ]);
  });
});
