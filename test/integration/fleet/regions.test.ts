// Regions are input: a region id from the cloud is validated before it becomes a host name, and a
// region where KMS or ActionTrail has no endpoint says so without a call, wherever it shows up
// (the fleet's key health, the key list, the proof).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, loadFixture, startSimulator } from '../../../simulator';
import type { Fixture, Simulator } from '../../../simulator';
import { CloudError } from '../../../electron/core/cloud/errors';
import type { CallInfo } from '../../../electron/core/cloud/session';
import { runChecklist } from '../../../electron/core/checks/run';
import { listKeys } from '../../../electron/core/keys/inventory';
import { Inventory } from '../../../electron/core/fleet/inventory';
import { verifyEncryption } from '../../../electron/core/verify';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

const ZW = 'cn-zhongwei';
const ZW_CLUSTER = 'c0000zhongweiencrypted0000000001';
const ZW_KEY = 'key-zwd6demovalid000000001';

/** The demo world plus an encrypted Edge Pro cluster in cn-zhongwei (no KMS endpoint there). */
function withZhongwei(): Fixture {
  const fixture = structuredClone(loadFixture('demo')) as Fixture;
  fixture.regions.push({
    regionId: ZW,
    localName: 'China (Zhongwei)',
    edge: true,
    actionTrail: false,
  });
  const retail = fixture.accounts.find((a) => a.id === DEMO.accounts.retail.id)!;
  const template = retail.keys.find((k) => k.id === DEMO.keys.valid)!;
  retail.keys.push({ ...structuredClone(template), id: ZW_KEY, regionId: ZW, aliases: [] });
  const cluster = retail.clusters.find((c) => c.id === DEMO.clusters.encrypted)!;
  retail.clusters.push({
    ...structuredClone(cluster),
    id: ZW_CLUSTER,
    name: 'edge-pro-zw-encrypted',
    regionId: ZW,
    vpcId: '',
    vswitchIds: [],
    securityGroupId: '',
    encryption: { keyId: ZW_KEY },
  });
  return fixture;
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ fixture: withZhongwei() });
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

describe('region ids from the cloud are input', () => {
  it('drops and reports region ids that are not region ids, and never calls there', async () => {
    for (const hostile of ['evil.com/x', 'cn-hangzhou.attacker.net', 'cn-\u202ehangzhou']) {
      sim.control.world.regions.set(hostile, {
        regionId: hostile,
        localName: 'hostile',
        edge: true,
        actionTrail: true,
      });
    }
    const seen: CallInfo[] = [];
    const result = await new Inventory(simDirectory(sim, { onCall: (c) => seen.push(c) })).refresh({
      accountIds: [ACCOUNT_IDS.retail],
    });

    expect(result.clusters.map((c) => c.clusterId)).toContain(DEMO.clusters.happy);
    const reported = result.failures.filter((f) => f.code === 'InvalidRegionId');
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ accountId: ACCOUNT_IDS.retail, kind: 'badAnswer' });
    expect(reported[0]!.message).toContain('"evil.com/x", "cn-hangzhou.attacker.net"');
    expect(reported[0]!.message).toContain('"cn-\\u202ehangzhou"'); // escaped, not a bidi override
    expect(reported[0]!.message).not.toContain('\u202e');
    expect(reported[0]!.message).toContain('ignored');
    expect(seen.some((c) => c.action === 'DescribeRegions')).toBe(true);
    expect(seen.filter((c) => c.regionId.includes('.') || c.regionId.includes('/'))).toEqual([]);
    expect(result.failures.filter((f) => f.code !== 'InvalidRegionId')).toEqual([]);
  });
});

describe('a region without KMS or ActionTrail', () => {
  it('the fleet lists the cluster, marks its key health unknown, and asks KMS nothing there', async () => {
    const seen: CallInfo[] = [];
    const result = await new Inventory(
      simDirectory(sim, { onCall: (c) => seen.push(c), regions: ['cn-hangzhou', ZW] }),
    ).refresh({ accountIds: [ACCOUNT_IDS.retail] });
    expect(result.failures).toEqual([]);
    const zw = result.clusters.find((c) => c.clusterId === ZW_CLUSTER);
    expect(zw?.encryption).toMatchObject({ posture: 'encrypted', keyId: ZW_KEY });
    expect(zw?.key).toEqual({ keyId: ZW_KEY, aliases: [], health: 'unknown' });
    expect(seen.filter((c) => c.product === 'kms' && c.regionId === ZW)).toEqual([]);
    // The other region's keys were still checked.
    expect(seen.some((c) => c.product === 'kms' && c.regionId === 'cn-hangzhou')).toBe(true);
  });

  it('the key list says KMS is not offered there (not a network error), without a call', async () => {
    const seen: CallInfo[] = [];
    const session = simDirectory(sim, { onCall: (c) => seen.push(c) }).sessions.get(
      ACCOUNT_IDS.retail,
    )!;
    const error = await listKeys(session, ZW, new Map()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('unavailable');
    expect((error as CloudError).message).toMatch(
      /^KMS is not offered in region cn-zhongwei: keys cannot be checked here/,
    );
    expect(seen).toEqual([]);
  });

  it('the checklist says why the key cannot be checked there', async () => {
    const seen: CallInfo[] = [];
    const session = simDirectory(sim, { onCall: (c) => seen.push(c) }).sessions.get(
      ACCOUNT_IDS.retail,
    )!;
    const checklist = await runChecklist({
      session,
      accountId: ACCOUNT_IDS.retail,
      clusterId: ZW_CLUSTER,
      regionId: ZW,
      action: 'disable',
      keyId: null,
      now: Date.now(),
    });
    const key = checklist.checks.find((c) => c.id === 'key.state')!;
    expect(key.status).toBe('unknown');
    expect(key.summary).toContain('KMS is not offered in region cn-zhongwei');
    expect(key.summary).not.toContain('unavailable error');
    expect(seen.filter((c) => c.product === 'kms')).toEqual([]);
  });

  it('the proof is unavailable there, the same outcome as for other regions without ActionTrail', async () => {
    const seen: CallInfo[] = [];
    const session = simDirectory(sim, { onCall: (c) => seen.push(c) }).sessions.get(
      ACCOUNT_IDS.retail,
    )!;
    const now = new Date(sim.control.now());
    const result = await verifyEncryption(session, {
      clusterId: ZW_CLUSTER,
      regionId: ZW,
      keyId: ZW_KEY,
      action: 'enable',
      since: now,
      now,
    });
    expect(result).toMatchObject({ status: 'unavailable', reason: 'region-without-actiontrail' });
    expect(seen).toEqual([]);
  });
});
