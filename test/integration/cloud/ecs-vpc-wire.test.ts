// The egress check's ECS and VPC reads go through openapi-core's RPC call (cloud/rpc.ts) and read
// the answers without the SDK models (cloud/ecs-wire.ts, vpc-wire.ts, rpc-wire.ts). They must stay
// the official SDKs' requests on the wire (@alicloud/ecs20140526 7.11.6, @alicloud/vpc20160428
// 7.3.2, devDependencies for these tests); ecs-vpc-answers.test.ts compares what is read of
// the answers with their models. A loopback server records what each way sends.
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  describeSecurityGroupEgress,
  describeSecurityGroupType,
} from '../../../electron/core/cloud/ecs';
import { CloudError } from '../../../electron/core/cloud/errors';
import { sdkClient } from '../../../electron/core/cloud/sdk';
import type { Product } from '../../../electron/core/cloud/endpoints';
import {
  describeNetworkAclAttributes,
  describeVpcs,
  describeVSwitch,
  listVSwitches,
} from '../../../electron/core/cloud/vpc';
import { startCaptureServer, wireSession } from '../../support/capture-server';
import type { CaptureServer, SeenRequest } from '../../support/capture-server';

let capture: CaptureServer;
let url: string;
let seen: SeenRequest[];
/** The answer to each request, by the query it came with. */
let answer: (query: URLSearchParams) => unknown = () => ({});

beforeAll(async () => {
  capture = await startCaptureServer((query) => answer(query));
  ({ url, seen } = capture);
});
afterAll(() => capture.close());
beforeEach(() => {
  seen.length = 0;
  answer = () => ({});
});

const session = () => wireSession(url);

const Ecs = sdkClient($Ecs.default);
const Vpc = sdkClient($Vpc.default);

/** One call of the official client, through the same session and transport. */
function bySdk<T>(
  product: Product,
  action: string,
  send: (config: ConstructorParameters<typeof Ecs>[0]) => Promise<T>,
): Promise<T> {
  return session().call(product, action, 'cn-hangzhou', send, { idempotent: true });
}

/** What must be equal: everything but the per-request date, nonce and signature. */
function comparable(s: SeenRequest) {
  const headers = { ...s.headers };
  for (const h of ['x-acs-date', 'x-acs-signature-nonce', 'authorization']) {
    expect(headers[h], h).toBeTruthy();
    delete headers[h];
  }
  // The signed header list (not the signature, which covers the date and nonce).
  const signed = /SignedHeaders=([^,]+)/.exec(String(s.headers.authorization))?.[1];
  const scheme = String(s.headers.authorization).split(' ')[0];
  return { ...s, headers, signed, scheme };
}

/** The SDK's request `sdk` (one) and ours (`ours`, every request ours made) are the same. */
async function expectSameWire(sdk: () => Promise<unknown>, ours: () => Promise<unknown>) {
  await sdk();
  const sdkCount = seen.length;
  await ours();
  const [theirs, ...mine] = seen.map(comparable);
  expect(sdkCount).toBe(1);
  expect(theirs!.method).toBe('POST');
  expect(theirs!.path).toBe('/');
  expect(theirs!.scheme).toBe('ACS3-HMAC-SHA256');
  expect(theirs!.headers['x-acs-security-token']).toBe('wire-test-token');
  return { theirs: theirs!, mine };
}

const query = (s: { query: [string, string][] }) => Object.fromEntries(s.query);

