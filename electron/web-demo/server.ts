// The browser demo's transport: the built renderer served on loopback to the user's own browser,
// its bridge answered by a real core that only ever holds the demo account. Only envelopes cross:
// POST /invoke carries one call (a contract channel, one payload) to the core's door (dispatch),
// GET /events streams the contract's events. Who may ask: a request to 127.0.0.1:<port> by that
// very name (no other Host: DNS rebinding), from no other Origin, carrying the random token of
// this run (in the URL the first time, then in an HttpOnly, SameSite=Strict cookie).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EVENT_NAMES, eventChannel, fail, isCallName } from '../contract';
import type { Envelope } from '../contract';
import { dispatch } from '../core/dispatch';
import { createCore } from '../core/service';
import type { Core } from '../core/service';
// What both shells share (electron/shell/): the same path rules and the same CSP as the desktop
// window. connect-src 'self' already covers /invoke and /events on this origin.
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../shell/origin';
import { mimeTypeFor, resolveAppRequest } from '../shell/protocol';
import { DemoSecretStore, demoOnlyRefusal } from './demo-only';
import {
  EVENTS_PATH,
  INVOKE_PATH,
  PAGE_SCRIPT_PATH,
  pageScript,
  withPageScript,
} from './page-script';
import { messageOf } from '../contract';

const CALL_PREFIX = 'guard:call:';
const MAX_BODY_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 15_000;

export interface WebDemoOptions {
  /** The build output: renderer/ and preload/ inside it (npm run build). */
  outDir: string;
  version: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where an unexpected core error is reported (the message only). */
  log?: (line: string) => void;
}

