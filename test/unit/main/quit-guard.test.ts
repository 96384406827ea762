import { describe, expect, it, vi } from 'vitest';
import { createQuitGuard } from '../../../electron/main/quit-guard';

const event = () => ({ preventDefault: vi.fn() });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quit guard', () => {
  it('lets the app quit without asking when nothing is in flight (the default)', () => {
    const ask = vi.fn(async () => true);
    const guard = createQuitGuard({ ask });
    const e = event();
    const proceed = vi.fn();
    guard.intercept(e, proceed);
    expect(e.preventDefault).not.toHaveBeenCalled();
    expect(ask).not.toHaveBeenCalled();
  });

  it('holds the quit and asks while a change is in flight; "keep open" keeps it open', async () => {
    const guard = createQuitGuard({ hasChangesInFlight: () => true, ask: async () => false });
    const e = event();
    const proceed = vi.fn();
    guard.intercept(e, proceed);
    expect(e.preventDefault).toHaveBeenCalledOnce();
    await flush();
    expect(proceed).not.toHaveBeenCalled();
  });

  it('quits after "quit anyway", and does not ask again for the same quit', async () => {
    const ask = vi.fn(async () => true);
    const guard = createQuitGuard({ hasChangesInFlight: () => true, ask });
    const proceed = vi.fn();
    guard.intercept(event(), proceed);
    await flush();
    expect(proceed).toHaveBeenCalledOnce();
    const again = event();
    guard.intercept(again, proceed); // the before-quit that proceed() triggers
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(ask).toHaveBeenCalledOnce();
  });

  it('shows one dialog even when quit is pressed twice', async () => {
    let answer: (quit: boolean) => void = () => undefined;
    const ask = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const guard = createQuitGuard({ hasChangesInFlight: () => true, ask });
    const second = event();
    guard.intercept(event(), vi.fn());
    guard.intercept(second, vi.fn());
    expect(second.preventDefault).toHaveBeenCalled();
    expect(ask).toHaveBeenCalledOnce();
    answer(false);
    await flush();
  });

  it('asks when the in-flight check itself fails', () => {
    const ask = vi.fn(async () => false);
    const guard = createQuitGuard({
      hasChangesInFlight: () => {
        throw new Error('journal unreadable');
      },
      ask,
    });
    const e = event();
    guard.intercept(e, vi.fn());
    expect(e.preventDefault).toHaveBeenCalled();
    expect(ask).toHaveBeenCalledOnce();
  });

  it('says whether it held the event, so the quit cleanup stays out of a held quit', async () => {
    let busy = true;
    const guard = createQuitGuard({ hasChangesInFlight: () => busy, ask: async () => true });
    expect(guard.intercept(event(), vi.fn())).toBe(true);
    await flush();
    expect(guard.intercept(event(), vi.fn())).toBe(false); // confirmed: passes
    busy = false;
    expect(
      createQuitGuard({ hasChangesInFlight: () => busy, ask: vi.fn() }).intercept(event(), vi.fn()),
    ).toBe(false);
  });
});
