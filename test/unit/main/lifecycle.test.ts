import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitCleanup, showOrOpenWindow } from '../../../electron/main/lifecycle';

const event = () => ({ preventDefault: vi.fn() });
const flush = () => new Promise((resolve) => setImmediate(resolve));

function fakeWindow(minimized = false, destroyed = false) {
  return {
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  };
}

describe('showOrOpenWindow', () => {
  it('restores, shows and focuses the window there is', () => {
    const window = fakeWindow(true);
    const open = vi.fn(() => fakeWindow());
    expect(showOrOpenWindow(window, open)).toBe(window);
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(open).not.toHaveBeenCalled();
  });

  it('opens a window when there is none (macOS after the window was closed)', () => {
    const opened = fakeWindow();
    expect(showOrOpenWindow(null, () => opened)).toBe(opened);
    expect(showOrOpenWindow(fakeWindow(false, true), () => opened)).toBe(opened);
  });
});

describe('createQuitCleanup', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the first quit once, awaits the cleanup, then quits; the second quit passes', async () => {
    let finish: () => void = () => undefined;
    const dispose = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const beforeQuit = createQuitCleanup({ dispose, quit });
    const first = event();
    beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    const impatient = event();
    beforeQuit(impatient); // Ctrl+Q again while cleaning up: held, no second cleanup
    expect(impatient.preventDefault).toHaveBeenCalledOnce();
    await flush();
    expect(dispose).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
    finish();
    await flush();
    expect(quit).toHaveBeenCalledOnce();
    const second = event();
    beforeQuit(second); // the before-quit that quit() triggers
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(dispose).toHaveBeenCalledOnce();
    expect(quit).toHaveBeenCalledOnce();
  });

  it('quits even when the cleanup fails', async () => {
    const onError = vi.fn();
    const quit = vi.fn();
    const beforeQuit = createQuitCleanup({
      dispose: () => Promise.reject(new Error('journal locked')),
      quit,
      onError,
    });
    beforeQuit(event());
    await flush();
    expect(quit).toHaveBeenCalledOnce();
    expect(String(onError.mock.calls[0]![0])).toContain('journal locked');
  });

  it('quits when the cleanup hangs past its time limit', async () => {
    vi.useFakeTimers();
    const quit = vi.fn();
    const onError = vi.fn();
    const beforeQuit = createQuitCleanup({
      dispose: () => new Promise<void>(() => undefined),
      quit,
      onError,
      timeoutMs: 1000,
    });
    beforeQuit(event());
    await vi.advanceTimersByTimeAsync(999);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledOnce();
    expect(String(onError.mock.calls[0]![0])).toMatch(/did not finish within 1000 ms/);
  });
});
