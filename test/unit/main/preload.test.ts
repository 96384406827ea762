// The preload with Electron mocked (as Headlamp tests its preload): what it exposes, and that the
// Electron event object never reaches a renderer listener.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoke = vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({
  ok: true,
  value: 'v',
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => invoke(channel, payload),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.get(channel)?.delete(listener),
  },
}));

interface Guard {
  invoke(name: string, input?: unknown): Promise<unknown>;
  on(name: string, listener: (...args: unknown[]) => void): () => void;
}

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    listeners.clear();
    invoke.mockClear();
    vi.resetModules();
    await import('../../../electron/preload/index');
  });

  it('exposes exactly one object, window.guard, with invoke and on', () => {
    expect([...exposed.keys()]).toEqual(['guard']);
    expect(Object.keys(exposed.get('guard') as object).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes allowlisted channels only', async () => {
    const guard = exposed.get('guard') as Guard;
    await expect(guard.invoke('app.info', {})).resolves.toEqual({ ok: true, value: 'v' });
    expect(invoke).toHaveBeenCalledWith('guard:call:app.info', {});
    await expect(guard.invoke('shell.openExternal', 'file:///etc/passwd')).resolves.toMatchObject({
      ok: false,
    });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('strips the Electron event before calling a renderer listener, and unsubscribes', () => {
    const guard = exposed.get('guard') as Guard;
    const seen: unknown[][] = [];
    const off = guard.on('app.notice', (...args) => seen.push(args));
    const [registered] = [...listeners.get('guard:event:app.notice')!];
    registered!({ sender: { id: 1 }, senderFrame: {} }, { level: 'info', message: 'm', at: 't' });
    expect(seen).toEqual([[{ level: 'info', message: 'm', at: 't' }]]);
    off();
    expect(listeners.get('guard:event:app.notice')!.size).toBe(0);
    guard.on('not.an.event', () => undefined);
    expect(listeners.has('guard:event:not.an.event')).toBe(false);
  });
});
