// A cluster the last fleet snapshot does not have is looked up in the cloud by its id: one
// created since the refresh (added through the simulator's control API), a Basic cluster the
// fleet view leaves out, one in a region the accounts do not list; an id no account has is the
// cloud's "not found".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { CloudError } from '../../../electron/core/cloud/errors';
import { createChecksApi } from '../../../electron/core/checks/api';
import { createFleetApi } from '../../../electron/core/fleet/api';
import { peerAccounts } from '../../../electron/core/accounts/directory';
import { findClusterById } from '../../../electron/core/fleet/lookup';
import { realClock } from '../../../electron/core/util/clock';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';
import { testContext } from '../../support/test-context';

const ADDED = 'c0ffee00000000000000000000000aa01';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo' });
});
afterAll(() => sim.stop());
beforeEach(() => void sim.control.reset());

function fleetApi() {
  const { ctx } = testContext({ prefix: 'lookup' });
  // The accounts list cn-hangzhou only: cn-shanghai is "a region not yet listed".
  const calls: string[] = [];
  const directory = simDirectory(sim, {
    regions: ['cn-hangzhou'],
    onCall: (info) => calls.push(`${info.product}/${info.action}`),
  });
  const fleet = createFleetApi(ctx, directory);
  const checks = createChecksApi(ctx, {
    locate: fleet.service.locate,
    sessionFor: (accountId) => directory.sessionFor(accountId),
    peersOf: (accountId) => peerAccounts(directory, accountId),
    clockFor: () => realClock,
    lastChangeEndedAt: async () => null,
  });
  return { ...fleet, api: { ...fleet.api, ...checks.api }, calls };
}

async function addClusterViaControlApi(cluster: Record<string, unknown>) {
  const r = await fetch(`${sim.url}/__sim/clusters`, {
    method: 'POST',
    body: JSON.stringify({ accountId: DEMO.accounts.retail.id, cluster }),
  });
  expect(r.status).toBe(200);
}

describe('a cluster not in the last fleet snapshot', () => {
  it('created since the refresh, in a region not listed: found, and its checklist runs', async () => {
    const { api, service: fleet } = fleetApi();
    await api['fleet.refresh']({});
    await addClusterViaControlApi({
      id: ADDED,
      name: 'created-later-sh',
      regionId: 'cn-shanghai',
      vpcId: 'vpc-shdemoretail0001',
    });
    expect(await fleet.findCluster(ADDED)).toBeUndefined();

    const found = await api['fleet.cluster']({ clusterId: ADDED });
    expect(found).toMatchObject({
      clusterId: ADDED,
      accountId: ACCOUNT_IDS.retail,
      regionId: 'cn-shanghai',
      edition: 'edge-pro',
    });
    const list = await api['checks.run']({
      clusterId: ADDED,
      action: 'enable',
      keyId: 'alias/ack-secrets-sh',
    });
    expect(list).toMatchObject({ accountId: ACCOUNT_IDS.retail, regionId: 'cn-shanghai' });
    expect(list.keyId).toBe(DEMO.keys.otherRegion);
    expect(list.checks.find((c) => c.id === 'cluster.edition')?.status).toBe('pass');
    expect(list.checks.find((c) => c.id === 'key.exists')?.status).toBe('pass');
  });

  it('a Basic cluster the fleet view leaves out: the checklist says cluster.edition', async () => {
    const { api } = fleetApi();
    await api['fleet.refresh']({});
    const snapshot = (await api['fleet.snapshot']({}))!;
    expect(snapshot.clusters.some((c) => c.clusterId === DEMO.clusters.edgeBasic)).toBe(false);
    const list = await api['checks.run']({
      clusterId: DEMO.clusters.edgeBasic,
      action: 'enable',
      keyId: DEMO.keys.valid,
    });
    expect(list.ready).toBe(false);
    expect(list.checks.find((c) => c.id === 'cluster.edition')?.status).toBe('fail');
    expect((await api['fleet.cluster']({ clusterId: DEMO.clusters.edgeBasic })).edition).toBe(
      'edge-basic',
    );
  });

  it('is looked up in every saved account until found, or only in the named one', async () => {
    const { api } = fleetApi();
    // No snapshot at all: the logistics cluster is found by asking the accounts.
    expect(
      (await api['fleet.cluster']({ clusterId: DEMO.clusters.logisticsAdmin })).accountId,
    ).toBe(ACCOUNT_IDS.logistics);
    const wrongAccount = await api['fleet.cluster']({
      clusterId: DEMO.clusters.logisticsAdmin,
      accountId: ACCOUNT_IDS.retail,
    }).catch((e: unknown) => e);
    expect(wrongAccount).toBeInstanceOf(CloudError);
    expect((wrongAccount as CloudError).message).toContain('not found in account Retail');
  });

  it('names an account that could not be asked, since the cluster may be there', async () => {
    const directory = simDirectory(sim);
    const sessionFor = directory.sessionFor.bind(directory);
    directory.sessionFor = async (id) => {
      if (id !== ACCOUNT_IDS.factory) return sessionFor(id);
      throw new CloudError('The AccessKey is disabled.', {
        kind: 'auth',
        product: 'sts',
        action: 'AssumeRole',
        cloudCode: 'Forbidden.AccessKeyDisabled',
        httpStatus: 403,
        requestId: 'REQ-1',
      });
    };
    const error = await findClusterById(directory, DEMO.clusters.factoryNoServiceRole).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('auth');
    expect((error as CloudError).message).toContain(
      'not found in accounts Retail, Logistics; Factory could not be asked (Forbidden.AccessKeyDisabled',
    );
  });

  it("an id no account has is the cloud's not-found, naming the accounts asked", async () => {
    const { api, calls } = fleetApi();
    const error = await api['checks.run']({
      clusterId: 'c0000000000000000000000000000dead',
      action: 'disable',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).toContract()).toMatchObject({
      code: 'cloud',
      details: { kind: 'notFound', cloudCode: 'ErrorClusterNotFound' },
    });
    expect((error as CloudError).message).toMatch(
      /not found in accounts Retail, Logistics, Factory\. Check the cluster id/,
    );
    expect(calls.filter((c) => c === 'cs/DescribeClusterDetail')).toHaveLength(3);
  });
});
