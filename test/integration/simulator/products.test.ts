import * as $ECS from '@alicloud/ecs20140526';
import * as $RAM from '@alicloud/ram20150501';
import * as $VPC from '@alicloud/vpc20160428';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO,
  evaluateNetworkAcl,
  evaluateSecurityGroupEgress,
  type Simulator,
} from '../../../simulator';
import { CloudError, classifyCloudError } from '../../../electron/core/cloud/errors';
import { describeNetworkAclAttributes } from '../../../electron/core/cloud/vpc';
import { ACCOUNT_IDS, simDirectory } from '../../support/sim-directory';
import { creds, ecs, failure, kms, ram, start, trail, vpc } from './helpers';
import type { Json } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

const rootKms = () => kms(sim, creds(DEMO.accessKeys.retailRoot));

describe('KMS', () => {
  it('ListKeys with Filters and pagination', async () => {
    const k = rootKms();
    const all = await k('ListKeys', { PageNumber: 1, PageSize: 100 });
    expect(all.body.TotalCount).toBe(10); // hangzhou keys of demo-retail
    const eligible = await k('ListKeys', {
      Filters: JSON.stringify([
        { Key: 'KeySpec', Values: ['Aliyun_AES_256'] },
        { Key: 'KeyState', Values: ['Enabled'] },
        { Key: 'KeyUsage', Values: ['ENCRYPT/DECRYPT'] },
        { Key: 'CreatorType', Values: ['User'] },
      ]),
      PageSize: 2,
    });
    expect(eligible.body.TotalCount).toBe(6);
    expect(eligible.body.Keys.Key).toHaveLength(2);
    expect(eligible.body.Keys.Key[0].KeyArn).toMatch(/^acs:kms:cn-hangzhou:1000000000000001:key\//);
    const p3 = await k('ListKeys', {
      Filters: JSON.stringify([
        { Key: 'KeyState', Values: ['Enabled'] },
        { Key: 'KeySpec', Values: ['Aliyun_AES_256'] },
      ]),
      PageSize: 2,
      PageNumber: 3,
    });
    expect(p3.body.PageNumber).toBe(3);
    const bad = await failure(k('ListKeys', { Filters: '[{"Key":"Nope","Values":["x"]}]' }));
    expect(bad).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
    const sh = await k('ListKeys', {}, 'cn-shanghai');
    expect(sh.body.Keys.Key.map((x: Json) => x.KeyId)).toEqual([DEMO.keys.otherRegion]);
  });

  it('DescribeKey returns full KeyMetadata; 404 Forbidden.KeyNotFound otherwise', async () => {
    const k = rootKms();
    const m = (await k('DescribeKey', { KeyId: DEMO.keys.inInstance })).body.KeyMetadata;
    expect(m).toMatchObject({
      KeySpec: 'Aliyun_AES_256',
      KeyUsage: 'ENCRYPT/DECRYPT',
      KeyState: 'Enabled',
      DKMSInstanceId: 'kst-hzz6demoinstance0001',
      DeletionProtection: 'Disabled',
      AutomaticRotation: 'Disabled',
      Creator: DEMO.accounts.retail.id,
    });
    expect(
      (await k('DescribeKey', { KeyId: DEMO.keys.pendingDeletion })).body.KeyMetadata.DeleteDate,
    ).toMatch(/Z$/);
    expect((await k('DescribeKey', { KeyId: DEMO.keys.rotation })).body.KeyMetadata).toMatchObject({
      AutomaticRotation: 'Enabled',
      RotationInterval: '31536000s',
    });
    expect((await k('DescribeKey', { KeyId: DEMO.keys.service })).body.KeyMetadata.Creator).toBe(
      'Oss',
    );
    expect((await k('DescribeKey', { KeyId: 'alias/ack-secrets-hz' })).body.KeyMetadata.KeyId).toBe(
      DEMO.keys.valid,
    );
    for (const [id, code] of [
      ['key-missing', 'Forbidden.KeyNotFound'],
      [DEMO.keys.otherRegion, 'Forbidden.KeyNotFound'],
      ['alias/none', 'Forbidden.AliasNotFound'],
    ]) {
      const e = await failure(k('DescribeKey', { KeyId: id }));
      expect(e).toMatchObject({ name: 'ClientError', code, statusCode: 404 });
    }
    const noRegion = await failure(
      kms(sim, creds(DEMO.accessKeys.retailRoot))('DescribeKey', {
        KeyId: DEMO.keys.valid,
        RegionId: undefined,
      }),
    );
    expect(noRegion.code).toBe('MissingParameter');
  });

  it('ListAliases and ListAliasesByKeyId', async () => {
    const k = rootKms();
    const all = await k('ListAliases', { PageSize: 100 });
    expect(all.body.TotalCount).toBe(5);
    const by = await k('ListAliasesByKeyId', { KeyId: DEMO.keys.protectedInUse });
    expect(by.body.Aliases.Alias.map((a: Json) => a.AliasName)).toEqual([
      'alias/ack-secrets-hz-prod',
      'alias/retail-prod',
    ]);
    expect(by.body.Aliases.Alias[0].AliasArn).toBe(
      'acs:kms:cn-hangzhou:1000000000000001:alias/ack-secrets-hz-prod',
    );
  });

  it('SetDeletionProtection by ARN, refused for PendingDeletion keys and without permission', async () => {
    const k = rootKms();
    const arn = (await k('DescribeKey', { KeyId: DEMO.keys.valid })).body.KeyMetadata.Arn;
    await k('SetDeletionProtection', {
      ProtectedResourceArn: arn,
      EnableDeletionProtection: true,
      DeletionProtectionDescription: 'Used by ACK',
    });
    const m = (await k('DescribeKey', { KeyId: DEMO.keys.valid })).body.KeyMetadata;
    expect(m).toMatchObject({
      DeletionProtection: 'Enabled',
      DeletionProtectionDescription: 'Used by ACK',
    });
    const pd = await failure(
      k('SetDeletionProtection', {
        ProtectedResourceArn: `acs:kms:cn-hangzhou:1000000000000001:key/${DEMO.keys.pendingDeletion}`,
        EnableDeletionProtection: true,
      }),
    );
    expect(pd.statusCode).toBe(409);
    const miss = await failure(k('SetDeletionProtection', { ProtectedResourceArn: arn }));
    expect(miss.code).toBe('MissingParameter');
    const eng = await failure(
      kms(sim, creds(DEMO.accessKeys.logisticsEngineer))('SetDeletionProtection', {
        KeyId: DEMO.keys.logistics,
        EnableDeletionProtection: true,
      }),
    );
    expect(eng).toMatchObject({ code: 'Forbidden.NoPermission', statusCode: 403 });
  });
});

describe('RAM', () => {
  it('GetRole, ListPoliciesForRole, missing role 404', async () => {
    const r = ram(sim, creds(DEMO.accessKeys.retailRoot));
    const role = (
      await r.getRole(new $RAM.GetRoleRequest({ roleName: 'AliyunCSManagedSecurityRole' }))
    ).body!.role!;
    expect(role.arn).toBe('acs:ram::1000000000000001:role/aliyuncsmanagedsecurityrole');
    expect(JSON.parse(role.assumeRolePolicyDocument!).Statement[0].Principal.Service).toEqual([
      'cs.aliyuncs.com',
    ]);
    const pol = (
      await r.listPoliciesForRole(
        new $RAM.ListPoliciesForRoleRequest({ roleName: 'AliyunCSManagedSecurityRole' }),
      )
    ).body!;
    expect(pol.policies!.policy!.map((p) => [p.policyName, p.policyType])).toEqual([
      ['AliyunCSManagedSecurityRolePolicy', 'System'],
    ]);
    const e = await failure(r.getRole(new $RAM.GetRoleRequest({ roleName: 'Missing' })));
    expect(e).toMatchObject({ code: 'EntityNotExist.Role', statusCode: 404 });
  });

  it("a user's policies and groups (no AliyunKMSCryptoAdminAccess anywhere)", async () => {
    const r = ram(sim, creds(DEMO.accessKeys.logisticsEngineer));
    const direct = (
      await r.listPoliciesForUser(
        new $RAM.ListPoliciesForUserRequest({ userName: 'field-engineer' }),
      )
    ).body!.policies!.policy!.map((p) => p.policyName);
    const groups = (
      await r.listGroupsForUser(new $RAM.ListGroupsForUserRequest({ userName: 'field-engineer' }))
    ).body!.groups!.group!.map((g) => g.groupName!);
    expect(groups).toEqual(['ack-operators']);
    const viaGroup = (
      await r.listPoliciesForGroup(
        new $RAM.ListPoliciesForGroupRequest({ groupName: 'ack-operators' }),
      )
    ).body!.policies!.policy!;
    expect([...direct, ...viaGroup.map((p) => p.policyName)]).not.toContain(
      'AliyunKMSCryptoAdminAccess',
    );
    expect(viaGroup.find((p) => p.policyName === 'AckDenyClusterDelete')!.policyType).toBe(
      'Custom',
    );
    expect(
      (
        await failure(
          r.listPoliciesForUser(new $RAM.ListPoliciesForUserRequest({ userName: 'ghost' })),
        )
      ).code,
    ).toBe('EntityNotExist.User');
    expect(
      (
        await failure(
          r.listPoliciesForGroup(new $RAM.ListPoliciesForGroupRequest({ groupName: 'ghost' })),
        )
      ).code,
    ).toBe('EntityNotExist.Group');
  });

  it('repairs a missing AliyunCSManagedSecurityRole with CreateRole + AttachPolicyToRole (assumed role)', async () => {
    const { AssumeRoleRequest } = await import('@alicloud/sts20150401');
    const { sts, cs } = await import('./helpers');
    const c = (
      await sts(sim, creds(DEMO.accessKeys.logisticsEngineer)).assumeRole(
        new AssumeRoleRequest({ roleArn: DEMO.factoryRoleArn, roleSessionName: 'repair' }),
      )
    ).body!.credentials!;
    const tok = {
      accessKeyId: c.accessKeyId!,
      accessKeySecret: c.accessKeySecret!,
      securityToken: c.securityToken!,
    };
    const r = ram(sim, tok);
    expect(
      (
        await failure(
          r.getRole(new $RAM.GetRoleRequest({ roleName: 'AliyunCSManagedSecurityRole' })),
        )
      ).code,
    ).toBe('EntityNotExist.Role');
    const doc = JSON.stringify({
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: ['cs.aliyuncs.com'] } },
      ],
      Version: '1',
    });
    await r.createRole(
      new $RAM.CreateRoleRequest({
        roleName: 'AliyunCSManagedSecurityRole',
        assumeRolePolicyDocument: doc,
      }),
    );
    expect(
      (
        await failure(
          r.createRole(
            new $RAM.CreateRoleRequest({
              roleName: 'AliyunCSManagedSecurityRole',
              assumeRolePolicyDocument: doc,
            }),
          ),
        )
      ).code,
    ).toBe('EntityAlreadyExists.Role');
    expect(
      (
        await failure(
          r.attachPolicyToRole(
            new $RAM.AttachPolicyToRoleRequest({
              policyType: 'System',
              policyName: 'NoSuchPolicy',
              roleName: 'AliyunCSManagedSecurityRole',
            }),
          ),
        )
      ).code,
    ).toBe('EntityNotExist.Policy');
    await r.attachPolicyToRole(
      new $RAM.AttachPolicyToRoleRequest({
        policyType: 'System',
        policyName: 'AliyunCSManagedSecurityRolePolicy',
        roleName: 'AliyunCSManagedSecurityRole',
      }),
    );
    const $CS = await import('@alicloud/cs20151215');
    const res = await cs(sim, tok).updateKMSEncryption(
      DEMO.clusters.factoryNoServiceRole,
      new $CS.UpdateKMSEncryptionRequest({ kmsKeyId: DEMO.keys.factory, disableEncryption: false }),
    );
    expect(res.statusCode).toBe(200);
  });
});

