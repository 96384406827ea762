// An answer that stops part-way: its declared length is never reached, because the server stalls
// (a trickle must still end at the read deadline) or the connection is cut. Either way the call
// fails as a CloudError that names the call and what to check, not Node's bare "aborted", and
// the SDK never reads half a body as an answer. (Both hold whether the body reaches the SDK
// through CappedAnswer or, declared within the cap, as the response itself.)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as $Cs from '@alicloud/cs20151215';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { csSdk } from '../../../electron/core/cloud/cs-sdk';
import { CloudError } from '../../../electron/core/cloud/errors';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';

const READ_MS = 600;
let server: http.Server;
let url: string;
let mode: 'stall' | 'cut' = 'stall';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    const head = '{"clusters":[{"cluster_id":"c1",';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 4_000 });
    res.write(head);
    if (mode === 'cut') setTimeout(() => res.socket?.destroy(), 50);
    // 'stall': the rest never comes; the socket stays open past the read deadline.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function describeClusters(): Promise<unknown> {
  const session = new CloudSession({
    accountKey: 'cut',
    credentials: async () => ({
      accessKeyId: 'LTAI5tCutAnswer0001',
      accessKeySecret: 'cut-answer-secret-0001',
    }),
    network: { endpoint: url },
    limits: new CloudLimits(),
    timeouts: { connectMs: 2_000, readMs: READ_MS },
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 },
  });
  const { Cs } = await csSdk();
  return session.call(
    'cs',
    'DescribeClustersV1',
    'cn-hangzhou',
    async (config) =>
      (
        await new Cs(config).describeClustersV1(
          new $Cs.DescribeClustersV1Request({
            clusterType: 'ManagedKubernetes',
            regionId: 'cn-hangzhou',
          }),
        )
      ).body,
    { idempotent: true },
  );
}

/** The call fails as a network CloudError that names the call and what to check. */
async function expectWordedNetworkFailure(): Promise<void> {
  const error = await describeClusters().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  expect((error as CloudError).kind).toBe('network');
  expect((error as CloudError).message).toMatch(/^cs DescribeClustersV1: .*Check the network/);
}

it('a body that stalls before its declared length ends at the read deadline', async () => {
  mode = 'stall';
  const started = Date.now();
  await expectWordedNetworkFailure();
  // Bounded by the deadline (with room for a loaded machine), not by the server.
  expect(Date.now() - started).toBeLessThan(READ_MS + 10_000);
});

it('a connection cut before the declared length fails in words', async () => {
  mode = 'cut';
  await expectWordedNetworkFailure();
});
