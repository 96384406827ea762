// Three saved accounts that reach the same Alibaba Cloud account (uid 1000000000000002): its root
// AccessKey, its RAM user field-engineer, and a RAM role of that account assumed by the RAM
// user. Saved over the real keychain with the CLI, listed over the simulator's HTTP API: each
// cluster is one row naming all three, acting through the stated rule's account (a RAM identity
// before the root, then the account saved first), or the one the user picked (remembered across
// a restart); the checklist and batch plans act through it, a batch lists no cluster twice, and
// an account's scope holds every cluster it reaches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, DEMO, startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { createCore } from '../../../electron/core/service';
import type { Account, ClusterSummary } from '../../../electron/contract';
import { runMain } from '../../support/cli-in-process';
import { addDemoAccessKey } from '../../support/demo-account-args';
import { tempDir } from '../../unit/accounts/fakes';

const UID = DEMO.accounts.logistics.id;
const OPS_ROLE = `acs:ram::${UID}:role/ack-guard-local-ops`;
const LOGISTICS = [
  DEMO.clusters.logisticsAdmin,
  DEMO.clusters.logisticsDev,
  DEMO.clusters.logisticsOps,
  DEMO.clusters.logisticsNoRbac,
];
const REGIONS = ['cn-hangzhou', 'cn-shanghai'];

/** The demo world plus a role in demo-logistics that its own RAM user may assume. */
function worldWithLocalRole() {
  const world = FIXTURES.demo!() as {
    accounts: { id: string; roles?: Record<string, unknown>[] }[];
  };
  const logistics = world.accounts.find((a) => a.id === UID)!;
  logistics.roles = [
    ...(logistics.roles ?? []),
    {
      name: 'ack-guard-local-ops',
      id: '300000000000000209',
      description: 'Assumed by the RAM user field-engineer of the same account',
      trust: [`account:${UID}`],
      maxSessionDuration: 3600,
      policies: [{ name: 'AliyunCSFullAccess' }, { name: 'AliyunKMSFullAccess' }],
    },
  ];
  return world;
}

let sim: Simulator;
const dataDir = tempDir();
const cli = (argv: string[], stdin = '') => runMain(['--data-dir', dataDir, ...argv], { stdin });
const ids: Record<'root' | 'engineer' | 'ops', string> = { root: '', engineer: '', ops: '' };

async function addKey(name: string, accessKeyId: string): Promise<Account> {
  const add = addDemoAccessKey({ name, accessKeyId, endpoint: sim.url, regions: REGIONS });
  const added = await cli(['--json', ...add.argv], add.stdin);
  expect(added.code, added.err).toBe(0);
  return (JSON.parse(added.out) as { account: Account }).account;
}

interface ListedRow {
  clusterId: string;
  account: string;
  accountId: string;
  reachableVia: { account: string; savedAccountId: string }[];
}

async function listJson(...extra: string[]): Promise<ListedRow[]> {
  const listed = await cli(['--json', 'clusters', 'list', ...extra]);
  expect(listed.code, listed.err).toBe(0);
  return (JSON.parse(listed.out) as { clusters: ListedRow[] }).clusters;
}

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'demo', port: 0 });
  sim.control.load(worldWithLocalRole() as Parameters<Simulator['control']['load']>[0]);
  // Saved in this order: the root first, so "saved first" alone would pick it.
  ids.root = (await addKey('Logi root', DEMO.accessKeys.logisticsRoot)).id;
  ids.engineer = (await addKey('Logi engineer', DEMO.accessKeys.logisticsEngineer)).id;
  const role = await cli([
    '--json',
    'accounts',
    'add',
    '--name',
    'Logi ops role',
    '--type',
    'ram-role',
    '--source-account',
    'Logi engineer',
    '--role-arn',
    OPS_ROLE,
    '--session-name',
    'same-uid',
    '--endpoint',
    sim.url,
    '--regions',
    REGIONS.join(','),
  ]);
  expect(role.code, role.err).toBe(0);
  const account = (JSON.parse(role.out) as { account: Account }).account;
  expect(account.identity).toMatchObject({ accountId: UID, identityType: 'AssumedRoleUser' });
  ids.ops = account.id;
});
afterAll(async () => {
  for (const name of ['Logi ops role', 'Logi engineer', 'Logi root'])
    await cli(['accounts', 'remove', name]).catch(() => undefined);
  await sim?.stop();
});

