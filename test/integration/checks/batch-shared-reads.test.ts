// A batch plan shares the network reads of network.kmsEgress: two clusters on the same vSwitch
// (with a network ACL bound) and the same security group cost one DescribeVSwitches, one
// DescribeNetworkAclAttributes and one read of the group, counted at the session as the
// official SDK calls the simulator (first attempts only: a retry is the same read). Without the
// batch cache each cluster's checklist would read each of them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { planBatch } from '../../../electron/core/batch/plan';
import { ChecksService } from '../../../electron/core/checks/api';
import { peerAccounts } from '../../../electron/core/accounts/directory';
import { FleetService } from '../../../electron/core/fleet/service';
import { realClock } from '../../../electron/core/util/clock';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';
import { testContext } from '../../support/test-context';

const TWIN = 'c0ffee00000000000000000000000bb02';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
  // Beside the demo's encrypted cluster: same vSwitch (network ACL nacl-hzdemoallow0001), same
  // security group.
  sim.control.addCluster(DEMO.accounts.retail.id, {
    id: TWIN,
    name: 'edge-pro-hz-acl-twin',
    regionId: 'cn-hangzhou',
    profile: 'Edge',
    clusterSpec: 'ack.pro.small',
    vpcId: 'vpc-hzdemoretail0001',
    vswitchIds: ['vsw-hzdemoaclok00001'],
    securityGroupId: 'sg-hzdemoentallow01',
  });
});
afterAll(() => sim.stop());

describe('a batch plan over two clusters on one vSwitch', () => {
  it('reads the vSwitch, its network ACL and the security group once', async () => {
    const calls: string[] = [];
    const directory = simDirectory(sim, {
      regions: ['cn-hangzhou'],
      // Each call once, however many attempts the session needed to get it through.
      onCall: (info) => void (info.attempt === 1 && calls.push(info.action)),
    });
    const { ctx } = testContext({ prefix: 'shared-reads' });
    const fleet = new FleetService(ctx, directory);
    const snapshot = await fleet.refresh({ accountIds: [ACCOUNT_IDS.retail] });
    const checks = new ChecksService({
      sessionFor: (accountId) => directory.sessionFor(accountId),
      peersOf: (accountId) => peerAccounts(directory, accountId),
      clockFor: () => realClock,
      lastChangeEndedAt: async () => null,
      now: Date.now,
    });
    calls.length = 0;
    const plan = await planBatch(
      {
        action: 'enable',
        keyId: DEMO.keys.valid,
        scope: { clusterIds: [DEMO.clusters.encrypted, TWIN] },
      },
      'batch-shared-reads',
      { clusters: async () => snapshot, checks, now: Date.now },
    );

    // Both clusters were checked, egress included, and the ACL was read (it decided a layer).
    expect(plan.items.map((i) => i.clusterId).sort()).toEqual(
      [DEMO.clusters.encrypted, TWIN].sort(),
    );
    for (const item of plan.items) {
      expect(item.checklist, item.reasons.join('; ')).not.toBeNull();
      expect(item.reasons.join('; ')).not.toContain('network.kmsEgress');
    }
    const count = (action: string) => calls.filter((a) => a === action).length;
    expect(count('DescribeVSwitches')).toBe(1);
    expect(count('DescribeNetworkAclAttributes')).toBe(1);
    expect(count('DescribeSecurityGroups')).toBe(1);
    expect(count('DescribeSecurityGroupAttribute')).toBe(1);
  });
});
