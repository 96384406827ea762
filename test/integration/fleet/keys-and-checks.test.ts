import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, demoCredentials, loadFixture, startSimulator } from '../../../simulator';
import type { Fixture, Simulator } from '../../../simulator';
import type { CheckId, Checklist } from '../../../electron/contract';
import { BatchCache } from '../../../electron/core/checks/context';
import { runChecklist } from '../../../electron/core/checks/run';
import { listKeys } from '../../../electron/core/keys/inventory';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
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

function sessionWith(accessKeyId: string, accountKey: string): CloudSession {
  const secret = demoCredentials().find((c) => c.accessKeyId === accessKeyId)!.accessKeySecret;
  return new CloudSession({
    accountKey,
    credentials: async () => ({ accessKeyId, accessKeySecret: secret }),
    network: { endpoint: sim.url },
    limits: new CloudLimits(),
    env: {},
  });
}

const status = (list: Checklist, id: CheckId) => list.checks.find((c) => c.id === id)?.status;

async function check(
  accountId: string,
  clusterId: string,
  regionId: string,
  action: 'enable' | 'disable',
  keyId: string | null = null,
) {
  const directory = simDirectory(sim);
  return runChecklist({
    session: await directory.sessionFor(accountId),
    accountId,
    clusterId,
    regionId,
    action,
    keyId,
    now: Date.now(),
  });
}

describe('keys', () => {
  it('classifies every demo key with every reason', async () => {
    const session = await simDirectory(sim).sessionFor(ACCOUNT_IDS.retail);
    const keys = await listKeys(
      session,
      'cn-hangzhou',
      new Map([[DEMO.keys.protectedInUse, [DEMO.clusters.encrypted]]]),
    );
    const byId = new Map(keys.map((k) => [k.keyId, k]));
    expect(byId.get(DEMO.keys.valid)).toMatchObject({ eligible: true, reasons: [] });
    expect(byId.get(DEMO.keys.protectedInUse)).toMatchObject({
      eligible: true,
      health: 'ok',
      usedBy: [DEMO.clusters.encrypted],
    });
    expect(byId.get(DEMO.keys.rotation)?.reasons).toEqual(['rotation-on']);
    expect(byId.get(DEMO.keys.disabled)?.reasons).toEqual(['not-enabled']);
    expect(byId.get(DEMO.keys.pendingDeletion)?.reasons).toEqual(['pending-deletion']);
    expect(byId.get(DEMO.keys.rsaSign)?.reasons).toEqual(
      expect.arrayContaining(['wrong-spec', 'wrong-usage']),
    );
    expect(byId.get(DEMO.keys.service)?.reasons).toContain('service-key');
    expect(byId.get(DEMO.keys.inInstance)).toMatchObject({ eligible: true });
    expect(byId.get(DEMO.keys.inInstance)?.dkmsInstanceId).toMatch(/^kst-/);
    // Eligible keys come first.
    const firstIneligible = keys.findIndex((k) => !k.eligible);
    expect(keys.slice(firstIneligible).every((k) => !k.eligible)).toBe(true);
    expect(keys.some((k) => k.aliases.length > 0)).toBe(true);
  });
});

