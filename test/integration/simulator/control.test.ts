import * as $CS from '@alicloud/cs20151215';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, generateFleet, startSimulator, type Simulator } from '../../../simulator';
import { fleetAccessKey } from '../../../simulator/src/fixtures/generate';
import { creds, cs, failure, start } from './helpers';
import type { Json } from './helpers';

describe('control API over HTTP', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.stop());

  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${sim.url}/__sim${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, json: (await r.json()) as Json };
  };

  it('reads the world, advances time, changes keys and clusters, resets', async () => {
    expect((await call('GET', '/health')).json).toEqual({ ok: true });
    const w = (await call('GET', '/world')).json;
    expect(w.fixture).toBe('demo');
    expect(w.accounts.map((a: Json) => a.name)).toEqual([
      'demo-retail',
      'demo-logistics',
      'demo-factory',
    ]);
    expect(JSON.stringify(w)).not.toContain('demo-secret');
    const t0 = Date.parse((await call('GET', '/time')).json.now);
    const t1 = Date.parse((await call('POST', '/time/advance', { seconds: 3600 })).json.now);
    expect(t1 - t0).toBeGreaterThanOrEqual(3600_000);
    expect(
      (await call('POST', `/keys/${DEMO.keys.valid}/state`, { state: 'Disabled' })).json.state,
    ).toBe('Disabled');
    expect(
      (await call('POST', `/clusters/${DEMO.clusters.happy}/state`, { state: 'unavailable' })).json
        .state,
    ).toBe('unavailable');
    expect((await call('GET', `/clusters/${DEMO.clusters.updating}`)).json.state).toBe('running'); // transition done after 600 s
    expect((await call('POST', '/reset')).status).toBe(200);
    expect((await call('GET', `/keys/${DEMO.keys.valid}`)).json.state).toBe('Enabled');
    expect((await call('GET', '/nope')).status).toBe(404);
    const bad = await call('POST', '/fixture', {
      fixture: { name: 'broken', regions: [], accounts: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('regions');
  });

  it("adds a cluster behind the app's back, which the CS API then serves", async () => {
    const id = 'c0ffee0000000000000000000000000a1';
    const added = await call('POST', '/clusters', {
      accountId: DEMO.accounts.retail.id,
      cluster: { id, name: 'added-later', regionId: 'cn-shanghai' },
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ id, regionId: 'cn-shanghai', state: 'running' });
    const detail = await cs(sim, creds(DEMO.accessKeys.retailRoot)).describeClusterDetail(id);
    expect(detail.body?.clusterSpec).toBe('ack.pro.small');
    expect(
      (
        await call('POST', '/clusters', {
          accountId: DEMO.accounts.retail.id,
          cluster: { id, name: 'again', regionId: 'cn-shanghai' },
        })
      ).json.error,
    ).toContain('exists already');
    expect(
      (
        await call('POST', '/clusters', {
          accountId: 'nobody',
          cluster: { id: 'c2', name: 'x', regionId: 'cn-shanghai' },
        })
      ).status,
    ).toBe(400);
    await call('POST', '/reset');
    expect((await call('GET', `/clusters/${id}`)).status).toBe(404);
  });

  it('loads a fixture object and reports cross-reference problems with paths', async () => {
    const f = generateFleet({ accounts: 1, regions: 1, clustersPerRegion: 2, keysPerRegion: 1 });
    expect((await call('POST', '/fixture', { fixture: f })).json.accounts[0].clusters).toBe(2);
    const broken = structuredClone(f);
    broken.accounts[0]!.clusters![0]!.encryption = { keyId: 'key-ghost' };
    const r = await call('POST', '/fixture', { fixture: broken });
    expect(r.status).toBe(400);
    expect(r.json.error).toContain('key-ghost');
    await call('POST', '/fixture', { name: 'demo' });
  });
});

describe('time scale', () => {
  it('a 10-minute change takes about a second at timeScale 600', async () => {
    const sim = await start({ timeScale: 600 });
    try {
      const c = cs(sim, creds(DEMO.accessKeys.retailRoot));
      await c.updateKMSEncryption(
        DEMO.clusters.happy,
        new $CS.UpdateKMSEncryptionRequest({ kmsKeyId: DEMO.keys.valid, disableEncryption: false }),
      );
      const seen = new Set<string>();
      const t0 = Date.now();
      for (;;) {
        const s = (await c.describeClusterDetail(DEMO.clusters.happy)).body!.state!;
        seen.add(s);
        if (s === 'running' && seen.has('updating')) break;
        if (Date.now() - t0 > 5000) throw new Error(`stuck: ${[...seen]}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      // 5-minute cool-down is 0.5 s here.
      await new Promise((r) => setTimeout(r, 600));
      await c.updateKMSEncryption(
        DEMO.clusters.happy,
        new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
      );
    } finally {
      await sim.stop();
    }
  });
});

describe('large fleets', () => {
  it('builds 20 x 13 x 25 and serves it by account+region', async () => {
    const fleet = generateFleet({
      accounts: 20,
      regions: 13,
      clustersPerRegion: 25,
      keysPerRegion: 10,
    });
    const sim = await startSimulator({ fixture: fleet, port: 0, pageCaps: false });
    try {
      const ak = fleetAccessKey(7);
      const c = cs(sim, { accessKeyId: ak.id, accessKeySecret: ak.secret });
      const r = await c.describeClustersV1(
        new $CS.DescribeClustersV1Request({ regionId: 'cn-hangzhou', pageSize: 100 }),
      );
      expect(r.body!.pageInfo!.totalCount).toBe(25);
      const all = await c.describeClustersV1(new $CS.DescribeClustersV1Request({ pageSize: 100 }));
      expect(all.body!.pageInfo!.totalCount).toBe(13 * 25);
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          c.describeClusterDetail(all.body!.clusters![i]!.clusterId!),
        ),
      );
      expect(sim.control.summary().accounts).toHaveLength(20);
      expect(await failure(c.describeClusterDetail(`c${'0'.repeat(32)}`))).toMatchObject({
        statusCode: 404,
      });
    } finally {
      await sim.stop();
    }
  });
});
