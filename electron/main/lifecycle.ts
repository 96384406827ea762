// Small lifecycle policies, with Electron passed in so they are unit-tested with fakes.

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a BrowserWindow that bringing it forward needs. */
export interface ShowableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * A second launch (or a click on the dock icon) brings the window forward, and opens one when
 * there is none: on macOS the app keeps running after its window was closed. Returns the window.
 */
export function showOrOpenWindow<W extends ShowableWindow>(current: W | null, open: () => W): W {
  if (!current || current.isDestroyed()) return open();
  if (current.isMinimized()) current.restore();
  current.show();
  current.focus();
  return current;
}

export interface QuitCleanupOptions {
  /** Stops the core (timers, open files); awaited before the app really quits. */
  dispose: () => Promise<void> | void;
  /** app.quit(): called again once the cleanup is done. */
  quit: () => void;
  onError?: (error: unknown) => void;
  /** A cleanup that hangs must not keep the app from quitting. */
  timeoutMs?: number;
}

/**
 * For `before-quit`: the first quit is held (one preventDefault) while the cleanup runs, then
 * quits again; that second `before-quit` (and any after it) passes. A quit pressed again during
 * the cleanup is held without starting another. `will-quit` cannot wait for a promise.
 */
export function createQuitCleanup(options: QuitCleanupOptions): (event: PreventableEvent) => void {
  let state: 'idle' | 'cleaning' | 'done' = 'idle';
  const timeoutMs = options.timeoutMs ?? 5000;
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        options.onError?.(new Error(`cleanup did not finish within ${timeoutMs} ms`));
        resolve();
      }, timeoutMs);
    });
    const cleanup = Promise.resolve()
      .then(() => options.dispose())
      .catch((error: unknown) => options.onError?.(error));
    void Promise.race([cleanup, timedOut]).then(() => {
      clearTimeout(timer);
      state = 'done';
      options.quit();
    });
  };
}
