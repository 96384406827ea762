// The browser demo's transport (electron/web-demo/server.ts), in this process over real HTTP:
// who may ask (token, Host, Origin), what may be asked (the contract's channels, through the
// core's door, nothing that brings in another account), and that events arrive over SSE.
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Envelope, FleetRefreshed } from '../../../electron/contract';
import { startWebDemo } from '../../../electron/web-demo/server';
import type { WebDemo } from '../../../electron/web-demo/server';

const outDir = path.resolve('out');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  demo: WebDemo,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(demo.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser demo server', () => {
  let demo: WebDemo;
  let token: string;
  let cookie: string;

  const invoke = (channel: string, payload?: unknown, headers: Record<string, string> = {}) =>
    request(demo, 'POST', '/invoke', {
      headers: { cookie, origin: demo.origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(payload === undefined ? { channel } : { channel, payload }),
    });

  beforeAll(async () => {
    if (!existsSync(path.join(outDir, 'renderer', 'index.html')))
      throw new Error('out/ is missing: run `npm run build` first (npm test does).');
    demo = await startWebDemo({ outDir, version: '0.1.0-web-demo-test', log: () => undefined });
    token = new URL(demo.url).searchParams.get('token')!;
    const first = await request(demo, 'GET', `/?token=${token}`);
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    cookie = setCookie.split(';')[0]!;
  });

  afterAll(async () => {
    await demo?.close();
  });

  it('prints a loopback address whose token is 32 random bytes', () => {
    expect(new URL(demo.url).hostname).toBe('127.0.0.1');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('the first visit with the token sets an HttpOnly, SameSite=Strict cookie and serves the page under the CSP', async () => {
    const first = await request(demo, 'GET', `/?token=${token}`);
    expect(first.status).toBe(200);
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toContain(`=${token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    expect(first.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(first.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // The bridge script comes before the renderer's module, from this origin (script-src 'self').
    expect(first.body.indexOf('<script src="/bridge.js"></script>')).toBeGreaterThan(-1);
    expect(first.body.indexOf('/bridge.js')).toBeLessThan(first.body.indexOf('type="module"'));
    const script = await request(demo, 'GET', '/bridge.js', { headers: { cookie } });
    expect(script.status).toBe(200);
    expect(script.body).toContain('guard:call:'); // the built preload's allowlist is inside
  });

  it('refuses a request without the token, or with a wrong one (403)', async () => {
    expect((await request(demo, 'GET', '/')).status).toBe(403);
    expect((await request(demo, 'GET', '/bridge.js')).status).toBe(403);
    expect((await request(demo, 'GET', `/?token=${'A'.repeat(token.length)}`)).status).toBe(403);
    const wrongCookie = cookie.replace(/=.*/, `=${'B'.repeat(token.length)}`);
    expect((await request(demo, 'GET', '/', { headers: { cookie: wrongCookie } })).status).toBe(
      403,
    );
    const noToken = await request(demo, 'POST', '/invoke', {
      headers: { origin: demo.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'guard:call:app.info' }),
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body).not.toContain('"ok":true');
  });

  it('refuses another Host (DNS rebinding) even with the right token', async () => {
    for (const host of ['evil.example', `localhost:${new URL(demo.origin).port}`, '127.0.0.1']) {
      const reply = await request(demo, 'GET', `/?token=${token}`, { headers: { host } });
      expect(reply.status, host).toBe(403);
      expect(reply.headers['set-cookie'], host).toBeUndefined();
    }
    const call = await invoke('guard:call:app.info', undefined, { host: 'evil.example' });
    expect(call.status).toBe(403);
  });

  it('refuses another Origin, and a POST that names none', async () => {
    expect(
      (await invoke('guard:call:app.info', undefined, { origin: 'http://evil.example' })).status,
    ).toBe(403);
    const noOrigin = await request(demo, 'POST', '/invoke', {
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'guard:call:app.info' }),
    });
    expect(noOrigin.status).toBe(403);
  });

  it('answers an allowlisted call through the core: app.info and the demo fleet', async () => {
    const info = await invoke('guard:call:app.info');
    expect(info.status).toBe(200);
    const envelope = JSON.parse(info.body) as Envelope<AppInfo>;
    expect(envelope.ok && envelope.value.demo).toBe(true);

    const accounts = JSON.parse((await invoke('guard:call:accounts.list')).body) as Envelope<{
      accounts: { demo: boolean }[];
    }>;
    expect(accounts.ok).toBe(true);
    if (!accounts.ok) return;
    expect(accounts.value.accounts.length).toBeGreaterThan(0);
    expect(accounts.value.accounts.every((a) => a.demo)).toBe(true);

    const refreshed = JSON.parse(
      (await invoke('guard:call:fleet.refresh')).body,
    ) as Envelope<FleetRefreshed>;
    expect(refreshed.ok).toBe(true);
    // The reply carries the generation and counts; the page reads the rows with fleet.snapshotPage.
    if (refreshed.ok) expect(refreshed.value.clusters).toBeGreaterThan(0);
  });

  it('refuses a channel outside the contract, and malformed calls', async () => {
    for (const channel of [
      'guard:call:fs.readFile',
      'guard:event:app.notice',
      'app.info',
      'guard:call:',
    ]) {
      const reply = await invoke(channel);
      expect(reply.status, channel).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(reply.body), channel).toMatchObject({ ok: false });
    }
    const unknown = JSON.parse((await invoke('guard:call:fs.readFile')).body) as Envelope<unknown>;
    expect(!unknown.ok && unknown.error.code).toBe('unknown-call');
    // A second argument does not cross: the call is exactly {channel, payload}.
    const extra = await request(demo, 'POST', '/invoke', {
      headers: { cookie, origin: demo.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'guard:call:app.info', payload: undefined, more: 1 }),
    });
    expect(extra.status).toBe(400);
    // The core's door still validates the payload.
    const invalid = JSON.parse(
      (await invoke('guard:call:fleet.snapshot', { surprise: true })).body,
    ) as Envelope<unknown>;
    expect(!invalid.ok && invalid.error.code).toBe('validation');
    // Not JSON: refused before the core.
    const form = await request(demo, 'POST', '/invoke', {
      headers: { cookie, origin: demo.origin, 'content-type': 'text/plain' },
      body: 'channel=guard:call:app.info',
    });
    expect(form.status).toBe(415);
  });

  it('never lets another account in: no add, no aliyun CLI import, no re-keying', async () => {
    const add = await invoke('guard:call:accounts.add', {
      kind: 'access-key',
      name: 'real',
      accessKeyId: 'LTAI5tExampleExample00',
      accessKeySecret: 'x'.repeat(30),
    });
    expect(add.status).toBe(403);
    expect(add.body).not.toContain('x'.repeat(30));
    expect((await invoke('guard:call:accounts.importCli.preview', {})).status).toBe(403);
    const accounts = JSON.parse((await invoke('guard:call:accounts.list')).body) as Envelope<{
      accounts: { id: string; name: string; kind: string }[];
    }>;
    if (!accounts.ok) throw new Error('accounts.list failed');
    const first = accounts.value.accounts[0]!;
    const rekey = await invoke('guard:call:accounts.update', {
      id: first.id,
      kind: first.kind,
      network: { endpoint: 'https://cs.aliyuncs.com' },
    });
    expect(rekey.status).toBe(403);
    // A cosmetic edit of a demo account is fine.
    const rename = JSON.parse(
      (
        await invoke('guard:call:accounts.update', {
          id: first.id,
          kind: first.kind,
          name: `${first.name} (renamed)`,
        })
      ).body,
    ) as Envelope<unknown>;
    expect(rename.ok).toBe(true);
  });

  it('streams the contract’s events over SSE', async () => {
    const { port } = new URL(demo.origin);
    const received: { channel: string; payload: unknown }[] = [];
    let res: http.IncomingMessage | undefined;
    const updated = new Promise<{ channel: string; payload: unknown }>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/events', headers: { cookie } },
        (reply) => {
          res = reply;
          expect(reply.statusCode).toBe(200);
          expect(reply.headers['content-type']).toMatch(/^text\/event-stream/);
          let buffer = '';
          reply.setEncoding('utf8');
          reply.on('data', (chunk: string) => {
            buffer += chunk;
            let end;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = frame
                .split('\n')
                .filter((line) => line.startsWith('data: '))
                .map((line) => line.slice('data: '.length))
                .join('\n');
              if (!data) continue;
              const event = JSON.parse(data) as { channel: string; payload: unknown };
              received.push(event);
              if (event.channel === 'guard:event:fleet.updated') resolve(event);
            }
          });
          // Only once the stream is open does the refresh start, so no event can be missed.
          void invoke('guard:call:fleet.refresh');
        },
      );
      req.on('error', reject);
    });
    const event = await updated;
    res?.destroy();
    expect(event.payload).toMatchObject({ failures: 0 });
    expect(received.some((e) => e.channel === 'guard:event:fleet.progress')).toBe(true);
    expect(received.every((e) => e.channel.startsWith('guard:event:'))).toBe(true);
  });

  it('refuses the event stream without the token', async () => {
    expect((await request(demo, 'GET', '/events')).status).toBe(403);
  });

  it('serves only files inside out/renderer', async () => {
    expect(
      (await request(demo, 'GET', '/..%2F..%2Fpackage.json', { headers: { cookie } })).status,
    ).toBe(404);
    expect(
      (await request(demo, 'GET', '/%2e%2e/preload/index.cjs', { headers: { cookie } })).status,
    ).toBe(404);
  });
});
