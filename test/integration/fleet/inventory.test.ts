import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { Inventory } from '../../../electron/core/fleet/inventory';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.control.reset();
  sim.control.clearFaults();
});

describe('fleet inventory against the simulator', () => {
  it('finds the Edge Pro clusters of every account across regions, with their encryption', async () => {
    const result = await new Inventory(simDirectory(sim)).refresh();
    expect(result.failures).toEqual([]);
    const ids = result.clusters.map((c) => c.clusterId);
    expect(ids).toContain(DEMO.clusters.happy);
    expect(ids).toContain(DEMO.clusters.blockedSecurityGroup); // cn-wuhan-lr
    expect(ids).toContain(DEMO.clusters.logisticsNoRbac);
    expect(ids).toContain(DEMO.clusters.factoryNoServiceRole);
    // Basic and non-Edge clusters are not ours unless asked.
    expect(ids).not.toContain(DEMO.clusters.edgeBasic);
    expect(ids).not.toContain(DEMO.clusters.proDefault);
    expect(result.clusters.every((c) => c.edition === 'edge-pro')).toBe(true);

    const byId = new Map(result.clusters.map((c) => [c.clusterId, c]));
    expect(byId.get(DEMO.clusters.encrypted)?.encryption).toMatchObject({
      posture: 'encrypted',
      enabled: true,
      keyId: DEMO.keys.protectedInUse,
    });
    expect(byId.get(DEMO.clusters.happy)?.encryption).toMatchObject({
      posture: 'not-encrypted',
      enabled: false,
    });
    expect(byId.get(DEMO.clusters.happy)?.accountId).toBe(ACCOUNT_IDS.retail);
    expect(byId.get(DEMO.clusters.failed)?.state).toBe('failed');
  });

  it('reads a cluster the list does not describe from its detail, and reuses that answer', async () => {
    // The demo lists these two with a meta_data without Capabilities.
    const bare = [DEMO.clusters.encrypted, DEMO.clusters.blockedAcl];
    const before = sim.control.requestCount('cs/DescribeClusterDetail');
    const inventory = new Inventory(simDirectory(sim));
    const first = await inventory.refresh({ accountIds: [ACCOUNT_IDS.retail] });
    expect(sim.control.requestCount('cs/DescribeClusterDetail') - before).toBe(bare.length);
    const byId = new Map(first.clusters.map((c) => [c.clusterId, c]));
    expect(byId.get(DEMO.clusters.encrypted)?.encryption).toEqual({
      posture: 'encrypted',
      enabled: true,
      keyId: DEMO.keys.protectedInUse,
    });
    expect(byId.get(DEMO.clusters.encrypted)?.key?.keyId).toBe(DEMO.keys.protectedInUse);
    expect(byId.get(DEMO.clusters.blockedAcl)?.encryption.posture).toBe('not-encrypted');

    // The next refresh keeps the detail's answer while the cluster's updated time stands.
    const again = await inventory.refresh({
      accountIds: [ACCOUNT_IDS.retail],
      previous: (id) => byId.get(id),
    });
    expect(sim.control.requestCount('cs/DescribeClusterDetail') - before).toBe(bare.length);
    expect(again.clusters.find((c) => c.clusterId === DEMO.clusters.encrypted)?.encryption).toEqual(
      byId.get(DEMO.clusters.encrypted)?.encryption,
    );
  });

  it('says unknown, never "not encrypted", when the detail cannot be read either', async () => {
    sim.control.addFault({
      kind: 'error500',
      product: 'cs',
      action: 'DescribeClusterDetail',
      rate: 1,
      status: 403,
      code: 'Forbidden.RAM',
    });
    const result = await new Inventory(simDirectory(sim)).refresh({
      accountIds: [ACCOUNT_IDS.retail],
    });
    const byId = new Map(result.clusters.map((c) => [c.clusterId, c]));
    expect(byId.get(DEMO.clusters.encrypted)?.encryption).toEqual({
      posture: 'unknown',
      enabled: null,
      keyId: null,
    });
    expect(byId.get(DEMO.clusters.happy)?.encryption.posture).toBe('not-encrypted');
  });

  it('adds ACK Pro clusters of the Default profile on request, never Basic ones', async () => {
    const result = await new Inventory(simDirectory(sim)).refresh({ includeAckPro: true });
    const ids = result.clusters.map((c) => c.clusterId);
    expect(ids).toContain(DEMO.clusters.proDefault);
    expect(ids).toContain(DEMO.clusters.factoryProDefault);
    expect(ids).not.toContain(DEMO.clusters.edgeBasic);
  });

  it('reports a throttled, an HTML 502 and a silent region beside the others', async () => {
    sim.control.addFault({
      kind: 'throttle',
      product: 'cs',
      action: 'DescribeClustersV1',
      regionId: 'cn-shanghai',
      rate: 1,
      retryAfterMs: 10,
    });
    sim.control.addFault({
      kind: 'html502',
      product: 'cs',
      action: 'DescribeClustersV1',
      regionId: 'cn-beijing',
      rate: 1,
    });
    sim.control.addFault({
      kind: 'hang',
      product: 'cs',
      action: 'DescribeClustersV1',
      regionId: 'cn-shenzhen',
      rate: 1,
    });
    const directory = simDirectory(sim, { timeouts: { connectMs: 500, readMs: 700 } });
    const result = await new Inventory(directory).refresh({ accountIds: [ACCOUNT_IDS.retail] });

    const failed = Object.fromEntries(result.failures.map((f) => [f.regionId, f.kind]));
    expect(failed).toEqual({
      'cn-shanghai': 'throttled',
      'cn-beijing': 'server',
      'cn-shenzhen': 'network',
    });
    const regions = new Set(result.clusters.map((c) => c.regionId));
    expect(regions.has('cn-hangzhou')).toBe(true);
    expect(regions.has('cn-wuhan-lr')).toBe(true);
    expect(regions.has('cn-shanghai')).toBe(false);
    expect(result.listings.map((l) => l.regionId).sort()).toEqual(['cn-hangzhou', 'cn-wuhan-lr']);
  });

  it('recovers from a passing throttle by retrying', async () => {
    sim.control.addFault({
      kind: 'throttle',
      product: 'cs',
      action: 'DescribeClustersV1',
      regionId: 'cn-hangzhou',
      count: 2,
      retryAfterMs: 10,
    });
    const result = await new Inventory(simDirectory(sim)).refresh({
      accountIds: [ACCOUNT_IDS.retail],
    });
    expect(result.failures).toEqual([]);
    expect(result.clusters.map((c) => c.clusterId)).toContain(DEMO.clusters.happy);
  });

  it('reports an account whose credentials are refused, and still lists the others', async () => {
    const directory = simDirectory(sim);
    const logistics = directory.sessions.get(ACCOUNT_IDS.logistics)!;
    (
      logistics.options as {
        credentials: () => Promise<{ accessKeyId: string; accessKeySecret: string }>;
      }
    ).credentials = async () => ({
      accessKeyId: DEMO.accessKeys.logisticsEngineer,
      accessKeySecret: 'wrong-secret-000000000000000000',
    });
    const result = await new Inventory(directory).refresh();
    expect(result.failures).toEqual([
      expect.objectContaining({
        accountId: ACCOUNT_IDS.logistics,
        regionId: null,
        kind: 'auth',
        code: 'SignatureDoesNotMatch',
      }),
    ]);
    expect(result.clusters.some((c) => c.accountId === ACCOUNT_IDS.retail)).toBe(true);
    expect(result.clusters.some((c) => c.accountId === ACCOUNT_IDS.factory)).toBe(true);
  });

  it('fans out: with latency on every list call, regions cost about one chain, not their sum', async () => {
    const latency = 300;
    sim.control.addFault({
      kind: 'latency',
      product: 'cs',
      action: 'DescribeClustersV1',
      ms: latency,
      rate: 1,
    });
    const directory = simDirectory(sim, { regions: DEMO.regions as unknown as string[] });
    const started = performance.now();
    const result = await new Inventory(directory).refresh();
    const wall = performance.now() - started;
    const listCalls = 3 * DEMO.regions.length; // every account x region, one page each
    expect(result.failures).toEqual([]);
    // Loose on purpose (exact figures are the benchmark's): well under the sequential sum.
    expect(wall).toBeLessThan(0.5 * listCalls * latency);
  });
});