export interface WebDemo {
  /** The address to open, token included. */
  url: string;
  origin: string;
  core: Core;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function refuse(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${text}\n`);
}

function sendEnvelope(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(envelope));
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One call: `{"channel": "guard:call:<name>", "payload": ...}`, nothing more. */
function parseCall(body: string): { name: string; payload: unknown } | null {
  let call: unknown;
  try {
    call = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof call !== 'object' || call === null || Array.isArray(call)) return null;
  const keys = Object.keys(call);
  if (!keys.includes('channel') || keys.some((k) => k !== 'channel' && k !== 'payload'))
    return null;
  const { channel, payload } = call as { channel: unknown; payload?: unknown };
  if (typeof channel !== 'string' || !channel.startsWith(CALL_PREFIX)) return null;
  return { name: channel.slice(CALL_PREFIX.length), payload };
}

export async function startWebDemo(options: WebDemoOptions): Promise<WebDemo> {
  const rendererDir = path.join(options.outDir, 'renderer');
  const indexFile = path.join(rendererDir, 'index.html');
  const preloadFile = path.join(options.outDir, 'preload', 'index.cjs');
  for (const file of [indexFile, preloadFile]) {
    if (!existsSync(file))
      throw new Error(
        `${path.relative(process.cwd(), file)} is missing: run \`npm run build\` first.`,
      );
  }
  const indexHtml = withPageScript(readFileSync(indexFile, 'utf8'));
  const bridgeScript = pageScript(readFileSync(preloadFile, 'utf8'));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  // A fresh data folder and a keychain in memory: the user's accounts, snapshots and keychain are
  // never seen. No environment either: ACK_SG_ENDPOINT or a proxy must not redirect the demo.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-web-demo-'));
  const core = createCore({
    dataDir,
    version: options.version,
    env: {},
    accounts: { secretStore: new DemoSecretStore() },
    keyGuard: { sweepOnRefresh: true },
  });
  const removeData = async () => {
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  };

  // The simulated cloud starts in this process, as the window's "Try the demo" does.
  const started = await dispatch(core.api, 'demo.start', undefined);
  if (!started.ok) {
    await removeData();
    throw new Error(`The demo account could not start: ${started.error.message}`);
  }
  // The window opens on the last snapshot; take one now, as the window does after "Try the demo",
  // so the fleet is there at the first look. A failure is the window's to show (Refresh).
  const refreshed = await dispatch(core.api, 'fleet.refresh', undefined);
  if (!refreshed.ok) log(`web demo: the first fleet refresh failed: ${refreshed.error.message}`);

  const token = randomBytes(32).toString('base64url');
  let origin = '';
  let host = '';
  let cookieName = '';
  const streams = new Set<http.ServerResponse>();

  const answerCall = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return refuse(res, 415, 'POST /invoke takes application/json.');
    const body = await readBody(req);
    if (body === null) return refuse(res, 413, 'The call is too large.');
    const call = parseCall(body);
    if (!call)
      return sendEnvelope(
        res,
        400,
        fail({
          code: 'validation',
          message: 'A call is {"channel": "guard:call:<name>", "payload": …}.',
        }),
      );
    if (!isCallName(call.name))
      return sendEnvelope(
        res,
        404,
        fail({ code: 'unknown-call', message: `Unknown call: ${call.name}` }),
      );
    const refusal = demoOnlyRefusal(call.name, call.payload);
    if (refusal) return sendEnvelope(res, 403, fail(refusal));
    const envelope = await dispatch(core.api, call.name, call.payload, (name, error) =>
      log(`web demo: unexpected error in ${name}: ${messageOf(error)}`),
    );
    sendEnvelope(res, 200, envelope);
  };

  const streamEvents = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': events of the demo core\n\n');
    streams.add(res);
    const unsubscribe = core.events.subscribe((name, payload) => {
      if (!(EVENT_NAMES as readonly string[]).includes(name)) return;
      // JSON has no raw line breaks, so one data line carries the whole event.
      res.write(`data: ${JSON.stringify({ channel: eventChannel(name), payload })}\n\n`);
    });
    // A comment now and then keeps idle connections (and proxies in between) from timing out.
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
      streams.delete(res);
    });
  };

  const serveFile = async (pathname: string, res: http.ServerResponse) => {
    const file = resolveAppRequest(rendererDir, `${APP_ORIGIN}${pathname}`);
    if (!file) return refuse(res, 404, 'Not found.');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': mimeTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      refuse(res, 404, 'Not found.');
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    if (req.headers.host !== host) return refuse(res, 403, 'Refused: wrong Host.');
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin)
      return refuse(res, 403, 'Refused: wrong Origin.');
    const url = new URL(req.url ?? '/', origin);
    const fromUrl = url.searchParams.get('token');
    const fromCookie = cookieValue(req.headers.cookie, cookieName);
    const byUrl = fromUrl !== null && sameSecret(fromUrl, token);
    if (!byUrl && !(fromCookie !== null && sameSecret(fromCookie, token)))
      return refuse(res, 403, 'Refused: open the address the demo printed (it carries the token).');
    if (byUrl)
      res.setHeader('set-cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    res.setHeader('referrer-policy', 'no-referrer');

    if (req.method === 'POST' && url.pathname === INVOKE_PATH) {
      // A browser always names the Origin of a POST; without one it is not our page asking.
      if (requestOrigin !== origin) return refuse(res, 403, 'Refused: wrong Origin.');
      return answerCall(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'Method not allowed.');
    if (url.pathname === EVENTS_PATH)
      return req.method === 'GET' ? streamEvents(req, res) : refuse(res, 405, 'GET /events.');
    if (url.pathname === PAGE_SCRIPT_PATH) {
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      return void res.end(bridgeScript);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      return void res.end(indexHtml);
    }
    return serveFile(url.pathname, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`web demo: ${messageOf(error)}`);
      if (!res.headersSent) refuse(res, 500, 'Something went wrong.');
      else res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: nothing on the network can reach the demo.
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await removeData();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  // Cookies are not kept apart by port: one name per port keeps two demos from clobbering each other.
  cookieName = `ack_sg_demo_${port}`;

  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    core,
    close: () =>
      (closed ??= (async () => {
        for (const stream of streams) stream.end();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await removeData();
      })()),
  };
}