describe('checklist', () => {
  it('is ready to enable the happy cluster with a valid key, warning about deletion protection', async () => {
    const list = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.happy,
      'cn-hangzhou',
      'enable',
      DEMO.keys.valid,
    );
    const failing = list.checks
      .filter((c) => c.status === 'fail')
      .map((c) => `${c.id}: ${c.summary}`);
    expect(failing).toEqual([]);
    expect(list.ready).toBe(true);
    expect(status(list, 'key.deletionProtection')).toBe('warn');
    expect(list.checks.find((c) => c.id === 'key.deletionProtection')?.fix?.action).toBe(
      'enable-deletion-protection',
    );
    for (const id of [
      'cluster.edition',
      'cluster.state',
      'cluster.cooldown',
      'key.spec',
      'key.usage',
      'key.state',
      'key.rotation',
      'key.creator',
      'role.csManagedSecurity',
      'caller.kmsCryptoAdmin',
      'caller.clusterRbac',
    ] as CheckId[]) {
      expect(status(list, id), id).toBe('pass');
    }
    // Evidence carries request ids.
    expect(list.checks.find((c) => c.id === 'cluster.state')?.evidence.requestId).toBeTruthy();
  });

  it.each([
    ['key.spec', DEMO.keys.rsaSign],
    ['key.usage', DEMO.keys.rsaSign],
    ['key.state', DEMO.keys.disabled],
    ['key.state', DEMO.keys.pendingDeletion],
    ['key.rotation', DEMO.keys.rotation],
    ['key.creator', DEMO.keys.service],
  ] as [CheckId, string][])('%s fails for %s', async (id, keyId) => {
    const list = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.happy,
      'cn-hangzhou',
      'enable',
      keyId,
    );
    expect(status(list, id)).toBe('fail');
    expect(list.ready).toBe(false);
    expect(list.checks.find((c) => c.id === id)?.fix?.hint).toBeTruthy();
  });

  it('fails a key from another region and a key that does not exist', async () => {
    const other = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.happy,
      'cn-hangzhou',
      'enable',
      DEMO.keys.otherRegion,
    );
    expect(status(other, 'key.exists')).toBe('fail');
    const missing = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.happy,
      'cn-hangzhou',
      'enable',
      'key-doesnotexist00000001',
    );
    expect(status(missing, 'key.exists')).toBe('fail');
    expect(missing.checks.find((c) => c.id === 'key.exists')?.evidence.errorCode).toBe(
      'Forbidden.KeyNotFound',
    );
  });

  it('fails Basic edition, a failed cluster, and one inside the cooldown', async () => {
    expect(
      status(
        await check(
          ACCOUNT_IDS.retail,
          DEMO.clusters.edgeBasic,
          'cn-hangzhou',
          'enable',
          DEMO.keys.valid,
        ),
        'cluster.edition',
      ),
    ).toBe('fail');
    expect(
      status(
        await check(
          ACCOUNT_IDS.retail,
          DEMO.clusters.failed,
          'cn-shanghai',
          'enable',
          DEMO.keys.otherRegion,
        ),
        'cluster.state',
      ),
    ).toBe('fail');
    const cooldown = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.cooldown,
      'cn-hangzhou',
      'disable',
    );
    expect(status(cooldown, 'cluster.cooldown')).toBe('fail');
    expect(
      cooldown.checks.find((c) => c.id === 'cluster.cooldown')?.evidence.waitSeconds,
    ).toBeGreaterThan(0);
  });

  it('uses the cooldown our journal knows about', async () => {
    const directory = simDirectory(sim);
    const list = await runChecklist({
      session: await directory.sessionFor(ACCOUNT_IDS.retail),
      accountId: ACCOUNT_IDS.retail,
      clusterId: DEMO.clusters.happy,
      regionId: 'cn-hangzhou',
      action: 'enable',
      keyId: DEMO.keys.valid,
      now: Date.now(),
      lastChangeEndedAt: Date.now() - 60_000,
    });
    expect(status(list, 'cluster.cooldown')).toBe('fail');
  });

  describe('a change made outside the app (in the console)', () => {
    const consoleChange = async (clusterId: string, body: unknown) => {
      const r = await fetch(`${sim.url}/__sim/clusters/${clusterId}/console-change`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(r.status, await r.clone().text()).toBe(200);
    };
    const cooldownOf = async () => {
      const directory = simDirectory(sim);
      const list = await runChecklist({
        session: await directory.sessionFor(ACCOUNT_IDS.retail),
        accountId: ACCOUNT_IDS.retail,
        clusterId: DEMO.clusters.happy,
        regionId: 'cn-hangzhou',
        action: 'disable',
        keyId: null,
        now: Date.now(),
        // The simulator's clock jumps ahead of ours with advance().
        cloudClock: { scale: 1, cloudNow: () => sim.control.now() },
      });
      return list.checks.find((c) => c.id === 'cluster.cooldown')!;
    };

    it('is found from its ActionTrail record and the cluster time, then passes 5 minutes later', async () => {
      await consoleChange(DEMO.clusters.happy, { keyId: DEMO.keys.valid });
      sim.control.advance(610); // the change (600 s) has ended; ActionTrail has the record
      const inside = await cooldownOf();
      expect(inside.status).toBe('fail');
      // The source is a kind the catalog words (value.source.actiontrail), the event in detail.
      expect(inside.evidence.source).toBe('actiontrail');
      expect(inside.evidence.sourceDetail).toMatch(/^UpdateKMSEncryption \d{4}-/);
      expect(inside.message?.params).toMatchObject({ sourceEvent: 'UpdateKMSEncryption' });
      expect(inside.evidence.actionTrail).toBe('read');
      expect(Number(inside.evidence.waitSeconds)).toBeGreaterThan(200);
      expect(inside.fix?.hint).toMatch(/^Wait until \d\d:\d\d \(UTC[+-]\d\d:\d\d\)/);
      sim.control.advance(300);
      expect((await cooldownOf()).status).toBe('pass');
    });

    it('warns while ActionTrail has not delivered the record yet', async () => {
      const fixture = structuredClone(loadFixture('demo')) as Fixture;
      fixture.timing.actionTrailDelaySeconds = 900; // "up to 10 minutes" and more
      sim.control.load(fixture);
      try {
        await consoleChange(DEMO.clusters.happy, { keyId: DEMO.keys.valid });
        sim.control.advance(610);
        const seen = await cooldownOf();
        expect(seen.status).toBe('warn');
        expect(seen.evidence).toMatchObject({ changeRecord: null, actionTrail: 'read' });
        expect(seen.summary).toMatch(/not yet in ActionTrail/);
      } finally {
        sim.control.load('demo');
      }
    });
  });

  it('fails a missing service role, with the in-app fix offered', async () => {
    const list = await check(
      ACCOUNT_IDS.factory,
      DEMO.clusters.factoryNoServiceRole,
      'cn-beijing',
      'enable',
      DEMO.keys.factory,
    );
    const role = list.checks.find((c) => c.id === 'role.csManagedSecurity');
    expect(role?.status).toBe('fail');
    expect(role?.fix?.action).toBe('authorize-service-role');
  });

  it('tells the RAM user what it lacks, and judges its RBAC only where it can see it', async () => {
    const admin = await check(
      ACCOUNT_IDS.logistics,
      DEMO.clusters.logisticsAdmin,
      'cn-hangzhou',
      'enable',
      DEMO.keys.logistics,
    );
    expect(status(admin, 'caller.kmsCryptoAdmin')).toBe('fail');
    expect(status(admin, 'caller.clusterRbac')).toBe('pass');
    // A RAM user sees grants only where it is RBAC admin: its O&M grant is invisible to it, so
    // the check cannot say no (it would block a user who may change encryption).
    const ops = await check(
      ACCOUNT_IDS.logistics,
      DEMO.clusters.logisticsOps,
      'cn-shanghai',
      'enable',
      DEMO.keys.logisticsSh,
    );
    const opsRbac = ops.checks.find((c) => c.id === 'caller.clusterRbac')!;
    expect(opsRbac.status).toBe('manual');
    expect(opsRbac.evidence).toMatchObject({
      grants: null,
      visibility: 'clusters-where-caller-is-admin',
    });
    expect(opsRbac.fix?.hint).toMatch(/Authorizations/);
    expect(ops.checks.filter((c) => c.status === 'fail').map((c) => c.id)).not.toContain(
      'caller.clusterRbac',
    );
    // ...and it cannot say yes for a developer either.
    for (const [clusterId, regionId, keyId] of [
      [DEMO.clusters.logisticsDev, 'cn-hangzhou', DEMO.keys.logistics],
      [DEMO.clusters.logisticsNoRbac, 'cn-shanghai', DEMO.keys.logisticsSh],
    ] as const) {
      const list = await check(ACCOUNT_IDS.logistics, clusterId, regionId, 'enable', keyId);
      expect(status(list, 'caller.clusterRbac'), clusterId).toBe('manual');
    }
  });

  it("asks the same account's root AccessKey, saved as another account, for a definite RBAC answer", async () => {
    const directory = simDirectory(sim);
    const peers = async () => [
      // Another Alibaba Cloud account's root sees nothing of this one: never asked.
      {
        id: ACCOUNT_IDS.retail,
        name: 'Retail',
        cloudAccountId: DEMO.accounts.retail.id,
        session: () => directory.sessionFor(ACCOUNT_IDS.retail),
      },
      {
        id: 'acc-logistics-root',
        name: 'Logistics (root)',
        cloudAccountId: DEMO.accounts.logistics.id,
        session: async () => sessionWith(DEMO.accessKeys.logisticsRoot, 'acc-logistics-root'),
      },
    ];
    const run = async (clusterId: string, regionId: string, keyId: string) =>
      (
        await runChecklist({
          session: await directory.sessionFor(ACCOUNT_IDS.logistics),
          accountId: ACCOUNT_IDS.logistics,
          clusterId,
          regionId,
          action: 'enable',
          keyId,
          now: Date.now(),
          peers,
        })
      ).checks.find((c) => c.id === 'caller.clusterRbac')!;
    const ops = await run(DEMO.clusters.logisticsOps, 'cn-shanghai', DEMO.keys.logisticsSh);
    expect(ops.status).toBe('pass');
    expect(ops.evidence).toMatchObject({
      viewer: 'Logistics (root)',
      viewedAs: 'root',
      grants: `${DEMO.clusters.logisticsOps}:ops`,
    });
    const dev = await run(DEMO.clusters.logisticsDev, 'cn-hangzhou', DEMO.keys.logistics);
    expect(dev.status).toBe('fail');
    expect(dev.evidence.grants).toBe(`${DEMO.clusters.logisticsDev}:dev`);
    expect(dev.fix?.hint).toMatch(/O&M Engineer/);
    const none = await run(DEMO.clusters.logisticsNoRbac, 'cn-shanghai', DEMO.keys.logisticsSh);
    expect(none.status).toBe('fail');
  });

  it('asks a same-account RBAC administrator (a RAM user) when no root key is saved', async () => {
    const fixture = structuredClone(loadFixture('demo')) as Fixture;
    const logistics = fixture.accounts.find((a) => a.id === DEMO.accounts.logistics.id)!;
    logistics.users.push({
      name: 'rbac-admin',
      id: '210000000000000299',
      policies: [{ name: 'AliyunCSReadOnlyAccess', type: 'System' }],
      groups: [],
    });
    logistics.accessKeys.push({
      id: 'LTAI5tTestRbacAdmin00001',
      secret: 'test-secret-rbac-admin',
      principal: 'user:rbac-admin',
      status: 'Active',
    });
    // Admin on the ops cluster only: it can answer there and nowhere else.
    logistics.rbac.push({
      principal: 'user:rbac-admin',
      resourceId: DEMO.clusters.logisticsOps,
      resourceType: 'cluster',
      roleType: 'admin',
      roleName: '',
    });
    sim.control.load(fixture);
    try {
      const directory = simDirectory(sim);
      const admin = new CloudSession({
        accountKey: 'acc-rbac-admin',
        credentials: async () => ({
          accessKeyId: 'LTAI5tTestRbacAdmin00001',
          accessKeySecret: 'test-secret-rbac-admin',
        }),
        network: { endpoint: sim.url },
        limits: new CloudLimits(),
        env: {},
      });
      const peers = async () => [
        {
          id: 'acc-rbac-admin',
          name: 'RBAC admin',
          cloudAccountId: DEMO.accounts.logistics.id,
          session: async () => admin,
        },
      ];
      const run = async (clusterId: string, regionId: string, keyId: string) =>
        (
          await runChecklist({
            session: await directory.sessionFor(ACCOUNT_IDS.logistics),
            accountId: ACCOUNT_IDS.logistics,
            clusterId,
            regionId,
            action: 'enable',
            keyId,
            now: Date.now(),
            peers,
          })
        ).checks.find((c) => c.id === 'caller.clusterRbac')!;
      const ops = await run(DEMO.clusters.logisticsOps, 'cn-shanghai', DEMO.keys.logisticsSh);
      expect(ops).toMatchObject({ status: 'pass', evidence: { viewedAs: 'rbac-admin' } });
      // Not admin on the dev cluster: it sees no more than the caller, so still manual.
      const dev = await run(DEMO.clusters.logisticsDev, 'cn-hangzhou', DEMO.keys.logistics);
      expect(dev.status).toBe('manual');
    } finally {
      sim.control.load('demo');
    }
  });

  it('says unknown when the caller may not read its own policies', async () => {
    sim.control.addFault({
      kind: 'error500',
      product: 'ram',
      action: 'ListPoliciesForUser',
      rate: 1,
      status: 403,
      code: 'NoPermission',
    });
    const list = await check(
      ACCOUNT_IDS.logistics,
      DEMO.clusters.logisticsAdmin,
      'cn-hangzhou',
      'enable',
      DEMO.keys.logistics,
    );
    const kms = list.checks.find((c) => c.id === 'caller.kmsCryptoAdmin');
    expect(kms?.status).toBe('manual');
    expect(kms?.summary).toMatch(/may not read/);
    expect(kms?.fix?.hint).toMatch(/AliyunKMSCryptoAdminAccess/);
  });

  it('checks the KMS egress of the cluster network', async () => {
    const open = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.happy,
      'cn-hangzhou',
      'enable',
      DEMO.keys.valid,
    );
    expect(status(open, 'network.kmsEgress')).toBe('pass');
    const blocked = await check(
      ACCOUNT_IDS.retail,
      DEMO.clusters.blockedSecurityGroup,
      'cn-wuhan-lr',
      'enable',
      DEMO.keys.wuhan,
    );
    expect(status(blocked, 'network.kmsEgress')).toBe('fail');
  });

  it('for disable: passes an Enabled key (saying to keep it so), and refuses a cluster that is not encrypted', async () => {
    const list = await check(ACCOUNT_IDS.retail, DEMO.clusters.encrypted, 'cn-hangzhou', 'disable');
    expect(list.keyId).toBe(DEMO.keys.protectedInUse);
    expect(status(list, 'key.state')).toBe('pass');
    expect(list.checks.find((c) => c.id === 'key.state')?.summary).toMatch(/Keep it enabled/);
    expect(list.ready).toBe(true);
    const plain = await check(ACCOUNT_IDS.retail, DEMO.clusters.happy, 'cn-hangzhou', 'disable');
    expect(status(plain, 'cluster.encryption')).toBe('fail');
  });

  it('a batch reuses what it fetched across clusters', async () => {
    const directory = simDirectory(sim);
    const session = await directory.sessionFor(ACCOUNT_IDS.retail);
    const batch = new BatchCache();
    const input = {
      session,
      accountId: ACCOUNT_IDS.retail,
      regionId: 'cn-hangzhou',
      action: 'enable' as const,
      keyId: DEMO.keys.valid,
      now: Date.now(),
    };
    await runChecklist({ ...input, clusterId: DEMO.clusters.happy }, batch);
    const afterFirst = batch.calls;
    await runChecklist({ ...input, clusterId: DEMO.clusters.cooldown }, batch);
    expect(batch.calls).toBe(afterFirst); // identity, policies, role, key: all reused
  });
});
