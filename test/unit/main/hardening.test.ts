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
  type Request = (c: unknown, p: string, cb: (granted: boolean) => void, d: unknown) => void;
  type Check = (c: unknown, p: string, origin: string, d: unknown) => boolean;
  function handlers(devServerUrl?: string) {
    let request: Request | undefined;
    let check: Check | undefined;
    hardenSession(
      {
        setPermissionRequestHandler: (h) => {
          request = h as Request;
        },
        setPermissionCheckHandler: (h) => {
          check = h as Check;
        },
      },
      devServerUrl,
    );
    const ask = (permission: string, details: { isMainFrame: boolean; requestingUrl: string }) => {
      const callback = vi.fn();
      request!({}, permission, callback, details);
      expect(callback).toHaveBeenCalledOnce();
      return callback.mock.calls[0]![0] as boolean;
    };
    const checks = (
      permission: string,
      origin: string,
      details: { isMainFrame: boolean; requestingUrl?: string },
    ) => check!({}, permission, origin, details);
    return { ask, checks };
  }
  const ours = { isMainFrame: true, requestingUrl: 'app://guard/index.html' };

  it('grants the sanitized clipboard write to our own page, asked or checked', () => {
    const { ask, checks } = handlers();
    expect(ask('clipboard-sanitized-write', ours)).toBe(true);
    expect(checks('clipboard-sanitized-write', 'app://guard/', ours)).toBe(true);
  });

  it('refuses every other permission, even to our own page', () => {
    const { ask, checks } = handlers();
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'deprecated-sync-clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      expect(ask(permission, ours)).toBe(false);
      expect(checks(permission, 'app://guard/', ours)).toBe(false);
    }
  });

  it('refuses the clipboard to a sub frame, another origin or no document at all', () => {
    const { ask, checks } = handlers();
    const sub = { isMainFrame: false, requestingUrl: 'app://guard/index.html' };
    expect(ask('clipboard-sanitized-write', sub)).toBe(false);
    expect(checks('clipboard-sanitized-write', 'app://guard/', sub)).toBe(false);
    for (const url of ['https://example.com/', 'app://other/index.html', 'file:///etc/passwd']) {
      expect(ask('clipboard-sanitized-write', { isMainFrame: true, requestingUrl: url })).toBe(
        false,
      );
      expect(
        checks('clipboard-sanitized-write', new URL(url).origin, {
          isMainFrame: true,
          requestingUrl: url,
        }),
      ).toBe(false);
    }
    // Our origin but another document's URL (or the other way round): refused.
    expect(
      checks('clipboard-sanitized-write', 'app://guard/', {
        isMainFrame: true,
        requestingUrl: 'https://example.com/',
      }),
    ).toBe(false);
    expect(checks('clipboard-sanitized-write', 'https://example.com', ours)).toBe(false);
    // A check not made for a document (a worker): Electron sends no frame, so no grant.
    expect(checks('clipboard-sanitized-write', 'app://guard/', { isMainFrame: false })).toBe(false);
  });

  it('grants the dev server only while developing (when its URL is given)', () => {
    const dev = { isMainFrame: true, requestingUrl: 'http://localhost:5173/' };
    expect(handlers().ask('clipboard-sanitized-write', dev)).toBe(false);
    const { ask, checks } = handlers('http://localhost:5173');
    expect(ask('clipboard-sanitized-write', dev)).toBe(true);
    expect(checks('clipboard-sanitized-write', 'http://localhost:5173/', dev)).toBe(true);
    expect(ask('clipboard-sanitized-write', ours)).toBe(true);
    expect(
      ask('clipboard-sanitized-write', {
        isMainFrame: true,
        requestingUrl: 'http://localhost:5174/',
      }),
    ).toBe(false);
  });
});
