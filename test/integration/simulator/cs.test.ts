import * as $CS from '@alicloud/cs20151215';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Simulator } from '../../../simulator';
import { creds, cs, failure, start, trail } from './helpers';
import type { Json } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

const root = () => cs(sim, creds(DEMO.accessKeys.retailRoot));
const engineer = () => cs(sim, creds(DEMO.accessKeys.logisticsEngineer));
const logisticsRoot = () => cs(sim, creds(DEMO.accessKeys.logisticsRoot));
const caps = (metaData: string | undefined) =>
  (JSON.parse(metaData || '{}') as { Capabilities?: Record<string, unknown> }).Capabilities ?? {};
const enable = (keyId: string) =>
  new $CS.UpdateKMSEncryptionRequest({ kmsKeyId: keyId, disableEncryption: false });

describe('DescribeClustersV1', () => {
  it('filters server-side by type, profile, spec and region', async () => {
    sim.control.pageSizeCapsOff(); // one page holds them all (the caps have their own tests)
    const r = await root().describeClustersV1(
      new $CS.DescribeClustersV1Request({
        clusterType: 'ManagedKubernetes',
        profile: 'Edge',
        clusterSpec: 'ack.pro.small',
        regionId: 'cn-hangzhou',
        pageNumber: 1,
        pageSize: 50,
      }),
    );
    const ids = r.body!.clusters!.map((c) => c.clusterId);
    expect(ids).toContain(DEMO.clusters.happy);
    expect(ids).not.toContain(DEMO.clusters.edgeBasic);
    expect(ids).not.toContain(DEMO.clusters.proDefault);
    expect(
      r.body!.clusters!.every(
        (c) =>
          c.regionId === 'cn-hangzhou' && c.profile === 'Edge' && c.clusterSpec === 'ack.pro.small',
      ),
    ).toBe(true);
    expect(r.body!.pageInfo!.totalCount).toBe(ids.length);
  });

  it('paginates with page_info and lists only the caller account', async () => {
    sim.control.pageSizeCapsOff();
    const p1 = await root().describeClustersV1(
      new $CS.DescribeClustersV1Request({ pageNumber: 1, pageSize: 4 }),
    );
    const p3 = await root().describeClustersV1(
      new $CS.DescribeClustersV1Request({ pageNumber: 3, pageSize: 4 }),
    );
    expect(p1.body!.pageInfo).toMatchObject({ pageNumber: 1, pageSize: 4, totalCount: 11 });
    expect(p1.body!.clusters).toHaveLength(4);
    expect(p3.body!.clusters).toHaveLength(3);
    const named = await root().describeClustersV1(
      new $CS.DescribeClustersV1Request({ name: 'edge-basic' }),
    );
    expect(named.body!.clusters!.map((c) => c.clusterId)).toEqual([DEMO.clusters.edgeBasic]);
    const other = await engineer().describeClustersV1(new $CS.DescribeClustersV1Request({}));
    expect(other.body!.pageInfo!.totalCount).toBe(4);
  });
});

describe('DescribeClusterDetail', () => {
  it('carries the key in meta_data Capabilities', async () => {
    const d = (await root().describeClusterDetail(DEMO.clusters.encrypted)).body!;
    expect(d.state).toBe('running');
    expect(caps(d.metaData)).toMatchObject({
      EncryptionKMSKeyId: DEMO.keys.protectedInUse,
      DisableEncryption: false,
    });
    const plain = (await root().describeClusterDetail(DEMO.clusters.happy)).body!;
    expect(caps(plain.metaData).EncryptionKMSKeyId).toBeUndefined();
    expect(plain.clusterSpec).toBe('ack.pro.small');
    expect(plain.profile).toBe('Edge');
    expect(plain.securityGroupId).toBe(DEMO.securityGroups.basicOpen);
  });

  it('404 ErrorClusterNotFound for unknown clusters and for clusters of another account', async () => {
    for (const id of ['c-missing', DEMO.clusters.logisticsAdmin]) {
      const e = await failure(root().describeClusterDetail(id));
      expect(e.name).toBe('ClientError');
      expect(e.code).toBe('ErrorClusterNotFound');
      expect(e.statusCode).toBe(404);
      expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
    }
  });
});

describe('DescribeRegions', () => {
  it('lists regions, Edge ones for profile=Edge', async () => {
    const r = await root().describeRegions(
      new $CS.DescribeRegionsRequest({ clusterType: 'ManagedKubernetes', profile: 'Edge' }),
    );
    expect(r.body!.regions!.map((x) => x.regionId)).toEqual(DEMO.regions);
    expect(r.body!.regions![0]!.localName).toBeTruthy();
  });
});

