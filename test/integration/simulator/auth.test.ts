import { createHmac, randomUUID } from 'node:crypto';
import * as $CS from '@alicloud/cs20151215';
import { AssumeRoleRequest } from '@alicloud/sts20150401';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, type Simulator } from '../../../simulator';
import { creds, cs, failure, kms, ram, start, sts } from './helpers';
import type { Json } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.stop());
beforeEach(() => sim.control.reset());

describe('signature checks (ACS3-HMAC-SHA256)', () => {
  it('a wrong secret gives SignatureDoesNotMatch', async () => {
    const e = await failure(
      cs(sim, {
        accessKeyId: DEMO.accessKeys.retailRoot,
        accessKeySecret: 'wrong',
      }).describeClustersV1(new $CS.DescribeClustersV1Request({})),
    );
    expect(e).toMatchObject({
      name: 'ClientError',
      code: 'SignatureDoesNotMatch',
      statusCode: 400,
    });
    const k = await failure(
      kms(sim, { accessKeyId: DEMO.accessKeys.retailRoot, accessKeySecret: 'wrong' })('ListKeys'),
    );
    expect(k.code).toBe('SignatureDoesNotMatch');
    expect(k.data.HostId).toBe('kms.cn-hangzhou.aliyuncs.com');
  });

  it('an unknown AccessKey gives InvalidAccessKeyId.NotFound, a disabled one InvalidAccessKeyId.Inactive', async () => {
    const e = await failure(
      cs(sim, { accessKeyId: 'LTAI-nobody', accessKeySecret: 'x' }).describeClusterDetail(
        DEMO.clusters.happy,
      ),
    );
    expect(e).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', statusCode: 404 });
    const d = await failure(
      cs(sim, creds(DEMO.accessKeys.logisticsEngineerDisabled)).describeClustersV1(
        new $CS.DescribeClustersV1Request({}),
      ),
    );
    expect(d).toMatchObject({ code: 'InvalidAccessKeyId.Inactive', statusCode: 400 });
  });

  it('an unsigned request is refused', async () => {
    const r = await fetch(`${sim.url}/api/v1/clusters`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as Json).code).toBe('IncompleteSignature');
  });
});

describe('STS tokens', () => {
  it('work until they expire, then InvalidSecurityToken.Expired', async () => {
    const s = sts(sim, creds(DEMO.accessKeys.logisticsEngineer));
    const r = (
      await s.assumeRole(
        new AssumeRoleRequest({
          roleArn: DEMO.factoryRoleArn,
          roleSessionName: 'guard',
          durationSeconds: 900,
        }),
      )
    ).body!;
    expect(r.credentials!.accessKeyId).toMatch(/^STS\./);
    expect(r.assumedRoleUser!.arn).toBe(
      `acs:ram::${DEMO.accounts.factory.id}:role/ack-secret-guard-ops/guard`,
    );
    expect(r.assumedRoleUser!.assumedRoleId).toBe(`${DEMO.factoryRole.id}:guard`);
    const tok = {
      accessKeyId: r.credentials!.accessKeyId!,
      accessKeySecret: r.credentials!.accessKeySecret!,
      securityToken: r.credentials!.securityToken!,
    };
    const who = (await sts(sim, tok).getCallerIdentity()).body!;
    expect(who).toMatchObject({
      accountId: DEMO.accounts.factory.id,
      identityType: 'AssumedRoleUser',
      roleId: DEMO.factoryRole.id,
    });
    const list = await cs(sim, tok).describeClustersV1(new $CS.DescribeClustersV1Request({}));
    expect(list.body!.pageInfo!.totalCount).toBe(2);
    sim.control.advance(901);
    const e = await failure(cs(sim, tok).describeClustersV1(new $CS.DescribeClustersV1Request({})));
    expect(e).toMatchObject({ code: 'InvalidSecurityToken.Expired', statusCode: 400 });
    const bad = await failure(
      cs(sim, { ...tok, securityToken: 'CAISnotit' }).describeClustersV1(
        new $CS.DescribeClustersV1Request({}),
      ),
    );
    expect(bad.code).toMatch(/^InvalidSecurityToken\./);
  });

  it('AssumeRole errors: root account, no sts:AssumeRole permission, untrusted account, missing role, bad duration', async () => {
    // The root account cannot call AssumeRole (docs/alibaba-cloud-api.md §7), even for a role
    // whose trust policy names its account.
    let e = await failure(
      sts(sim, creds(DEMO.accessKeys.retailRoot)).assumeRole(
        new AssumeRoleRequest({ roleArn: DEMO.factoryRoleArn, roleSessionName: 'x1' }),
      ),
    );
    expect(e).toMatchObject({ code: 'NoPermission', statusCode: 403 });
    expect(e.message).toContain('Roles may not be assumed by root accounts.');
    e = await failure(
      sts(sim, creds(DEMO.accessKeys.logisticsAuditor)).assumeRole(
        new AssumeRoleRequest({ roleArn: DEMO.factoryRoleArn, roleSessionName: 'x1' }),
      ),
    );
    expect(e).toMatchObject({ code: 'NoPermission', statusCode: 403 });
    expect(e.message).toContain('You should be authorized by RAM.');
    e = await failure(
      sts(sim, creds(DEMO.accessKeys.logisticsEngineer)).assumeRole(
        new AssumeRoleRequest({
          roleArn: `acs:ram::${DEMO.accounts.retail.id}:role/AliyunCSManagedSecurityRole`,
          roleSessionName: 'x1',
        }),
      ),
    );
    expect(e).toMatchObject({ code: 'NoPermission', statusCode: 403 });
    e = await failure(
      sts(sim, creds(DEMO.accessKeys.logisticsEngineer)).assumeRole(
        new AssumeRoleRequest({
          roleArn: `acs:ram::${DEMO.accounts.factory.id}:role/nope`,
          roleSessionName: 'x1',
        }),
      ),
    );
    expect(e).toMatchObject({ code: 'EntityNotExist.Role', statusCode: 404 });
    e = await failure(
      sts(sim, creds(DEMO.accessKeys.logisticsEngineer)).assumeRole(
        new AssumeRoleRequest({
          roleArn: DEMO.factoryRoleArn,
          roleSessionName: 'x1',
          durationSeconds: 7200,
        }),
      ),
    );
    expect(e).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
  });

  it('GetCallerIdentity for root and RAM user', async () => {
    expect(
      (await sts(sim, creds(DEMO.accessKeys.retailRoot)).getCallerIdentity()).body,
    ).toMatchObject({
      identityType: 'Account',
      accountId: DEMO.accounts.retail.id,
      arn: `acs:ram::${DEMO.accounts.retail.id}:root`,
    });
    expect(
      (await sts(sim, creds(DEMO.accessKeys.logisticsEngineer)).getCallerIdentity()).body,
    ).toMatchObject({
      identityType: 'RAMUser',
      userId: DEMO.users.fieldEngineer.id,
      arn: `acs:ram::${DEMO.accounts.logistics.id}:user/field-engineer`,
    });
  });
});

