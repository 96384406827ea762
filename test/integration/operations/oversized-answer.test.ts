// A write whose answer is too large to read may still have landed: the change is followed (the
// cluster tells us), not reported as rejected. A forwarder in front of the simulator lets the
// real UpdateKMSEncryption through and then answers it with an endless body.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES } from '../../../electron/core/cloud/transport-errors';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { operationsHarness } from '../../support/operations-harness';
import type { Harness } from '../../support/operations-harness';

const SCALE = 200;
let sim: Simulator;
let forwarder: http.Server;
let h: Harness;
let oversizedSent = 0;

beforeEach(async () => {
  sim = await startSimulator({ fixture: 'demo', timeScale: SCALE });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  forwarder = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: sim.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        if (req.method !== 'PUT' || !/\/kms$/.test(req.url ?? '')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        answer.resume(); // the simulator has applied the change; replace its answer
        res.writeHead(200, { 'content-type': 'application/json' });
        let left = 256 * 1024 * 1024;
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            left -= chunk.length;
            const more = res.write(chunk, (error) => {
              if (!error) oversizedSent += chunk.length;
            });
            if (!more) return void res.once('drain', pump);
          }
          if (left <= 0) res.end();
        };
        pump();
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => forwarder.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}`;
  h = operationsHarness({ ...sim, url, endpoint: url.slice(7) }, { timeScale: SCALE });
});
afterEach(async () => {
  await h.dispose();
  forwarder.closeAllConnections();
  await new Promise((resolve) => forwarder.close(resolve));
  await sim.stop();
});

it('follows a change whose answer was too large to read, and finds that it took effect', async () => {
  const op = await h.operations.start({
    clusterId: DEMO.clusters.happy,
    action: 'enable',
    keyId: DEMO.keys.valid,
  });
  expect(op.note).toMatch(/too large to read/);
  expect(oversizedSent).toBeLessThan(MAX_ANSWER_BYTES + 48 * 1024 * 1024);
  const final = await h.operations.waitFor(op.operationId);
  expect(final.outcome).toBe('succeeded');
  expect(sim.control.cluster(DEMO.clusters.happy)?.encryption).toMatchObject({
    keyId: DEMO.keys.valid,
    disabled: false,
  });
});
