// Page-size caps: on by default, below what clients ask for, echoed like the cloud echoes the
// size it used, and set through the control API (programmatic and HTTP).
import * as $CS from '@alicloud/cs20151215';
import * as $VPC from '@alicloud/vpc20160428';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_CAPS, DEMO, PAGED_APIS, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { creds, cs, kms, start, vpc } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

const root = creds(DEMO.accessKeys.retailRoot);

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('page-size caps', () => {
  it('cover every listing, on by default and smaller than what the app asks for', () => {
    expect(Object.keys(DEFAULT_PAGE_CAPS).sort()).toEqual([...PAGED_APIS].sort());
    expect(sim.control.pageSizeCaps()).toEqual(DEFAULT_PAGE_CAPS);
    for (const cap of Object.values(DEFAULT_PAGE_CAPS)) {
      expect(cap).not.toBeNull();
      expect(cap!).toBeLessThanOrEqual(10);
    }
  });

  it('cap CS page_info and KMS/VPC PageSize, and echo the size used', async () => {
    const clusters = await cs(sim, root).describeClustersV1(
      new $CS.DescribeClustersV1Request({ regionId: 'cn-hangzhou', pageSize: 50 }),
    );
    const cap = DEFAULT_PAGE_CAPS['cs/DescribeClustersV1']!;
    expect(clusters.body!.clusters).toHaveLength(cap);
    expect(clusters.body!.pageInfo).toMatchObject({ pageNumber: 1, pageSize: cap });
    expect(clusters.body!.pageInfo!.totalCount!).toBeGreaterThan(cap);

    const keys = await kms(sim, root)('ListKeys', { PageSize: 100 });
    expect(keys.body.PageSize).toBe(DEFAULT_PAGE_CAPS['kms/ListKeys']);
    expect(keys.body.Keys.Key).toHaveLength(DEFAULT_PAGE_CAPS['kms/ListKeys']!);

    const vsw = await vpc(sim, root).describeVSwitches(
      new $VPC.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou', pageSize: 50 }),
    );
    expect(vsw.body!.pageSize).toBe(DEFAULT_PAGE_CAPS['vpc/DescribeVSwitches']);
  });

  it('are set per API (lower, or off) and reset() restores the start options', async () => {
    sim.control.setPageSizeCaps({ 'kms/ListKeys': 1 });
    expect((await kms(sim, root)('ListKeys', { PageSize: 100 })).body.Keys.Key).toHaveLength(1);
    sim.control.setPageSizeCaps({ 'kms/ListKeys': null });
    const uncapped = await kms(sim, root)('ListKeys', { PageSize: 100 });
    expect(uncapped.body.Keys.Key).toHaveLength(uncapped.body.TotalCount);
    sim.control.reset();
    expect(sim.control.pageSizeCaps()['kms/ListKeys']).toBe(DEFAULT_PAGE_CAPS['kms/ListKeys']);
    expect(() => sim.control.setPageSizeCaps({ 'kms/ListKeys': 0 })).toThrow(/at least 1/);
  });

  it('are read and set over HTTP, with a clear 400 for a bad request', async () => {
    expect((await control('GET', '/paging')).body).toEqual(DEFAULT_PAGE_CAPS);
    const set = await control('POST', '/paging', { caps: { 'cs/DescribeClustersV1': 1 } });
    expect(set.status).toBe(200);
    expect(set.body['cs/DescribeClustersV1']).toBe(1);
    const page = await cs(sim, root).describeClustersV1(
      new $CS.DescribeClustersV1Request({ regionId: 'cn-hangzhou', pageSize: 50 }),
    );
    expect(page.body!.clusters).toHaveLength(1);
    const bad = await control('POST', '/paging', { caps: { 'cs/Nope': 2 } });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain('no paged API cs/Nope');
    const off = await control('POST', '/paging', { off: true });
    expect(Object.values(off.body).every((v) => v === null)).toBe(true);
    const restored = await control('POST', '/paging', { restore: true });
    expect(restored.body).toEqual(DEFAULT_PAGE_CAPS);
  });

  it('can start off, or with caps of its own', async () => {
    const none = await startSimulator({ pageCaps: false });
    const low = await startSimulator({ pageCaps: { 'kms/ListKeys': 2 } });
    try {
      expect(Object.values(none.control.pageSizeCaps()).every((v) => v === null)).toBe(true);
      expect(low.control.pageSizeCaps()['kms/ListKeys']).toBe(2);
      expect(low.control.pageSizeCaps()['cs/DescribeClustersV1']).toBe(
        DEFAULT_PAGE_CAPS['cs/DescribeClustersV1'],
      );
      low.control.setPageSizeCaps({ 'kms/ListKeys': 5 });
      low.control.reset();
      expect(low.control.pageSizeCaps()['kms/ListKeys']).toBe(2);
    } finally {
      await none.stop();
      await low.stop();
    }
  });
});