describe('UpdateKMSEncryption', () => {
  it('runs running -> updating -> running, changes meta_data, records a task, then 409 during cool-down', async () => {
    const c = root();
    const res = await c.updateKMSEncryption(DEMO.clusters.happy, enable(DEMO.keys.valid));
    expect(res.statusCode).toBe(200);
    expect(res.headers!['x-acs-request-id']).toBeTruthy();
    // Right after the call the state may still read running (docs/alibaba-cloud-api.md §4.3).
    expect((await c.describeClusterDetail(DEMO.clusters.happy)).body!.state).toBe('running');
    sim.control.advance(10);
    expect((await c.describeClusterDetail(DEMO.clusters.happy)).body!.state).toBe('updating');
    const second = await failure(
      c.updateKMSEncryption(DEMO.clusters.happy, enable(DEMO.keys.valid)),
    );
    expect(second.statusCode).toBe(409);
    sim.control.advance(600);
    const done = (await c.describeClusterDetail(DEMO.clusters.happy)).body!;
    expect(done.state).toBe('running');
    expect(caps(done.metaData)).toMatchObject({
      EncryptionKMSKeyId: DEMO.keys.valid,
      DisableEncryption: false,
    });

    const cool = await failure(
      c.updateKMSEncryption(
        DEMO.clusters.happy,
        new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
      ),
    );
    expect(cool.name).toBe('ClientError');
    expect(cool.statusCode).toBe(409);
    expect(cool.code).toBe('ErrorClusterState');

    const tasks = (
      await c.describeClusterTasks(
        DEMO.clusters.happy,
        new $CS.DescribeClusterTasksRequest({ pageNumber: 1, pageSize: 20 }),
      )
    ).body!;
    expect(tasks.tasks).toHaveLength(1);
    expect(tasks.tasks![0]!.state).toBe('success');
    const info = (await c.describeTaskInfo(tasks.tasks![0]!.taskId!)).body!;
    expect(info).toMatchObject({
      clusterId: DEMO.clusters.happy,
      state: 'success',
      taskType: 'cluster_modify',
    });

    // After the cool-down, disabling works and meta_data says so.
    sim.control.advance(300);
    await c.updateKMSEncryption(
      DEMO.clusters.happy,
      new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
    );
    sim.control.advance(600);
    const off = (await c.describeClusterDetail(DEMO.clusters.happy)).body!;
    expect(caps(off.metaData).DisableEncryption).toBe(true);
  });

  it('ActionTrail shows the UpdateKMSEncryption call and then Encrypt/Decrypt by the service role', async () => {
    const c = root();
    await c.updateKMSEncryption(DEMO.clusters.happy, enable(DEMO.keys.valid));
    sim.control.advance(600 + 3 * 1800 + 120);
    const at = trail(sim, creds(DEMO.accessKeys.retailRoot));
    const calls = await at({
      LookupAttribute: [
        { Key: 'EventName', Value: 'UpdateKMSEncryption' },
        { Key: 'ResourceName', Value: DEMO.clusters.happy },
      ],
    });
    expect(calls.body.Events).toHaveLength(1);
    expect(calls.body.Events[0].userIdentity.type).toBe('root-account');
    const kmsEvents = await at({
      LookupAttribute: [
        { Key: 'ServiceName', Value: 'Kms' },
        { Key: 'ResourceName', Value: DEMO.keys.valid },
      ],
      MaxResults: 50,
    });
    const byRole = kmsEvents.body.Events.filter(
      (e: Json) =>
        e.userIdentity.type === 'assumed-role' &&
        e.userIdentity.userName.startsWith('aliyuncsmanagedsecurityrole'),
    );
    expect(byRole.map((e: Json) => e.eventName)).toEqual(
      expect.arrayContaining(['Encrypt', 'Decrypt']),
    );
  });

  it('validates like the cloud', async () => {
    const c = root();
    const cases: [string, string | undefined, number, string][] = [
      [DEMO.clusters.edgeBasic, DEMO.keys.valid, 400, 'InvalidParameter'],
      [DEMO.clusters.failed, DEMO.keys.otherRegion, 400, 'ErrorClusterState'],
      [DEMO.clusters.updating, DEMO.keys.otherRegion, 409, 'ErrorClusterState'],
      [DEMO.clusters.cooldown, DEMO.keys.valid, 409, 'ErrorClusterState'],
      [DEMO.clusters.happy, DEMO.keys.otherRegion, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, DEMO.keys.rsaSign, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, DEMO.keys.disabled, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, DEMO.keys.pendingDeletion, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, DEMO.keys.service, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, DEMO.keys.rotation, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, 'key-does-not-exist', 400, 'InvalidParameter'],
      // The cluster takes the key's id only: an alias (or an ARN) is not looked up.
      [DEMO.clusters.happy, 'alias/ack-secrets-hz', 400, 'InvalidParameter'],
      [
        DEMO.clusters.happy,
        `acs:kms:cn-hangzhou:${DEMO.accounts.retail.id}:key/${DEMO.keys.valid}`,
        400,
        'InvalidParameter',
      ],
      [DEMO.clusters.happy, DEMO.keys.logistics, 400, 'InvalidParameter'],
      [DEMO.clusters.happy, undefined, 400, 'InvalidParameter'],
      ['c-missing', DEMO.keys.valid, 404, 'ErrorClusterNotFound'],
    ];
    for (const [cluster, key, status, code] of cases) {
      const e = await failure(
        c.updateKMSEncryption(cluster, new $CS.UpdateKMSEncryptionRequest({ kmsKeyId: key })),
      );
      expect({ cluster, key, status: e.statusCode, code: e.code }).toEqual({
        cluster,
        key,
        status,
        code,
      });
    }
    const alias = await failure(
      c.updateKMSEncryption(DEMO.clusters.happy, enable('alias/ack-secrets-hz')),
    );
    expect(alias.message).toContain('The KMS key alias/ack-secrets-hz does not exist');
    // A key inside a KMS instance is accepted (docs/alibaba-cloud-api.md §1).
    await c.updateKMSEncryption(DEMO.clusters.happy, enable(DEMO.keys.inInstance));
  });

  it('enforces cluster RBAC admin/ops for RAM users (ForbiddenUpdateKMSState)', async () => {
    const c = engineer();
    for (const id of [DEMO.clusters.logisticsDev, DEMO.clusters.logisticsNoRbac]) {
      const e = await failure(c.updateKMSEncryption(id, enable(DEMO.keys.logistics)));
      expect(e.code).toBe('ForbiddenUpdateKMSState');
      expect(e.statusCode).toBe(403);
    }
    await c.updateKMSEncryption(DEMO.clusters.logisticsAdmin, enable(DEMO.keys.logistics));
    await c.updateKMSEncryption(DEMO.clusters.logisticsOps, enable(DEMO.keys.logisticsSh));
  });

  it('refuses a RAM user without cs:UpdateKMSEncryption with the documented message', async () => {
    const e = await failure(
      cs(sim, creds(DEMO.accessKeys.logisticsAuditor)).updateKMSEncryption(
        DEMO.clusters.logisticsAdmin,
        enable(DEMO.keys.logistics),
      ),
    );
    expect(e.statusCode).toBe(403);
    expect(e.code).toBe('StatusForbidden');
    expect(e.message).toContain('RAM policy Forbidden for action cs:UpdateKMSEncryption');
  });

  it('ends in updating_failed (not failed, which means creation failed) when a fault says so, and when the key in use is disabled during the change', async () => {
    const c = root();
    sim.control.addFault({ kind: 'failUpdate', clusterId: DEMO.clusters.happy });
    await c.updateKMSEncryption(DEMO.clusters.happy, enable(DEMO.keys.valid));
    sim.control.advance(700);
    expect((await c.describeClusterDetail(DEMO.clusters.happy)).body!.state).toBe(
      'updating_failed',
    );
    const t = (
      await c.describeClusterTasks(DEMO.clusters.happy, new $CS.DescribeClusterTasksRequest({}))
    ).body!.tasks![0]!;
    expect(t.state).toBe('failed');
    expect(t.error!.code).toBeTruthy();

    // The encrypted cluster whose key was disabled: a later change fails (docs warn about this).
    await c.updateKMSEncryption(
      DEMO.clusters.disabledKeyInUse,
      new $CS.UpdateKMSEncryptionRequest({ disableEncryption: true }),
    );
    sim.control.advance(700);
    const broken = (await c.describeClusterDetail(DEMO.clusters.disabledKeyInUse)).body!;
    expect(broken.state).toBe('updating_failed');
    const bt = (
      await c.describeClusterTasks(
        DEMO.clusters.disabledKeyInUse,
        new $CS.DescribeClusterTasksRequest({}),
      )
    ).body!.tasks![0]!;
    expect(bt.error!.code).toBe('Rejected.Disabled');
  });

  it('needs AliyunCSManagedSecurityRole authorised', async () => {
    const { sts } = await import('./helpers');
    const s = sts(sim, creds(DEMO.accessKeys.logisticsEngineer));
    const { AssumeRoleRequest } = await import('@alicloud/sts20150401');
    const cred = (
      await s.assumeRole(
        new AssumeRoleRequest({
          roleArn: DEMO.factoryRoleArn,
          roleSessionName: 'guard',
          durationSeconds: 3600,
        }),
      )
    ).body!.credentials!;
    const c = cs(sim, {
      accessKeyId: cred.accessKeyId!,
      accessKeySecret: cred.accessKeySecret!,
      securityToken: cred.securityToken!,
    });
    const e = await failure(
      c.updateKMSEncryption(DEMO.clusters.factoryNoServiceRole, enable(DEMO.keys.factory)),
    );
    expect(e.code).toBe('ErrManagedSecurityRoleNotAttach');
    expect(e.message).toContain('please complete the security ramrole authorization');
  });
});