describe('ActionTrail LookupEvents', () => {
  const at = () => trail(sim, creds(DEMO.accessKeys.retailRoot));
  it('time range, two attributes with real keys, MaxResults and NextToken', async () => {
    sim.control.pageSizeCapsOff();
    const end = new Date(sim.control.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    const startT = new Date(sim.control.now() - 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const q = {
      StartTime: startT,
      EndTime: end,
      MaxResults: 20,
      LookupAttribute: [
        { Key: 'ServiceName', Value: 'Kms' },
        { Key: 'EventName', Value: 'Decrypt' },
      ],
    };
    const p1 = await at()(q);
    expect(p1.body.Events).toHaveLength(20);
    expect(p1.body.NextToken).toBeTruthy();
    const e0 = p1.body.Events[0];
    expect(e0).toMatchObject({
      serviceName: 'Kms',
      eventName: 'Decrypt',
      eventType: 'ApiCall',
      acsRegion: 'cn-hangzhou',
    });
    expect(e0.userIdentity.type).toBe('assumed-role');
    expect(Date.parse(e0.eventTime)).toBeGreaterThanOrEqual(
      Date.parse(p1.body.Events[1].eventTime),
    ); // BACKWARD by default
    const p2 = await at()({ ...q, NextToken: p1.body.NextToken });
    const ids = new Set([...p1.body.Events, ...p2.body.Events].map((e: Json) => e.eventId));
    expect(ids.size).toBe(p1.body.Events.length + p2.body.Events.length);
    const roleOnly = await at()({
      StartTime: startT,
      EndTime: end,
      LookupAttribute: [{ Key: 'RoleName', Value: 'aliyuncsmanagedsecurityrole' }],
    });
    expect(roleOnly.body.Events.length).toBeGreaterThan(0);
    const wrongToken = await failure(
      at()({
        ...q,
        MaxResults: 5,
        LookupAttribute: [{ Key: 'EventName', Value: 'Encrypt' }],
        NextToken: p1.body.NextToken,
      }),
    );
    expect(wrongToken.statusCode).toBe(400);
  });

  it('errors: bad key, end before start, one time only, bad format; no endpoint in cn-wuhan-lr', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ LookupAttribute: [{ Key: 'UserName', Value: 'x' }] }, 'InvalidQueryParameter'],
      [
        { StartTime: '2025-01-02T00:00:00Z', EndTime: '2025-01-01T00:00:00Z' },
        'InvalidParameterCombination',
      ],
      [{ StartTime: '2025-01-02T00:00:00Z' }, 'InvalidParameterCombination'],
      [
        { StartTime: '2025-01-02 00:00:00', EndTime: '2025-01-03T00:00:00Z' },
        'InvalidParameterStartTime',
      ],
    ];
    for (const [q, code] of cases)
      expect(await failure(at()(q))).toMatchObject({ code, statusCode: 400 });
    expect(await failure(at()({}, 'cn-wuhan-lr'))).toMatchObject({
      code: 'InvalidRegion.NotFound',
      statusCode: 404,
    });
    const histo = await at()(
      { LookupAttribute: [{ Key: 'EventName', Value: 'DisableKey' }] },
      'cn-beijing',
    );
    expect(histo.body.Events[0].userIdentity).toMatchObject({
      type: 'root-account',
      userName: 'root',
    });
    // The disabled key in use: the service role's Decrypts fail.
    const broken = await at()(
      { LookupAttribute: [{ Key: 'EventName', Value: 'Decrypt' }] },
      'cn-beijing',
    );
    expect(broken.body.Events[0].errorCode).toBe('Rejected.Disabled');
  });
});

