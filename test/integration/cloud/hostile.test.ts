// A hostile (or broken) cloud: a tiny loopback server that answers the official SDKs with paging
// that cannot be right. Each case must end in a clear per-region failure after a bounded number
// of calls, beside the regions that answered well, never in an endless loop.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupAllEvents } from '../../../electron/core/cloud/actiontrail';
import { describeSecurityGroupType } from '../../../electron/core/cloud/ecs';
import { CloudError } from '../../../electron/core/cloud/errors';
import { listKeyIds } from '../../../electron/core/cloud/kms';
import { DEFAULT_PAGING_LIMITS } from '../../../electron/core/cloud/paging';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import { Inventory } from '../../../electron/core/fleet/inventory';

type Answer = (params: URLSearchParams, call: number) => unknown;

let server: Server;
let url: string;
/** Per "action/region": how to answer, and how many calls came. */
const answers = new Map<string, Answer>();
const calls = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const action =
      (req.headers['x-acs-action'] as string | undefined) ??
      (u.pathname === '/api/v1/clusters' ? 'DescribeClustersV1' : 'unknown');
    const region = u.searchParams.get('region_id') ?? u.searchParams.get('RegionId') ?? '';
    const key = `${action}/${region}`;
    const n = (calls.get(key) ?? 0) + 1;
    calls.set(key, n);
    const answer = answers.get(key);
    const body = JSON.stringify(
      answer ? answer(u.searchParams, n) : { Code: 'NotHere', Message: `no answer for ${key}` },
    );
    req.resume();
    res.writeHead(answer ? 200 : 400, {
      'content-type': 'application/json;charset=utf-8',
      'x-acs-request-id': `req-${n}`,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answers.clear();
  calls.clear();
});

const session = () =>
  new CloudSession({
    accountKey: 'hostile',
    credentials: async () => ({
      accessKeyId: 'LTAI5tHostileTest01',
      accessKeySecret: 'hostile-test-secret-0001',
    }),
    network: { endpoint: url },
    limits: new CloudLimits(),
    timeouts: { connectMs: 2_000, readMs: 5_000 },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });

const cluster = (id: string, regionId: string) => ({
  cluster_id: id,
  name: id,
  cluster_type: 'ManagedKubernetes',
  profile: 'Edge',
  cluster_spec: 'ack.pro.small',
  region_id: regionId,
  state: 'running',
  current_version: '1.30.1-aliyun.1',
  meta_data: '{}',
});
const pageOf = (p: URLSearchParams) => Number(p.get('page_number') ?? '1');

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