describe('DescribeUserPermission', () => {
  it('returns the RBAC array of a RAM user', async () => {
    const r = await root().describeUserPermission(DEMO.accounts.retail.id);
    expect(r.body!.length).toBe(11);
    // A RAM caller sees grants only on clusters where it is RBAC admin, its own included: the
    // engineer's dev and ops grants are invisible to it; the root account sees them all.
    const u = await engineer().describeUserPermission(DEMO.users.fieldEngineer.id);
    expect(u.body!.map((x) => [x.resourceId, x.roleType])).toEqual([
      [DEMO.clusters.logisticsAdmin, 'admin'],
    ]);
    expect(u.body![0]).toMatchObject({ resourceType: 'cluster', isOwner: 0, isRamRole: 0 });
    const all = await logisticsRoot().describeUserPermission(DEMO.users.fieldEngineer.id);
    expect(Object.fromEntries(all.body!.map((x) => [x.resourceId, x.roleType]))).toEqual({
      [DEMO.clusters.logisticsAdmin]: 'admin',
      [DEMO.clusters.logisticsDev]: 'dev',
      [DEMO.clusters.logisticsOps]: 'ops',
    });
    // The engineer sees the auditor's entries only where the engineer is admin.
    const a = await engineer().describeUserPermission(DEMO.users.auditor.id);
    expect(a.body!.map((x) => x.resourceId)).toEqual([DEMO.clusters.logisticsAdmin]);
  });
});

