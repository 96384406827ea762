import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../../electron/main/hardening';
import type { HardenableContents } from '../../../electron/main/hardening';

function fakeContents() {
  const listeners = new Map<
    string,
    (event: { preventDefault(): void }, ...rest: unknown[]) => void
  >();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: HardenableContents = {
    on: (event, listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const openExternal = vi.fn(async (_url: string) => undefined);
  const blocked: Array<[string, string]> = [];
  hardenWebContents(contents, openExternal, (what, url) => blocked.push([what, url]));
  const fire = (name: string, ...rest: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event, ...rest);
    return event.preventDefault;
  };
  return { fire, open: (url: string) => openHandler!({ url }), openExternal, blocked };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])(
    'denies %s',
    (name) => {
      const { fire } = fakeContents();
      expect(fire(name, 'https://example.com/')).toHaveBeenCalledOnce();
    },
  );

  it('reports the URL of a blocked navigation', () => {
    const { fire, blocked } = fakeContents();
    fire('will-navigate', 'https://example.com/phish');
    expect(blocked).toEqual([['navigation', 'https://example.com/phish']]);
  });

  it('denies every new window and opens only allowlisted https links outside', () => {
    const { open, openExternal, blocked } = fakeContents();
    expect(open('https://help.aliyun.com/zh/ack/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://help.aliyun.com/zh/ack/');
    for (const url of [
      'https://example.com/',
      'http://help.aliyun.com/',
      'file:///etc/passwd',
      'app://guard/x',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(blocked.map(([, url]) => url)).toEqual([
      'https://example.com/',
      'http://help.aliyun.com/',
      'file:///etc/passwd',
      'app://guard/x',
    ]);
  });
});

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h) => {
        request = h;
      },
      setPermissionCheckHandler: (h) => {
        check = h;
      },
    });
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://guard')).toBe(false);
    }
  });
});