describe('ECS and VPC requests: exactly what the SDKs send', () => {
  it('DescribeSecurityGroups, first page and a NextToken page', async () => {
    answer = (q) =>
      q.get('NextToken')
        ? {
            RequestId: 'r-2',
            NextToken: '',
            SecurityGroups: {
              SecurityGroup: [{ SecurityGroupId: 'sg-1', SecurityGroupType: 'enterprise' }],
            },
          }
        : {
            RequestId: 'r-1',
            NextToken: 'tok-2',
            SecurityGroups: { SecurityGroup: [{ SecurityGroupId: 'sg-0' }] },
          };
    const request = (nextToken?: string) =>
      new $Ecs.DescribeSecurityGroupsRequest({
        regionId: 'cn-hangzhou',
        securityGroupIds: JSON.stringify(['sg-1']),
        maxResults: 100,
        ...(nextToken ? { nextToken } : {}),
      });
    const { theirs, mine } = await expectSameWire(
      () =>
        bySdk(
          'ecs',
          'DescribeSecurityGroups',
          async (c) => (await new Ecs(c).describeSecurityGroups(request())).body,
        ),
      async () =>
        expect(await describeSecurityGroupType(session(), 'cn-hangzhou', 'sg-1')).toMatchObject({
          type: 'enterprise',
          requestIds: ['r-1', 'r-2'],
        }),
    );
    expect(query(theirs)).toMatchObject({ SecurityGroupIds: '["sg-1"]', MaxResults: '100' });
    expect(mine).toHaveLength(2);
    expect(mine[0]).toEqual(theirs);
    seen.length = 0;
    await bySdk(
      'ecs',
      'DescribeSecurityGroups',
      async (c) => (await new Ecs(c).describeSecurityGroups(request('tok-2'))).body,
    );
    expect(comparable(seen[0]!)).toEqual(mine[1]);
  });

  it('DescribeSecurityGroupAttribute, first page and a NextToken page', async () => {
    answer = (q) => ({
      RequestId: 'r',
      NextToken: q.get('NextToken') ? '' : 'tok-2',
      Permissions: {
        Permission: [
          { SecurityGroupRuleId: `sgr-${q.get('NextToken') ?? 1}`, Direction: 'egress' },
        ],
      },
    });
    const request = (nextToken?: string) =>
      new $Ecs.DescribeSecurityGroupAttributeRequest({
        regionId: 'cn-hangzhou',
        securityGroupId: 'sg-1',
        direction: 'egress',
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      });
    const { theirs, mine } = await expectSameWire(
      () =>
        bySdk(
          'ecs',
          'DescribeSecurityGroupAttribute',
          async (c) => (await new Ecs(c).describeSecurityGroupAttribute(request())).body,
        ),
      async () =>
        expect(
          (await describeSecurityGroupEgress(session(), 'cn-hangzhou', 'sg-1')).rules,
        ).toHaveLength(2),
    );
    expect(mine).toHaveLength(2);
    expect(mine[0]).toEqual(theirs);
    seen.length = 0;
    await bySdk(
      'ecs',
      'DescribeSecurityGroupAttribute',
      async (c) => (await new Ecs(c).describeSecurityGroupAttribute(request('tok-2'))).body,
    );
    expect(comparable(seen[0]!)).toEqual(mine[1]);
  });

  it('DescribeVSwitches by vSwitch id, and by VPC over two pages', async () => {
    answer = () => ({
      RequestId: 'r',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 50,
      VSwitches: { VSwitch: [{ VSwitchId: 'vsw-1', VpcId: 'vpc-1', NetworkAclId: 'nacl-1' }] },
    });
    const one = await expectSameWire(
      () =>
        bySdk(
          'vpc',
          'DescribeVSwitches',
          async (c) =>
            (
              await new Vpc(c).describeVSwitches(
                new $Vpc.DescribeVSwitchesRequest({
                  regionId: 'cn-hangzhou',
                  vSwitchId: 'vsw-1',
                  pageNumber: 1,
                  pageSize: 50,
                }),
              )
            ).body,
        ),
      async () =>
        expect(await describeVSwitch(session(), 'cn-hangzhou', 'vsw-1')).toMatchObject({
          networkAclId: 'nacl-1',
        }),
    );
    expect(one.mine).toEqual([one.theirs]);

    seen.length = 0;
    // 51 vSwitches: 50 on page 1, one on page 2.
    answer = (q) => {
      const page = Number(q.get('PageNumber'));
      const ids = page === 1 ? Array.from({ length: 50 }, (_, i) => i) : [50];
      return {
        RequestId: `r-${page}`,
        TotalCount: 51,
        PageNumber: page,
        PageSize: 50,
        VSwitches: { VSwitch: ids.map((i) => ({ VSwitchId: `vsw-${i}`, VpcId: 'vpc-1' })) },
      };
    };
    const byVpc = (pageNumber: number) =>
      bySdk(
        'vpc',
        'DescribeVSwitches',
        async (c) =>
          (
            await new Vpc(c).describeVSwitches(
              new $Vpc.DescribeVSwitchesRequest({
                regionId: 'cn-hangzhou',
                vpcId: 'vpc-1',
                pageNumber,
                pageSize: 50,
              }),
            )
          ).body,
      );
    const two = await expectSameWire(
      () => byVpc(1),
      async () => expect(await listVSwitches(session(), 'cn-hangzhou', 'vpc-1')).toHaveLength(51),
    );
    expect(two.mine).toHaveLength(2);
    expect(two.mine[0]).toEqual(two.theirs);
    seen.length = 0;
    await byVpc(2);
    expect(comparable(seen[0]!)).toEqual(two.mine[1]);
  });

  it('DescribeNetworkAclAttributes and DescribeVpcs', async () => {
    answer = () => ({ RequestId: 'r', NetworkAclAttribute: { NetworkAclId: 'nacl-1' } });
    const acl = await expectSameWire(
      () =>
        bySdk(
          'vpc',
          'DescribeNetworkAclAttributes',
          async (c) =>
            (
              await new Vpc(c).describeNetworkAclAttributes(
                new $Vpc.DescribeNetworkAclAttributesRequest({
                  regionId: 'cn-hangzhou',
                  networkAclId: 'nacl-1',
                }),
              )
            ).body,
        ),
      () => describeNetworkAclAttributes(session(), 'cn-hangzhou', 'nacl-1'),
    );
    expect(acl.mine).toEqual([acl.theirs]);

    seen.length = 0;
    answer = () => ({ RequestId: 'r', TotalCount: 1, Vpcs: { Vpc: [{ VpcId: 'vpc-1' }] } });
    const vpcs = await expectSameWire(
      () =>
        bySdk(
          'vpc',
          'DescribeVpcs',
          async (c) =>
            (
              await new Vpc(c).describeVpcs(
                new $Vpc.DescribeVpcsRequest({
                  regionId: 'cn-hangzhou',
                  pageNumber: 1,
                  pageSize: 50,
                }),
              )
            ).body,
        ),
      () => describeVpcs(session(), 'cn-hangzhou'),
    );
    expect(vpcs.mine).toEqual([vpcs.theirs]);
  });

  it('an answer the SDK could not cast fails the call as a CloudError, as with the SDK', async () => {
    answer = () => ({ SecurityGroups: { SecurityGroup: 'x' } });
    await expect(
      describeSecurityGroupType(session(), 'cn-hangzhou', 'sg-1'),
    ).rejects.toBeInstanceOf(CloudError);
    answer = () => ({ NetworkAclAttribute: { Resources: { Resource: [7] } } });
    await expect(
      describeNetworkAclAttributes(session(), 'cn-hangzhou', 'nacl-1'),
    ).rejects.toBeInstanceOf(CloudError);
  });
});
