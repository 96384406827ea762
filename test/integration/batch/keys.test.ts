// Batches across customers, through the SDK against the simulator: each (account, region) gets
// its own key (a KMS key is one account's, one region's), a group without one is skipped with the
// fix, and a key created with keys.create fills a group the recommendation left empty.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import demo from '../../../simulator/src/fixtures/demo.json' with { type: 'json' };
import { DEMO, startSimulator } from '../../../simulator';
import type { FixtureInput, Simulator } from '../../../simulator';
import type { BatchView } from '../../../electron/contract';
import { createCompliantKey } from '../../../electron/core/keys/create';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';
import { batchHarness } from './harness';
import type { BatchHarness } from './harness';

const SCALE = 600;
let sim: Simulator;
let h: BatchHarness;

/** The demo world, with the logistics engineer allowed to manage keys (as retail's root is). */
function twoCustomers(): FixtureInput {
  const world = structuredClone(demo) as unknown as FixtureInput & {
    accounts: { users?: { name: string; policies?: { name: string }[] }[] }[];
  };
  const engineer = world.accounts[1]!.users!.find((u) => u.name === 'field-engineer')!;
  engineer.policies = [...(engineer.policies ?? []), { name: 'AliyunKMSCryptoAdminAccess' }];
  return { ...world, name: 'two-customers' } as FixtureInput;
}

beforeEach(async () => {
  sim = await startSimulator({ fixture: twoCustomers(), timeScale: SCALE });
  h = batchHarness(sim, { timeScale: SCALE });
});
afterEach(async () => {
  await h.dispose();
  await sim.stop();
});

const item = (view: BatchView, clusterId: string) =>
  view.items.find((i) => i.clusterId === clusterId)!;
const group = (view: BatchView, accountId: string, regionId: string) =>
  view.groups?.find((g) => g.accountId === accountId && g.regionId === regionId);

describe('a batch across accounts', () => {
  it('enables two accounts, each with its own key, and shows the mapping', async () => {
    const plan = await h.batches.plan({
      action: 'enable',
      keys: [
        { accountId: ACCOUNT_IDS.retail, regionId: 'cn-hangzhou', keyId: DEMO.keys.valid },
        // An alias, resolved in that account's region.
        { accountId: ACCOUNT_IDS.logistics, regionId: 'cn-hangzhou', keyId: 'alias/logistics-ack' },
      ],
      scope: { clusterIds: [DEMO.clusters.happy, DEMO.clusters.logisticsAdmin] },
    });
    expect(plan.counts).toMatchObject({ total: 2, ready: 2, skipped: 0 });
    expect(plan.groups).toEqual([
      {
        accountId: ACCOUNT_IDS.logistics,
        accountName: 'Logistics',
        regionId: 'cn-hangzhou',
        clusters: 1,
        keyRef: 'alias/logistics-ack',
        keyId: DEMO.keys.logistics,
        source: 'given',
        reason: null,
      },
      {
        accountId: ACCOUNT_IDS.retail,
        accountName: 'Retail',
        regionId: 'cn-hangzhou',
        clusters: 1,
        keyRef: DEMO.keys.valid,
        keyId: DEMO.keys.valid,
        source: 'given',
        reason: null,
      },
    ]);
    expect(item(plan, DEMO.clusters.logisticsAdmin).keyId).toBe(DEMO.keys.logistics);

    await h.batches.apply({ batchId: plan.batchId, concurrency: 2 });
    const ended = await h.batches.settled(plan.batchId);
    expect(ended).toMatchObject({ state: 'ended', result: 'succeeded' });
    expect(sim.control.cluster(DEMO.clusters.happy)?.encryption?.keyId).toBe(DEMO.keys.valid);
    expect(sim.control.cluster(DEMO.clusters.logisticsAdmin)?.encryption?.keyId).toBe(
      DEMO.keys.logistics,
    );
  });

  it('one key id for every group still works where it resolves, as before key maps', async () => {
    const plan = await h.batches.plan({
      action: 'enable',
      keyId: DEMO.keys.valid,
      scope: { clusterIds: [DEMO.clusters.happy, DEMO.clusters.logisticsAdmin] },
    });
    expect(item(plan, DEMO.clusters.happy).status).toBe('ready');
    // Retail's key does not exist for the logistics account: its checklist says so.
    expect(item(plan, DEMO.clusters.logisticsAdmin)).toMatchObject({ status: 'skipped' });
    expect(item(plan, DEMO.clusters.logisticsAdmin).reasons.join('\n')).toMatch(/^key\.exists: /m);
    expect(plan.groups?.map((g) => g.source)).toEqual(['plan', 'plan']);
  });

  it('skips the clusters of a group without a key, saying how to give it one', async () => {
    const plan = await h.batches.plan({
      action: 'enable',
      keys: [{ accountId: ACCOUNT_IDS.retail, regionId: 'cn-hangzhou', keyId: DEMO.keys.valid }],
      scope: { clusterIds: [DEMO.clusters.happy, DEMO.clusters.logisticsAdmin] },
    });
    expect(item(plan, DEMO.clusters.happy).status).toBe('ready');
    const skipped = item(plan, DEMO.clusters.logisticsAdmin);
    expect(skipped).toMatchObject({ status: 'skipped', checklist: null });
    expect(skipped.reasons).toEqual([
      `key: no key for Logistics in cn-hangzhou: add {"accountId": "${ACCOUNT_IDS.logistics}", "regionId": "cn-hangzhou", "keyId": "…"} to the plan's keys, or plan with keyChoice "recommended".`,
    ]);
    expect(group(plan, ACCOUNT_IDS.logistics, 'cn-hangzhou')).toMatchObject({
      source: 'none',
      keyRef: null,
      keyId: null,
    });
  });

  it('recommends per group; a key created here then fills the group that had none', async () => {
    const scope = { clusterIds: [DEMO.clusters.happy, DEMO.clusters.logisticsAdmin] };
    const before = await h.batches.plan({ action: 'enable', keyChoice: 'recommended', scope });
    // Groups by account name: Logistics, then Retail. Retail in Hangzhou has two protected eligible keys: the user must choose.
    expect(group(before, ACCOUNT_IDS.retail, 'cn-hangzhou')?.reason).toMatch(
      /^choose a key: 2 keys of Retail in cn-hangzhou qualify/,
    );
    // Logistics has none with deletion protection on.
    expect(group(before, ACCOUNT_IDS.logistics, 'cn-hangzhou')?.reason).toMatch(
      /^choose a key: no key of Logistics in cn-hangzhou is eligible .*create a compliant key here/,
    );
    expect(before.counts.ready).toBe(0);

    const created = await createCompliantKey(
      await simDirectory(sim).sessionFor(ACCOUNT_IDS.logistics),
      { accountId: ACCOUNT_IDS.logistics, regionId: 'cn-hangzhou' },
    );
    await h.fleet.refresh();
    const after = await h.batches.plan({
      action: 'enable',
      keyChoice: 'recommended',
      keys: [{ accountId: ACCOUNT_IDS.retail, regionId: 'cn-hangzhou', keyId: DEMO.keys.valid }],
      scope,
    });
    expect(group(after, ACCOUNT_IDS.logistics, 'cn-hangzhou')).toMatchObject({
      keyRef: created.key.keyId,
      keyId: created.key.keyId,
      source: 'recommended',
      reason: null,
    });
    expect(item(after, DEMO.clusters.logisticsAdmin)).toMatchObject({
      status: 'ready',
      keyId: created.key.keyId,
    });
  });
});