describe('CreateCluster', () => {
  it('creates an Edge Pro cluster with encryption_provider_key: initial -> running, encrypted', async () => {
    const c = root();
    const r = await c.createCluster(
      new $CS.CreateClusterRequest({
        name: 'edge-pro-new',
        regionId: 'cn-hangzhou',
        clusterType: 'ManagedKubernetes',
        profile: 'Edge',
        clusterSpec: 'ack.pro.small',
        vpcid: 'vpc-hzdemoretail0001',
        vswitchIds: ['vsw-hzdemoplain00001'],
        containerCidr: '172.24.0.0/16',
        serviceCidr: '172.21.0.0/20',
        encryptionProviderKey: DEMO.keys.valid,
        addons: [new $CS.Addon({ name: 'flannel', config: '' })],
      }),
    );
    const id = r.body!.clusterId!;
    expect(r.body!.taskId).toMatch(/^T-/);
    expect((await c.describeClusterDetail(id)).body!.state).toBe('initial');
    sim.control.advance(900);
    const d = (await c.describeClusterDetail(id)).body!;
    expect(d.state).toBe('running');
    expect(caps(d.metaData)).toMatchObject({
      EncryptionKMSKeyId: DEMO.keys.valid,
      DisableEncryption: false,
    });
    expect((await c.describeTaskInfo(r.body!.taskId!)).body!.state).toBe('success');
  });

  it('validates the key and edition', async () => {
    const c = root();
    const base = {
      name: 'x1',
      regionId: 'cn-hangzhou',
      clusterType: 'ManagedKubernetes',
      profile: 'Edge',
    };
    let e = await failure(
      c.createCluster(
        new $CS.CreateClusterRequest({
          ...base,
          clusterSpec: 'ack.standard',
          encryptionProviderKey: DEMO.keys.valid,
        }),
      ),
    );
    expect(e.code).toBe('InvalidParameter');
    e = await failure(
      c.createCluster(
        new $CS.CreateClusterRequest({
          ...base,
          clusterSpec: 'ack.pro.small',
          encryptionProviderKey: DEMO.keys.disabled,
        }),
      ),
    );
    expect(e.code).toBe('InvalidParameter');
    e = await failure(
      c.createCluster(
        new $CS.CreateClusterRequest({ ...base, name: '', clusterSpec: 'ack.pro.small' }),
      ),
    );
    expect(e.statusCode).toBe(400);
  });
});
