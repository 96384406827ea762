import * as $CS from '@alicloud/cs20151215';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  generateFleet,
  loadFixture,
  startSimulator,
  type Simulator,
} from '../../../simulator';
import { fleetAccessKey } from '../../../simulator/src/fixtures/generate';
import { creds, cs, failure, start } from './helpers';
import type { Json } from './helpers';

/** One control API call, its status and JSON answer. */
async function control(sim: Simulator, method: string, path: string, body?: unknown) {
  const r = await fetch(`${sim.url}/__sim${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as Json };
}

describe('control API over HTTP', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.stop());

  const call = (method: string, path: string, body?: unknown) => control(sim, method, path, body);

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

describe("serving stats over HTTP (what the bench reports as the simulated cloud's cost)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.stop());

  const call = (method: string, path: string, body?: unknown) => control(sim, method, path, body);

  it('counts the cloud requests served since the start, with their CPU and loop delay', async () => {
    expect((await call('GET', '/stats')).status).toBe(409);
    // Each request waits on a timer, so the loop is sampled while it is in flight.
    await call('POST', '/faults', { kind: 'latency', ms: 30, rate: 1 });
    const c = cs(sim, creds(DEMO.accessKeys.retailRoot));
    await c.describeClusterDetail(DEMO.clusters.happy); // before the start: not counted
    const started = await call('POST', '/stats/start');
    expect(started.json).toMatchObject({ requests: 0, peakInFlight: 0 });
    const n = 4;
    for (let i = 0; i < n; i++) {
      await c.describeClusterDetail(DEMO.clusters.happy);
      await call('GET', '/requests'); // the control API's own requests are not counted
    }
    const stats = (await call('GET', '/stats')).json;
    expect(stats.requests).toBe(n);
    expect(stats.cpuMs).toBeGreaterThan(0);
    expect(stats.cpuPerRequestMs).toBeCloseTo(stats.cpuMs / n);
    expect(stats.peakInFlight).toBe(1);
    expect(stats.servingMs).toBeGreaterThan(0);
    expect(stats.windowMs).toBeGreaterThanOrEqual(stats.servingMs);
    expect(stats.loopDelayMs.samples).toBeGreaterThan(0);
    expect(stats.loopDelayMs.p99).toBeGreaterThan(0);
    expect(stats.loopDelayMs.max).toBeGreaterThanOrEqual(stats.loopDelayMs.p99);
    expect(stats.requestMs.max).toBeGreaterThan(25); // the injected 30 ms (timers may fire a little early)
    // A new world is a new window: building it is not serving.
    await call('POST', '/fixture', { name: 'demo' });
    expect((await call('GET', '/stats')).json.requests).toBe(0);
  });
});

describe('simulated time drives a change', () => {
  // Time moves only through the control API here (timeScale 1: the test's own few real
  // milliseconds are nothing beside the minutes it advances), so nothing depends on the speed of
  // the machine. The scaled clock itself is unit-tested (test/unit/simulator/fixtures.test.ts).
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start();
  });
  afterAll(() => sim.stop());

  const control = async (method: string, path: string, body?: unknown) =>
    (await (
      await fetch(`${sim.url}/__sim${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json()) as Json;
  const advance = (seconds: number) => control('POST', '/time/advance', { seconds });
  const cluster = () => control('GET', `/clusters/${DEMO.clusters.happy}`);

  it('updating for the documented duration, then running; refused in the cooldown, accepted after', async () => {
    const { timing } = loadFixture('demo');
    const c = cs(sim, creds(DEMO.accessKeys.retailRoot));
    await c.updateKMSEncryption(
      DEMO.clusters.happy,
      new $CS.UpdateKMSEncryptionRequest({ kmsKeyId: DEMO.keys.valid, disableEncryption: false }),
    );
    await advance(timing.stateLagSeconds + 1);
    expect((await cluster()).state).toBe('updating');
    // A second change while the first is under way is refused.
    expect(
      await failure(
        c.updateKMSEncryption(
          DEMO.clusters.happy,
          new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
        ),
      ),
    ).toMatchObject({ statusCode: 409 });
    await advance(timing.kmsUpdateSeconds);
    const done = await cluster();
    expect(done.state).toBe('running');
    expect(done.encryption).toMatchObject({ keyId: DEMO.keys.valid });
    expect(done.lastKmsChangeEnd).toEqual(expect.any(String));

    // Inside the 5-minute cooldown after the change ended: 409, saying when to retry.
    const early = await failure(
      c.updateKMSEncryption(
        DEMO.clusters.happy,
        new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
      ),
    );
    expect(early).toMatchObject({ statusCode: 409 });
    expect(String(early.message)).toContain('less than 5 minutes ago');
    await advance(timing.cooldownSeconds + 1);
    const accepted = await c.updateKMSEncryption(
      DEMO.clusters.happy,
      new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
    );
    expect(accepted.statusCode).toBe(200);
    await advance(timing.stateLagSeconds + 1);
    expect((await cluster()).state).toBe('updating');
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