describe('authorisation per product', () => {
  it('RAM user without permission fails the way each product does', async () => {
    const aud = creds(DEMO.accessKeys.logisticsAuditor);
    const k = await failure(kms(sim, aud)('ListKeys'));
    expect(k).toMatchObject({ code: 'Forbidden.NoPermission', statusCode: 403 });
    const r = await failure(
      ram(sim, aud).listPoliciesForUser(
        new (await import('@alicloud/ram20150501')).ListPoliciesForUserRequest({
          userName: 'auditor',
        }),
      ),
    );
    expect(r).toMatchObject({ code: 'NoPermission', statusCode: 403 });
  });
});

describe('legacy HMAC-SHA1 query-signed RPC', () => {
  const pct = (s: string) =>
    encodeURIComponent(s).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  function signedUrl(secret: string, params: Record<string, string>): string {
    const all: Record<string, string> = {
      Format: 'json',
      Version: '2016-01-20',
      AccessKeyId: DEMO.accessKeys.retailRoot,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      ...params,
    };
    const canon = Object.keys(all)
      .sort()
      .map((k) => `${pct(k)}=${pct(all[k]!)}`)
      .join('&');
    const sig = createHmac('sha1', `${secret}&`)
      .update(`POST&${pct('/')}&${pct(canon)}`)
      .digest('base64');
    return `${sim.url}/?${Object.entries({ ...all, Signature: sig })
      .map(([k, v]) => `${pct(k)}=${pct(v)}`)
      .join('&')}`;
  }
  it('accepts a correct signature and refuses a wrong one', async () => {
    const secret = creds(DEMO.accessKeys.retailRoot).accessKeySecret;
    const ok = await fetch(
      signedUrl(secret, { Action: 'DescribeKey', KeyId: DEMO.keys.valid, RegionId: 'cn-hangzhou' }),
      { method: 'POST' },
    );
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).KeyMetadata.KeyId).toBe(DEMO.keys.valid);
    const bad = await fetch(
      signedUrl('wrong', {
        Action: 'DescribeKey',
        KeyId: DEMO.keys.valid,
        RegionId: 'cn-hangzhou',
      }),
      { method: 'POST' },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).Code).toBe('SignatureDoesNotMatch');
    const missing = await fetch(
      signedUrl(secret, { Action: 'DescribeKey', KeyId: 'key-nope', RegionId: 'cn-hangzhou' }),
      { method: 'POST' },
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as Json).Code).toBe('Forbidden.KeyNotFound');
  });

  it('refuses the same signed request sent twice (its nonce was used) with SignatureNonceUsed', async () => {
    const secret = creds(DEMO.accessKeys.retailRoot).accessKeySecret;
    const url = signedUrl(secret, {
      Action: 'DescribeKey',
      KeyId: DEMO.keys.valid,
      RegionId: 'cn-hangzhou',
    });
    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
    const replay = await fetch(url, { method: 'POST' });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as Json).Code).toBe('SignatureNonceUsed');
  });
});
