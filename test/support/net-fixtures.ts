// Real network pieces for the transport tests, all on loopback: certificates made at test time
// with the system's openssl, a TLS front that terminates TLS for a plain-HTTP server (the
// simulator), an HTTP CONNECT proxy that can demand Proxy-Authorization and that alone knows
// where the test host names live, and a hostile endpoint that streams an endless answer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

/** Host names under this suffix exist only behind the test proxy (.test never resolves). */
export const TEST_DOMAIN = 'guard.test';
/** An endpoint override that gives each product and region its own name under TEST_DOMAIN. */
export const TEST_ENDPOINT = `https://{product}-{region}.${TEST_DOMAIN}`;

export interface TestPki {
  dir: string;
  /** The CA that signed the server certificate (PEM file). */
  caPath: string;
  /** Another CA, which signed nothing here (PEM file). */
  otherCaPath: string;
  key: string;
  cert: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A CA, an unrelated CA, and a server certificate for *.guard.test, localhost and 127.0.0.1. */
export function makePki(): TestPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ack-sg-pki-'));
  for (const name of ['ca', 'other-ca'])
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=ACK Secret Guard test ${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  openssl(dir, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    `/CN=*.${TEST_DOMAIN}`,
  ]);
  writeFileSync(
    path.join(dir, 'server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=DNS:*.${TEST_DOMAIN},DNS:localhost,IP:127.0.0.1`,
      '',
    ].join('\n'),
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  ]);
  return {
    dir,
    caPath: path.join(dir, 'ca.pem'),
    otherCaPath: path.join(dir, 'other-ca.pem'),
    key: readFileSync(path.join(dir, 'server.key'), 'utf8'),
    cert: readFileSync(path.join(dir, 'server.pem'), 'utf8'),
  };
}

/** Keeps every socket of a server so close() does not wait for keep-alive connections. */
function tracked<T extends net.Server>(server: T): { server: T; close: () => Promise<void> } {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export interface TlsFront {
  port: number;
  /** Connections accepted, and the TLS server names (SNI) they asked for. */
  connections: number;
  serverNames: string[];
  close(): Promise<void>;
}

/** TLS on loopback in front of a plain-HTTP server (the simulator); bytes pass unchanged. */
export async function startTlsFront(pki: TestPki, upstreamPort: number): Promise<TlsFront> {
  const front: TlsFront = {
    port: 0,
    connections: 0,
    serverNames: [],
    close: async () => undefined,
  };
  const { server, close } = tracked(
    tls.createServer({ key: pki.key, cert: pki.cert }, (clear) => {
      front.serverNames.push((clear as tls.TLSSocket & { servername?: string }).servername ?? '');
      const upstream = net.connect(upstreamPort, '127.0.0.1');
      clear.pipe(upstream).pipe(clear);
      const end = () => {
        clear.destroy();
        upstream.destroy();
      };
      clear.on('error', end);
      upstream.on('error', end);
      clear.on('close', end);
      upstream.on('close', end);
    }),
  );
  server.on('secureConnection', () => (front.connections += 1));
  // Failed handshakes (a client that does not trust us) are expected in some tests.
  server.on('tlsClientError', () => undefined);
  front.port = await listen(server);
  front.close = close;
  return front;
}

export interface ConnectProxy {
  port: number;
  url: string;
  /** Tunnels opened, and the host:port each CONNECT asked for (in order). */
  tunnels: number;
  targets: string[];
  /** CONNECTs refused with 407. */
  refused: number;
  /** Requests that were not CONNECT (a client that forwards instead of tunnelling). */
  forwarded: number;
  close(): Promise<void>;
}

export interface ConnectProxyOptions {
  /** Demand `Proxy-Authorization: Basic` with this user and password. */
  auth?: { user: string; password: string };
  /** Where a CONNECT target really is; null refuses it with 502. */
  resolve: (host: string, port: number) => { host: string; port: number } | null;
  /** Serve the proxy itself over TLS (an https:// proxy) with this certificate. */
  tls?: TestPki;
}

/** A real HTTP CONNECT proxy (node:http 'connect' event + net.connect). */
export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const expected = options.auth
    ? `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`
    : null;
  const proxy: ConnectProxy = {
    port: 0,
    url: '',
    tunnels: 0,
    targets: [],
    refused: 0,
    forwarded: 0,
    close: async () => undefined,
  };
  const refuseForwarding = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    proxy.forwarded += 1;
    res.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only');
  };
  const { server, close } = tracked<net.Server>(
    options.tls
      ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, refuseForwarding)
      : http.createServer(refuseForwarding),
  );
  server.on('tlsClientError', () => undefined);
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    client.on('error', () => undefined);
    if (expected && req.headers['proxy-authorization'] !== expected) {
      proxy.refused += 1;
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Type: text/html\r\nContent-Length: 23\r\n\r\n<h1>Who are you?</h1>\r\n',
      );
      return;
    }
    const [host, portText] = splitAuthority(req.url ?? '');
    const where = options.resolve(host, Number(portText));
    if (!where) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    proxy.targets.push(`${host}:${portText}`);
    const upstream = net.connect(where.port, where.host, () => {
      proxy.tunnels += 1;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  proxy.port = await listen(server);
  proxy.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${proxy.port}`;
  proxy.close = close;
  return proxy;
}

function splitAuthority(authority: string): [string, string] {
  const at = authority.lastIndexOf(':');
  return [authority.slice(0, at).replace(/^\[|\]$/g, ''), authority.slice(at + 1)];
}

export interface HostileEndpoint {
  url: string;
  /** Bytes the server managed to hand to the socket before the client hung up. */
  sent(): number;
  /** Resolves when the client has hung up (or the server sent everything). */
  finished(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Answers every request with 200 and a JSON body of `totalBytes`, streamed in 64 KiB chunks as
 * fast as the client reads them; with `declareLength` it also says so in Content-Length.
 */
export async function startHostileEndpoint(options: {
  totalBytes: number;
  declareLength: boolean;
}): Promise<HostileEndpoint> {
  let sent = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const { server, close } = tracked(
    http.createServer((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json;charset=utf-8',
        ...(options.declareLength ? { 'content-length': String(options.totalBytes) } : {}),
      });
      let left = options.totalBytes;
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          const ok = res.write(piece, (error) => {
            if (!error) sent += piece.length;
          });
          if (!ok) {
            res.once('drain', pump);
            return;
          }
        }
        if (left === 0) res.end();
      };
      res.on('close', () => done());
      pump();
    }),
  );
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, sent: () => sent, finished: () => finished, close };
}