describe('hostile paging ends in a clear per-region failure, within bounded calls', () => {
  it('the fleet reports each broken region beside the good one', async () => {
    // Good: 5 clusters served 2 a page (fewer than the 50 asked), page size echoed.
    answers.set('DescribeClustersV1/cn-hangzhou', (p) => ({
      clusters: Array.from({ length: 5 }, (_, i) => cluster(`c-hz-${i}`, 'cn-hangzhou')).slice(
        (pageOf(p) - 1) * 2,
        pageOf(p) * 2,
      ),
      page_info: { page_number: pageOf(p), page_size: 2, total_count: 5 },
    }));
    // A huge TotalCount, one item a page.
    answers.set('DescribeClustersV1/cn-shanghai', (p) => ({
      clusters: [cluster(`c-sh-${pageOf(p)}`, 'cn-shanghai')],
      page_info: { page_number: pageOf(p), page_size: 1, total_count: 2_000_000_000 },
    }));
    // A plausible TotalCount, one new item a page: runs into the page cap.
    answers.set('DescribeClustersV1/cn-beijing', (p) => ({
      clusters: [cluster(`c-bj-${pageOf(p)}`, 'cn-beijing')],
      page_info: { page_number: pageOf(p), page_size: 1, total_count: 9_000 },
    }));
    // The same page whatever is asked (PageNumber ignored, not echoed).
    answers.set('DescribeClustersV1/cn-shenzhen', () => ({
      clusters: [cluster('c-sz-0', 'cn-shenzhen'), cluster('c-sz-1', 'cn-shenzhen')],
      page_info: { page_size: 2, total_count: 40 },
    }));
    const s = session();
    const regions = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'];
    const result = await new Inventory({
      listAccounts: async () => [{ id: 'acc-h', name: 'Hostile', regions, cloudAccountId: null }],
      sessionFor: async () => s,
    }).refresh();

    expect(result.clusters.map((c) => c.clusterId).sort()).toEqual([
      'c-hz-0',
      'c-hz-1',
      'c-hz-2',
      'c-hz-3',
      'c-hz-4',
    ]);
    expect(result.listings.map((l) => l.regionId)).toEqual(['cn-hangzhou']);
    const byRegion = new Map(result.failures.map((f) => [f.regionId, f]));
    expect([...byRegion.keys()].sort()).toEqual(['cn-beijing', 'cn-shanghai', 'cn-shenzhen']);
    for (const f of result.failures) {
      expect(f.kind).toBe('badAnswer');
      expect(f.message).toContain(`cs DescribeClustersV1 in ${f.regionId}: the cloud's paging`);
    }
    expect(byRegion.get('cn-shanghai')!.message).toContain('2000000000 items');
    expect(byRegion.get('cn-beijing')!.message).toContain(
      `more than ${DEFAULT_PAGING_LIMITS.maxPages} pages`,
    );
    expect(byRegion.get('cn-shenzhen')!.message).toContain('repeats only items');

    expect(calls.get('DescribeClustersV1/cn-hangzhou')).toBe(3);
    expect(calls.get('DescribeClustersV1/cn-shanghai')).toBe(1);
    expect(calls.get('DescribeClustersV1/cn-beijing')).toBe(DEFAULT_PAGING_LIMITS.maxPages);
    expect(calls.get('DescribeClustersV1/cn-shenzhen')).toBe(2);
  }, 60_000);

  it('KMS ListKeys repeating the same keys fails at the second page', async () => {
    answers.set('ListKeys/cn-hangzhou', () => ({
      Keys: { Key: [{ KeyId: 'key-a' }, { KeyId: 'key-b' }] },
      TotalCount: 30,
      PageSize: 2,
    }));
    const error = await failure(listKeyIds(session(), 'cn-hangzhou'));
    expect(error.kind).toBe('badAnswer');
    expect(error.message).toMatch(/^kms ListKeys in cn-hangzhou: .*page 2 repeats only items/);
    expect(calls.get('ListKeys/cn-hangzhou')).toBe(2);
  });

  it('ECS NextToken: the same token again, or fresh tokens that never end', async () => {
    answers.set('DescribeSecurityGroups/cn-hangzhou', () => ({
      SecurityGroups: { SecurityGroup: [] },
      NextToken: 'again',
    }));
    const again = await failure(describeSecurityGroupType(session(), 'cn-hangzhou', 'sg-1'));
    expect(again.message).toContain('a NextToken it gave before');
    expect(calls.get('DescribeSecurityGroups/cn-hangzhou')).toBe(2);

    answers.set('DescribeSecurityGroups/cn-shanghai', (_p, n) => ({
      SecurityGroups: { SecurityGroup: [] },
      NextToken: `t-${n}`,
    }));
    const endless = await failure(describeSecurityGroupType(session(), 'cn-shanghai', 'sg-1'));
    expect(endless.message).toContain(`did not end within ${DEFAULT_PAGING_LIMITS.maxPages} pages`);
    expect(calls.get('DescribeSecurityGroups/cn-shanghai')).toBe(DEFAULT_PAGING_LIMITS.maxPages);
  }, 60_000);

  it('ActionTrail: a token handed back twice fails; an endless fresh one is cut at the cap', async () => {
    const query = {
      regionId: 'cn-hangzhou',
      attributes: [{ key: 'EventName' as const, value: 'Decrypt' }],
    };
    answers.set('LookupEvents/cn-hangzhou', (_p, n) => ({
      Events: [{ eventId: `e-${n}`, eventName: 'Decrypt', eventTime: '2026-01-01T00:00:00Z' }],
      NextToken: 'same',
    }));
    const error = await failure(lookupAllEvents(session(), query, 10));
    expect(error.message).toMatch(/^actiontrail LookupEvents in cn-hangzhou: /);
    expect(calls.get('LookupEvents/cn-hangzhou')).toBe(2);

    answers.set('LookupEvents/cn-shanghai', (_p, n) => ({
      Events: [{ eventId: `e-${n}`, eventName: 'Decrypt', eventTime: '2026-01-01T00:00:00Z' }],
      NextToken: `t-${n}`,
    }));
    const cut = await lookupAllEvents(session(), { ...query, regionId: 'cn-shanghai' }, 3);
    expect(cut).toMatchObject({ truncated: true, pages: 3 });
    expect(calls.get('LookupEvents/cn-shanghai')).toBe(3);
  }, 30_000);
});
