import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../electron/contract/bridge';
import type { BridgeTransport } from '../../../electron/contract/bridge';

function transport(reply: unknown = { ok: true, value: 1 }) {
  const t = {
    invoke: vi.fn(async () => reply),
    on: vi.fn((_channel: string, _listener: (payload: unknown) => void) => () => undefined),
  } satisfies BridgeTransport;
  return t;
}

describe('createBridge', () => {
  it('sends an allowlisted operation on its prefixed channel with exactly one argument', async () => {
    const t = transport({ ok: true, value: { version: '1' } });
    const bridge = createBridge(t);
    await expect(bridge.invoke('app.info', {})).resolves.toEqual({
      ok: true,
      value: { version: '1' },
    });
    expect(t.invoke).toHaveBeenCalledWith('guard:call:app.info', {});
  });

  it('refuses names that are not in the contract without touching the transport', async () => {
    const t = transport();
    const bridge = createBridge(t) as unknown as { invoke: (n: unknown) => Promise<unknown> };
    for (const name of ['accounts.dumpSecrets', '__proto__', 'constructor', 42, null]) {
      await expect(bridge.invoke(name)).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-call' },
      });
    }
    expect(t.invoke).not.toHaveBeenCalled();
  });

  it('turns a malformed reply or a transport failure into an internal error envelope', async () => {
    await expect(createBridge(transport('nonsense')).invoke('app.info')).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const failing = transport();
    failing.invoke.mockRejectedValueOnce(new Error('ipc gone'));
    await expect(createBridge(failing).invoke('app.info')).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'The main process did not answer the request.' },
    });
  });

  it('subscribes only to allowlisted events and passes the payload alone', () => {
    const t = transport();
    const bridge = createBridge(t);
    const listener = vi.fn();
    bridge.on('app.notice', listener);
    expect(t.on).toHaveBeenCalledWith('guard:event:app.notice', expect.any(Function));
    const forward = t.on.mock.calls[0]![1];
    forward({ level: 'info', message: 'x', at: 'now' });
    expect(listener).toHaveBeenCalledWith({ level: 'info', message: 'x', at: 'now' });

    const unsubscribe = (bridge as unknown as { on: (n: string, l: unknown) => () => void }).on(
      'secrets.leak',
      listener,
    );
    expect(typeof unsubscribe).toBe('function');
    expect(t.on).toHaveBeenCalledTimes(1);
  });
});