describe('saved accounts of one uid', () => {
  it('clusters list: each cluster once, every account noted, a RAM identity acting (text and JSON)', async () => {
    const rows = await listJson();
    const seen = rows.map((r) => r.clusterId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => LOGISTICS.includes(id)).sort()).toEqual([...LOGISTICS].sort());
    for (const row of rows.filter((r) => LOGISTICS.includes(r.clusterId))) {
      expect(row.accountId).toBe(UID);
      // Both RAM identities rank before the root; of those the engineer was saved first.
      expect(row.account).toBe('Logi engineer');
      expect(row.reachableVia).toEqual([
        { account: 'Logi engineer', savedAccountId: ids.engineer },
        { account: 'Logi root', savedAccountId: ids.root },
        { account: 'Logi ops role', savedAccountId: ids.ops },
      ]);
    }
    const text = await cli(['clusters', 'list']);
    expect(text.code, text.err).toBe(0);
    const lines = text.out.split('\n').filter((l) => l.startsWith(DEMO.clusters.logisticsAdmin));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Logi engineer (also via Logi root, Logi ops role)');
  });

  it('--account: a cluster is in the scope of every account that reaches it', async () => {
    const viaRole = await listJson('--cached', '--account', 'Logi ops role');
    expect(viaRole.map((r) => r.clusterId).sort()).toEqual([...LOGISTICS].sort());
  });

  it('acts through the account the user picked, remembered after a restart', async () => {
    let core = createCore({ dataDir, version: 't', env: {} });
    try {
      const picked = await core.api['fleet.actThrough']({
        clusterId: DEMO.clusters.logisticsAdmin,
        accountId: ids.ops,
      });
      expect(picked).toMatchObject({ accountId: ids.ops, accountName: 'Logi ops role' });
      expect(picked.reachableVia?.map((r) => r.accountId)).toEqual([
        ids.ops,
        ids.engineer,
        ids.root,
      ]);
      // An account of another uid does not reach it: refused, nothing changes.
      await expect(
        core.api['fleet.actThrough']({ clusterId: DEMO.clusters.logisticsAdmin, accountId: 'x' }),
      ).rejects.toMatchObject({ code: 'validation' });
      const list = await core.api['checks.run']({
        clusterId: DEMO.clusters.logisticsAdmin,
        action: 'disable',
      });
      expect(list.accountId).toBe(ids.ops);
    } finally {
      await core.dispose();
    }
    core = createCore({ dataDir, version: 't', env: {} });
    try {
      const rows = (await core.api['fleet.snapshot']({}))!.clusters;
      const admin = rows.filter((c) => c.clusterId === DEMO.clusters.logisticsAdmin);
      expect(admin.map((c) => c.accountId)).toEqual([ids.ops]);
      // The other clusters keep the rule's choice.
      const dev = rows.find((c) => c.clusterId === DEMO.clusters.logisticsDev) as ClusterSummary;
      expect(dev.accountId).toBe(ids.engineer);
    } finally {
      await core.dispose();
    }
  });

  it('a batch plan lists each cluster once, acting through the scope account', async () => {
    const core = createCore({ dataDir, version: 't', env: {} });
    try {
      const all = await core.api['batch.plan']({
        action: 'enable',
        keyChoice: 'recommended',
        scope: { regionIds: ['cn-hangzhou'] },
      });
      const planned = all.items.map((i) => i.clusterId);
      expect(new Set(planned).size).toBe(planned.length);
      expect(planned).toEqual(
        expect.arrayContaining([DEMO.clusters.logisticsAdmin, DEMO.clusters.logisticsDev]),
      );
      expect(all.items.find((i) => i.clusterId === DEMO.clusters.logisticsAdmin)?.accountId).toBe(
        ids.ops,
      );

      const asRoot = await core.api['batch.plan']({
        action: 'enable',
        keyChoice: 'recommended',
        scope: { accountIds: [ids.root], regionIds: ['cn-hangzhou'] },
      });
      expect(asRoot.items.map((i) => [i.clusterId, i.accountId]).sort()).toEqual(
        [
          [DEMO.clusters.logisticsAdmin, ids.root],
          [DEMO.clusters.logisticsDev, ids.root],
        ].sort(),
      );
    } finally {
      await core.dispose();
    }
  });
});
