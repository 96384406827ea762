import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../electron/contract';
import type { CoreApi } from '../../../electron/contract';
import { EventHub } from '../../../electron/core/events';
import { registerIpc } from '../../../electron/main/ipc';
import type { InvokeEventLike, IpcMainLike, WebContentsLike } from '../../../electron/main/ipc';

const OUR_PAGE = 'app://guard/index.html';

function setup() {
  const handlers = new Map<
    string,
    (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>
  >();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const window: WebContentsLike & { sent: unknown[][] } = {
    id: 7,
    sent: [],
    isDestroyed: () => false,
    send(channel, payload) {
      this.sent.push([channel, payload]);
    },
  };
  const api = {
    'app.info': vi.fn(async () => ({ version: '1' })),
  } as unknown as CoreApi;
  const events = new EventHub();
  const unregister = registerIpc({
    ipcMain,
    core: { api, events },
    window: () => window,
    isTrustedUrl: (url) => url === OUR_PAGE,
  });
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { handlers, window, api, events, unregister, invoke };
}

const trusted: InvokeEventLike = { sender: { id: 7 }, senderFrame: { url: OUR_PAGE } };

describe('registerIpc', () => {
  it('registers exactly one handler per contract operation', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `guard:call:${n}`).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers our window with the envelope', async () => {
    const { invoke, api } = setup();
    await expect(invoke('guard:call:app.info', trusted, {})).resolves.toEqual({
      ok: true,
      value: { version: '1' },
    });
    expect(api['app.info']).toHaveBeenCalledOnce();
  });

  it.each([
    ['another webContents', { sender: { id: 8 }, senderFrame: { url: OUR_PAGE } }],
    [
      'a foreign page in our window',
      { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } },
    ],
    ['a frame without URL', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s and never calls the core', async (_label, event) => {
    const { invoke, api } = setup();
    await expect(
      invoke('guard:call:app.info', event as InvokeEventLike, {}),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(api['app.info']).not.toHaveBeenCalled();
  });

  it('refuses extra arguments and malformed payloads', async () => {
    const { invoke, api } = setup();
    await expect(
      invoke('guard:call:app.info', trusted, {}, { sneaky: true }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    await expect(
      invoke('guard:call:app.info', trusted, { __proto__: { admin: true }, x: 1 }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    expect(api['app.info']).not.toHaveBeenCalled();
  });

  it('forwards core events to our window only, on the event channel', () => {
    const { events, window } = setup();
    events.emit('app.notice', { level: 'info', message: 'hi', at: 't' });
    expect(window.sent).toEqual([
      ['guard:event:app.notice', { level: 'info', message: 'hi', at: 't' }],
    ]);
  });
});
