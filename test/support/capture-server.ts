// A loopback HTTP server that records each request (method, path, query in order, headers, body)
// and answers it with JSON: the wire tests send the same call through an official SDK and through
// our code and compare what arrived.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudLimits, CloudSession } from '../../electron/core/cloud/session';

export interface SeenRequest {
  method: string;
  path: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  body: string;
}

export interface CaptureServer {
  url: string;
  /** Every request so far, oldest first (the tests empty it between cases). */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts the server; `answer` gives each request's JSON body from its query. */
export async function startCaptureServer(
  answer: (query: URLSearchParams) => unknown,
): Promise<CaptureServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({
        method: req.method ?? '',
        path: u.pathname,
        query: [...u.searchParams.entries()],
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(answer(u.searchParams)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A session with test credentials whose every product goes to `url`, tried once. */
export function wireSession(url: string): CloudSession {
  return new CloudSession({
    accountKey: 'wire',
    credentials: async () => ({
      accessKeyId: 'LTAI5tWireTest0001',
      accessKeySecret: 'wire-test-secret-0001',
      securityToken: 'wire-test-token',
    }),
    network: { endpoint: url },
    limits: new CloudLimits(),
    timeouts: { connectMs: 2_000, readMs: 5_000 },
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 },
  });
}
