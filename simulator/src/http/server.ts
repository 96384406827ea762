// One HTTP server for every product plus the control API. Listens on loopback by default.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { NonceCache } from '../auth/authenticate';
import type { Control } from '../control';
import { handleControlHttp } from '../control-http';
import { dispatch } from './dispatch';

export const CONTROL_PREFIX = '/__sim/';

export interface ServerOptions {
  port: number;
  host: string;
  control: Control;
  /** Receives one line per request (method, product/action, status, ms). Never secrets. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const nonces = new NonceCache();
  const hanging = new Set<IncomingMessage>();
  const sockets = new Set<Socket>();
  const env = {
    world: () => o.control.world,
    faults: o.control.faults,
    pageCaps: o.control.pageCaps,
    nonces,
    hanging,
    onDone: (i: { method: string; label: string; status: number | string; ms: number }) => {
      o.control.countRequest(i.label);
      o.log?.(`${new Date().toISOString()} ${i.method} ${i.label} ${i.status} ${i.ms}ms`);
    },
  };
  const server: Server = createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if ((req.url ?? '').startsWith(CONTROL_PREFIX)) {
        const status = handleControlHttp(o.control, req, res, body);
        o.log?.(
          `${new Date().toISOString()} ${req.method} ${(req.url ?? '').split('?')[0]} ${status} ${Math.round(performance.now() - started)}ms`,
        );
        return;
      }
      const arrived = o.control.serving.begin();
      res.once('close', () => o.control.serving.end(arrived));
      dispatch(env, req, res, body, started).catch((e: unknown) => {
        console.error('[simulator] dispatch failed:', e);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const hostForUrl = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${hostForUrl === '0.0.0.0' ? '127.0.0.1' : hostForUrl}:${addr.port}`,
    port: addr.port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy(); // includes never-answered (hang) requests
        server.close(() => resolve());
      }),
  };
}
