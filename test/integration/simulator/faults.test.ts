import * as $CS from '@alicloud/cs20151215';
import * as $dara from '@darabonba/typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Simulator } from '../../../simulator';
import { creds, cs, failure, kms, start } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

const root = (extra?: Record<string, unknown>) => cs(sim, creds(DEMO.accessKeys.retailRoot), extra);

describe('faults', () => {
  it('latency delays the answer', async () => {
    sim.control.addFault({
      kind: 'latency',
      product: 'cs',
      action: 'DescribeClusterDetail',
      ms: 300,
    });
    const t0 = Date.now();
    await root().describeClusterDetail(DEMO.clusters.happy);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(sim.control.faults.list()).toEqual([]); // count 1: retired after firing once
    await root().describeClusterDetail(DEMO.clusters.happy);
  });

  it('throttling: ThrottlingError with retryAfter from x-acs-retry-after; the SDK retries when told to', async () => {
    sim.control.addFault({
      kind: 'throttle',
      product: 'kms',
      action: 'ListKeys',
      retryAfterMs: 150,
    });
    const e = await failure(kms(sim, creds(DEMO.accessKeys.retailRoot))('ListKeys'));
    expect(e).toMatchObject({
      name: 'ThrottlingError',
      code: 'Throttling.User',
      statusCode: 400,
      retryAfter: 150,
    });
    sim.control.addFault({
      kind: 'throttle',
      product: 'cs',
      count: 2,
      retryAfterMs: 50,
      status: 429,
      code: 'Throttling.Api',
    });
    const retrying = root({
      retryOptions: new $dara.RetryOptions({
        retryable: true,
        retryCondition: [
          {
            maxAttempts: 3,
            exception: ['ThrottlingError'],
            backoff: { policy: 'Fixed', period: 10 },
          },
        ],
      }),
    });
    const before = sim.control.requestCount('cs/DescribeClusterDetail');
    await retrying.describeClusterDetail(DEMO.clusters.happy);
    expect(sim.control.requestCount('cs/DescribeClusterDetail') - before).toBe(3);
  });

  it('500 and 503 JSON errors become ServerError with codes', async () => {
    sim.control.addFault({ kind: 'error500', product: 'cs' });
    expect(await failure(root().describeClusterDetail(DEMO.clusters.happy))).toMatchObject({
      name: 'ServerError',
      code: 'InternalError',
      statusCode: 500,
    });
    sim.control.addFault({ kind: 'error503', product: 'kms' });
    expect(
      await failure(
        kms(sim, creds(DEMO.accessKeys.retailRoot))('DescribeKey', { KeyId: DEMO.keys.valid }),
      ),
    ).toMatchObject({ name: 'ServerError', code: 'ServiceUnavailable', statusCode: 503 });
    sim.control.addFault({ kind: 'error500', product: 'kms' });
    expect(
      await failure(
        kms(sim, creds(DEMO.accessKeys.retailRoot))('DescribeKey', { KeyId: DEMO.keys.valid }),
      ),
    ).toMatchObject({ code: 'InternalFailure' });
  });

  it('502 with an HTML body gives a SyntaxError in the SDK', async () => {
    sim.control.addFault({ kind: 'html502', action: 'DescribeClustersV1' });
    const e = await failure(root().describeClustersV1(new $CS.DescribeClustersV1Request({})));
    expect(e.name).toBe('SyntaxError');
  });

  it('connection reset', async () => {
    sim.control.addFault({ kind: 'reset', product: 'cs' });
    const e = await failure(root().describeClusterDetail(DEMO.clusters.happy));
    expect(String(e.message ?? e)).toMatch(/socket hang up|ECONNRESET/i);
  });

  it('a response that never comes hits the SDK read timeout', async () => {
    sim.control.addFault({ kind: 'hang', product: 'cs' });
    // Were the request to wait for the hanging answer, the test itself would time out.
    const e = await failure(
      root({ readTimeout: 400, connectTimeout: 400 }).describeClusterDetail(DEMO.clusters.happy),
    );
    expect(e.name).toBe('RequestTimeoutError');
  });

  it('rate faults are reproducible and can be listed and removed (also over HTTP)', async () => {
    const f = sim.control.addFault({ kind: 'error503', product: 'cs', rate: 0.5 });
    expect(sim.control.faults.list()).toHaveLength(1);
    let failures = 0;
    for (let i = 0; i < 20; i++) {
      try {
        await root().describeClusterDetail(DEMO.clusters.happy);
      } catch {
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(18);
    expect(sim.control.removeFault(f.id)).toBe(true);
    const add = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'error500', product: 'cs', count: 1 }),
    });
    expect(add.status).toBe(200);
    expect(await failure(root().describeClusterDetail(DEMO.clusters.happy))).toMatchObject({
      statusCode: 500,
    });
    await root().describeClusterDetail(DEMO.clusters.happy);
  });
});
