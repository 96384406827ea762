// Serves the built renderer (out/renderer) over HTTP on loopback, with the same CSP header the
// Electron protocol handler sends, so the browser tests run the page under the real policy.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/origin';
import { mimeTypeFor, resolveAppRequest } from '../../electron/shell/protocol';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRenderer(rendererDir: string): Promise<StaticServer> {
  const server = http.createServer(async (req, res) => {
    // Reuse the app:// resolver: same path-traversal rules as in the packaged app.
    const file = resolveAppRequest(rendererDir, `app://guard${(req.url ?? '/').split('?')[0]}`);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': mimeTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
