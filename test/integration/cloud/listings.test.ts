// Every listing the app makes, through the official SDKs against the simulator with its page-size
// caps turned down to 1 or 2 items a page: the app must collect the same items as with no caps,
// in exactly one call per page. (Before paging by what arrives, a cap below the app's page size
// silently cut CS and KMS listings to their first page.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { PageCaps, PagedApi, Simulator } from '../../../simulator';
import { lookupAllEvents } from '../../../electron/core/cloud/actiontrail';
import { describeClusterTasks } from '../../../electron/core/cloud/cs-encryption';
import { listClusters } from '../../../electron/core/cloud/cs';
import {
  describeSecurityGroupEgress,
  describeSecurityGroupType,
} from '../../../electron/core/cloud/ecs';
import { listAliases, listKeyIds } from '../../../electron/core/cloud/kms';
import type { CloudSession } from '../../../electron/core/cloud/session';
import { describeVSwitch } from '../../../electron/core/cloud/vpc';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';

const HZ = 'cn-hangzhou';
let sim: Simulator;
let retail: CloudSession;

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
  retail = simDirectory(sim).sessions.get(ACCOUNT_IDS.retail)!;
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

/** Runs `list` with no caps and with `api` capped at `cap`; returns both and the calls made. */
async function underCap<T>(api: PagedApi, cap: number, list: () => Promise<T>) {
  sim.control.pageSizeCapsOff();
  const uncapped = await list();
  sim.control.setPageSizeCaps({ [api]: cap } as Partial<PageCaps>);
  const before = sim.control.requestCount(api);
  const capped = await list();
  return { uncapped, capped, calls: sim.control.requestCount(api) - before };
}

const sorted = (xs: string[]) => [...xs].sort();

describe('every listing collects all pages when the cloud serves fewer items than asked', () => {
  it('CS DescribeClustersV1 (listClusters)', async () => {
    const { uncapped, capped, calls } = await underCap('cs/DescribeClustersV1', 2, () =>
      listClusters(retail, { regionId: HZ, profile: 'Edge' }),
    );
    const ids = uncapped.map((c) => c.clusterId);
    expect(ids.length).toBeGreaterThan(4);
    expect(sorted(capped.map((c) => c.clusterId))).toEqual(sorted(ids));
    expect(calls).toBe(Math.ceil(ids.length / 2));
  });

  it('CS DescribeClusterTasks (describeClusterTasks): every task, not page 1 of 20', async () => {
    const cluster = sim.control.world.clusters.get(DEMO.clusters.happy)!;
    const now = sim.control.now();
    for (let i = 0; i < 7; i += 1) {
      const id = `T-paging-${i}`;
      sim.control.world.tasks.set(id, {
        id,
        clusterId: cluster.id,
        accountId: cluster.accountId,
        type: 'cluster_kms_encryption_update',
        state: 'success',
        created: now - (i + 10) * 60_000,
        updated: now - (i + 9) * 60_000,
        stage: 'Success',
        parameters: {},
      });
      cluster.taskIds.push(id);
    }
    const { uncapped, capped, calls } = await underCap('cs/DescribeClusterTasks', 2, () =>
      describeClusterTasks(retail, HZ, DEMO.clusters.happy),
    );
    expect(uncapped.length).toBeGreaterThanOrEqual(7);
    expect(sorted(capped.map((t) => t.taskId))).toEqual(sorted(uncapped.map((t) => t.taskId)));
    expect(calls).toBe(Math.ceil(uncapped.length / 2));
  });

  it('KMS ListKeys, with and without a filter (listKeyIds)', async () => {
    const all = await underCap('kms/ListKeys', 2, () => listKeyIds(retail, HZ));
    expect(all.uncapped.length).toBeGreaterThan(4);
    expect(sorted(all.capped)).toEqual(sorted(all.uncapped));
    expect(all.calls).toBe(Math.ceil(all.uncapped.length / 2));

    const service = await underCap('kms/ListKeys', 1, () =>
      listKeyIds(retail, HZ, [{ Key: 'CreatorType', Values: ['Service'] }]),
    );
    expect(service.capped).toEqual([DEMO.keys.service]);
    expect(service.calls).toBe(1);
  });

  it('KMS ListAliases (listAliases)', async () => {
    const { uncapped, capped, calls } = await underCap('kms/ListAliases', 1, () =>
      listAliases(retail, HZ),
    );
    const count = [...uncapped.values()].flat().length;
    expect(count).toBeGreaterThan(2);
    expect(capped).toEqual(uncapped);
    expect(calls).toBe(count);
  });

  it('ActionTrail LookupEvents (lookupAllEvents, as verify pages it)', async () => {
    const query = {
      regionId: HZ,
      startTime: new Date(sim.control.now() - 86_400_000),
      endTime: new Date(sim.control.now()),
      attributes: [
        { key: 'ServiceName' as const, value: 'Kms' },
        { key: 'EventName' as const, value: 'Decrypt' },
      ],
    };
    const { uncapped, capped, calls } = await underCap('actiontrail/LookupEvents', 3, () =>
      lookupAllEvents(retail, query, 100),
    );
    expect(uncapped.events.length).toBeGreaterThan(6);
    expect(uncapped.truncated).toBe(false);
    expect(capped.truncated).toBe(false);
    expect(sorted(capped.events.map((e) => e.eventId))).toEqual(
      sorted(uncapped.events.map((e) => e.eventId)),
    );
    expect(calls).toBe(Math.ceil(uncapped.events.length / 3));
  }, 30_000);

  it('ECS DescribeSecurityGroups and DescribeSecurityGroupAttribute', async () => {
    const type = await underCap('ecs/DescribeSecurityGroups', 1, () =>
      describeSecurityGroupType(retail, HZ, DEMO.securityGroups.enterpriseAllow),
    );
    expect(type.capped.type).toBe('enterprise');
    expect(type.calls).toBe(1);

    const egress = await underCap('ecs/DescribeSecurityGroupAttribute', 1, () =>
      describeSecurityGroupEgress(retail, 'cn-shanghai', DEMO.securityGroups.basicDropAll),
    );
    expect(egress.uncapped.rules.length).toBeGreaterThan(1);
    expect(egress.capped.rules).toEqual(egress.uncapped.rules);
    expect(egress.calls).toBe(egress.uncapped.rules.length);
  });

  it('VPC DescribeVSwitches (describeVSwitch)', async () => {
    const cluster = sim.control.cluster(DEMO.clusters.happy)!;
    const vsw = sim.control.world.clusters.get(cluster.id)!.vswitchIds[0]!;
    const { uncapped, capped, calls } = await underCap('vpc/DescribeVSwitches', 1, () =>
      describeVSwitch(retail, HZ, vsw),
    );
    expect(capped).toMatchObject({ vSwitchId: vsw, vpcId: uncapped.vpcId });
    expect(calls).toBe(1);
  });
});