describe('ECS and VPC for the 100.64.0.0/10 egress check', () => {
  it('security group type and egress rules; both verdicts reachable', async () => {
    const e = ecs(sim, creds(DEMO.accessKeys.retailRoot));
    const groups = await e.describeSecurityGroups(
      new $ECS.DescribeSecurityGroupsRequest({
        regionId: 'cn-hangzhou',
        securityGroupIds: JSON.stringify([
          DEMO.securityGroups.basicOpen,
          DEMO.securityGroups.enterpriseAllow,
        ]),
      }),
    );
    expect(
      Object.fromEntries(
        groups.body!.securityGroups!.securityGroup!.map((g) => [
          g.securityGroupId,
          g.securityGroupType,
        ]),
      ),
    ).toEqual({
      [DEMO.securityGroups.basicOpen]: 'normal',
      [DEMO.securityGroups.enterpriseAllow]: 'enterprise',
    });
    const attr = (
      await e.describeSecurityGroupAttribute(
        new $ECS.DescribeSecurityGroupAttributeRequest({
          regionId: 'cn-hangzhou',
          securityGroupId: DEMO.securityGroups.enterpriseAllow,
          direction: 'egress',
          maxResults: 1000,
        }),
      )
    ).body!;
    const rule = attr.permissions!.permission![0]!;
    expect(rule).toMatchObject({
      direction: 'egress',
      ipProtocol: 'ALL',
      portRange: '-1/-1',
      destCidrIp: '100.64.0.0/10',
      policy: 'Accept',
      priority: '1',
    });
    const verdict = async (region: string, id: string, type: 'normal' | 'enterprise') => {
      const a = (
        await e.describeSecurityGroupAttribute(
          new $ECS.DescribeSecurityGroupAttributeRequest({
            regionId: region,
            securityGroupId: id,
            direction: 'egress',
          }),
        )
      ).body!;
      const egress = (a.permissions?.permission ?? []).map((p) => ({
        policy: p.policy as 'Accept',
        priority: Number(p.priority),
        protocol: p.ipProtocol!,
        portRange: p.portRange!,
        destCidr: p.destCidrIp!,
      }));
      return evaluateSecurityGroupEgress({ type, egress }, { protocol: 'TCP', port: 443 });
    };
    expect(await verdict('cn-hangzhou', DEMO.securityGroups.enterpriseAllow, 'enterprise')).toBe(
      'pass',
    );
    expect(await verdict('cn-hangzhou', DEMO.securityGroups.basicOpen, 'normal')).toBe('pass');
    expect(await verdict('cn-shanghai', DEMO.securityGroups.basicDropAll, 'normal')).toBe('fail');
    expect(await verdict('cn-wuhan-lr', DEMO.securityGroups.enterpriseEmpty, 'enterprise')).toBe(
      'fail',
    );
    expect(
      await failure(
        e.describeSecurityGroupAttribute(
          new $ECS.DescribeSecurityGroupAttributeRequest({
            regionId: 'cn-hangzhou',
            securityGroupId: 'sg-nope',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidSecurityGroupId.NotFound' });
    expect(
      await failure(
        e.describeSecurityGroups(
          new $ECS.DescribeSecurityGroupsRequest({ regionId: 'cn-hangzhou', pageNumber: 1 }),
        ),
      ),
    ).toMatchObject({ code: 'NotSupported.PageNumberAndPageSize' });
    expect(
      await failure(
        ecs(sim, creds(DEMO.accessKeys.logisticsAuditor)).describeSecurityGroups(
          new $ECS.DescribeSecurityGroupsRequest({ regionId: 'cn-hangzhou' }),
        ),
      ),
    ).toMatchObject({ code: 'Forbidden.RAM', statusCode: 403 });
  });

  it('vSwitch network ACL id and the ACL entries; both verdicts reachable', async () => {
    const v = vpc(sim, creds(DEMO.accessKeys.retailRoot));
    const acl = async (region: string, vsw: string) => {
      const s = (
        await v.describeVSwitches(
          new $VPC.DescribeVSwitchesRequest({ regionId: region, vSwitchId: vsw }),
        )
      ).body!.vSwitches!.vSwitch![0]!;
      if (!s.networkAclId) return undefined;
      const a = (
        await v.describeNetworkAclAttributes(
          new $VPC.DescribeNetworkAclAttributesRequest({
            regionId: region,
            networkAclId: s.networkAclId,
          }),
        )
      ).body!.networkAclAttribute!;
      return {
        egress: a.egressAclEntries!.egressAclEntry!.map((x) => ({
          policy: x.policy as 'accept',
          protocol: x.protocol!,
          port: x.port!,
          cidr: x.destinationCidrIp!,
        })),
        ingress: a.ingressAclEntries!.ingressAclEntry!.map((x) => ({
          policy: x.policy as 'accept',
          protocol: x.protocol!,
          port: x.port!,
          cidr: x.sourceCidrIp!,
        })),
      };
    };
    expect(
      evaluateNetworkAcl(await acl('cn-hangzhou', DEMO.vswitches.withAllowAcl), {
        protocol: 'TCP',
        port: 443,
      }),
    ).toBe('pass');
    expect(
      evaluateNetworkAcl(await acl('cn-hangzhou', DEMO.vswitches.noAcl), {
        protocol: 'TCP',
        port: 443,
      }),
    ).toBe('pass');
    expect(
      evaluateNetworkAcl(await acl('cn-shenzhen', DEMO.vswitches.withDropAcl), {
        protocol: 'TCP',
        port: 443,
      }),
    ).toBe('fail');
    const list = (
      await v.describeNetworkAcls(
        new $VPC.DescribeNetworkAclsRequest({
          regionId: 'cn-hangzhou',
          resourceId: DEMO.vswitches.withAllowAcl,
          resourceType: 'VSwitch',
        }),
      )
    ).body!;
    expect(list.networkAcls!.networkAcl!.map((a) => a.networkAclId)).toEqual([
      DEMO.networkAcls.allow,
    ]);
    expect(list.networkAcls!.networkAcl![0]!.resources!.resource![0]).toMatchObject({
      resourceId: DEMO.vswitches.withAllowAcl,
      status: 'BINDED',
    });
    expect(
      await failure(
        v.describeNetworkAclAttributes(
          new $VPC.DescribeNetworkAclAttributesRequest({
            regionId: 'cn-hangzhou',
            networkAclId: 'nacl-nope',
          }),
        ),
      ),
    ).toMatchObject({ code: 'InvalidNetworkAcl.NotFound', statusCode: 400 });
    expect(
      await failure(
        vpc(sim, creds(DEMO.accessKeys.logisticsAuditor)).describeVSwitches(
          new $VPC.DescribeVSwitchesRequest({ regionId: 'cn-hangzhou' }),
        ),
      ),
    ).toMatchObject({ code: 'Forbidden.RAM', statusCode: 400 });
  });
});

describe('error codes as the API reference declares them (docs/alibaba-cloud-api.md §5.2, §9.1, §9.4)', () => {
  it('VPC: an unknown network ACL is InvalidNetworkAcl.NotFound with 400, and still "not found" to the client', async () => {
    const v = vpc(sim, creds(DEMO.accessKeys.retailRoot));
    const e = await failure(
      v.describeNetworkAclAttributes(
        new $VPC.DescribeNetworkAclAttributesRequest({
          regionId: 'cn-hangzhou',
          networkAclId: 'nacl-nope',
        }),
      ),
    );
    expect(e).toMatchObject({ code: 'InvalidNetworkAcl.NotFound', statusCode: 400 });
    const session = await simDirectory(sim).sessionFor(ACCOUNT_IDS.retail);
    const thrown = await describeNetworkAclAttributes(session, 'cn-hangzhou', 'nacl-nope').catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(CloudError);
    expect((thrown as CloudError).kind).toBe('notFound');
    expect((thrown as CloudError).cloud).toMatchObject({
      cloudCode: 'InvalidNetworkAcl.NotFound',
      httpStatus: 400,
    });
  });

  it('ECS: a NextToken it did not issue is InValidParameter.NextToken 400, input error to the client', async () => {
    const e = ecs(sim, creds(DEMO.accessKeys.retailRoot));
    const groups = await failure(
      e.describeSecurityGroups(
        new $ECS.DescribeSecurityGroupsRequest({ regionId: 'cn-hangzhou', nextToken: 'forged' }),
      ),
    );
    expect(groups).toMatchObject({ code: 'InValidParameter.NextToken', statusCode: 400 });
    const rules = await failure(
      e.describeSecurityGroupAttribute(
        new $ECS.DescribeSecurityGroupAttributeRequest({
          regionId: 'cn-hangzhou',
          securityGroupId: DEMO.securityGroups.enterpriseAllow,
          nextToken: 'forged',
        }),
      ),
    );
    expect(rules).toMatchObject({ code: 'InValidParameter.NextToken', statusCode: 400 });
    expect(classifyCloudError('InValidParameter.NextToken', 'x', 400).kind).toBe('invalidInput');
    expect(classifyCloudError('InValidParameter.NextToken', 'x', null).kind).toBe('invalidInput');
  });

  it('KMS: ListKeys takes only the five documented filter keys and at most 10 values', async () => {
    const k = rootKms();
    for (const key of ['KeyId', 'AliasName', 'Creator', 'DKMSInstanceId', 'TagKey']) {
      const bad = await failure(
        k('ListKeys', { Filters: JSON.stringify([{ Key: key, Values: ['x'] }]) }),
      );
      expect(bad, key).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
    }
    const tooMany = await failure(
      k('ListKeys', {
        Filters: JSON.stringify([{ Key: 'KeyState', Values: Array(11).fill('Enabled') }]),
      }),
    );
    expect(tooMany).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
    for (const key of ['KeyState', 'KeySpec', 'KeyUsage', 'ProtectionLevel', 'CreatorType']) {
      const ok = await k('ListKeys', { Filters: JSON.stringify([{ Key: key, Values: ['x'] }]) });
      expect(ok.body.TotalCount, key).toBe(0);
    }
  });
});
