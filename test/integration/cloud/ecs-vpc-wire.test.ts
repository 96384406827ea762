// The egress check's ECS and VPC reads go through openapi-core's RPC call (cloud/rpc.ts) and read
// the answers without the SDK models (cloud/ecs-wire.ts, vpc-wire.ts, rpc-wire.ts). They must stay
// the official SDKs' requests on the wire (@alicloud/ecs20140526 7.11.6, @alicloud/vpc20160428
// 7.3.2, still installed for this test) and read what the SDK models would hold. A loopback
// server records what each way sends; the same answers are read both ways.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as $dara from '@darabonba/typescript';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  describeSecurityGroupEgress,
  describeSecurityGroupType,
} from '../../../electron/core/cloud/ecs';
import {
  permissionsPageFromWire,
  securityGroupsPageFromWire,
} from '../../../electron/core/cloud/ecs-wire';
import { CloudError } from '../../../electron/core/cloud/errors';
import { sdkClient } from '../../../electron/core/cloud/sdk';
import { CloudLimits, CloudSession } from '../../../electron/core/cloud/session';
import type { Product } from '../../../electron/core/cloud/endpoints';
import {
  describeNetworkAclAttributes,
  describeVpcs,
  describeVSwitch,
  listVSwitches,
} from '../../../electron/core/cloud/vpc';
import {
  networkAclFromWire,
  vpcsPageFromWire,
  vSwitchesPageFromWire,
} from '../../../electron/core/cloud/vpc-wire';

interface Seen {
  method: string;
  path: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let url: string;
const seen: Seen[] = [];
/** The answer to each request, by the query it came with. */
let answer: (query: URLSearchParams) => unknown = () => ({});

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({
        method: req.method ?? '',
        path: u.pathname,
        query: [...u.searchParams.entries()],
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(answer(u.searchParams)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answer = () => ({});
});

const session = () =>
  new CloudSession({
    accountKey: 'wire',
    credentials: async () => ({
      accessKeyId: 'LTAI5tWireTest0001',
      accessKeySecret: 'wire-test-secret-0001',
      securityToken: 'wire-test-token',
    }),
    network: { endpoint: url },
    limits: new CloudLimits(),
    timeouts: { connectMs: 2_000, readMs: 5_000 },
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 1 },
  });

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
function comparable(s: Seen) {
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
});

/** The model's values of `keys` (those it holds), for comparing with what we read. */
function held(model: unknown, keys: readonly string[]): Record<string, unknown> {
  const m = model as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, m[k]]).filter(([, v]) => v !== undefined));
}

const GROUP_KEYS = ['securityGroupId', 'securityGroupName', 'securityGroupType', 'vpcId'];
const PERMISSION_KEYS = [
  'securityGroupRuleId',
  'direction',
  'ipProtocol',
  'portRange',
  'destCidrIp',
  'ipv6DestCidrIp',
  'destGroupId',
  'destPrefixListId',
  'destPrefixListName',
  'portRangeListId',
  'policy',
  'priority',
  'description',
];
const VSWITCH_KEYS = [
  'vSwitchId',
  'vSwitchName',
  'vpcId',
  'zoneId',
  'networkAclId',
  'cidrBlock',
  'availableIpAddressCount',
  'status',
];
const ENTRY_KEYS = [
  'networkAclEntryId',
  'networkAclEntryName',
  'entryType',
  'policy',
  'protocol',
  'port',
  'ipVersion',
];
const PAGE_KEYS = ['requestId', 'totalCount', 'pageNumber', 'pageSize'];

describe('ECS and VPC answers: read as the SDK models hold them', () => {
  it('security groups and their rules, whatever the JSON types of the fields we use', () => {
    const groups = {
      RequestId: 'r-1',
      NextToken: 7,
      TotalCount: '12',
      SecurityGroups: {
        SecurityGroup: [
          {
            SecurityGroupId: 'sg-1',
            SecurityGroupName: 'n',
            SecurityGroupType: 'enterprise',
            VpcId: 'vpc-1',
            Tags: { Tag: [] },
          },
          { SecurityGroupId: 123, SecurityGroupName: true, SecurityGroupType: null },
          {},
        ],
      },
    };
    const model = $dara.cast(groups, new $Ecs.DescribeSecurityGroupsResponseBody({}));
    const ours = securityGroupsPageFromWire(groups);
    expect(held(ours, ['requestId', 'nextToken', 'totalCount'])).toEqual(
      held(model, ['requestId', 'nextToken', 'totalCount']),
    );
    expect(ours.totalCount).toBe(12);
    expect(ours.securityGroups).toEqual(
      model.securityGroups!.securityGroup!.map((g) => held(g, GROUP_KEYS)),
    );

    const rules = {
      RequestId: 'r-2',
      InnerAccessPolicy: 'Accept',
      Permissions: {
        Permission: [
          {
            SecurityGroupRuleId: 'sgr-1',
            Direction: 'egress',
            IpProtocol: 'TCP',
            PortRange: '443/443',
            DestCidrIp: '100.64.0.0/10',
            Policy: 'Drop',
            Priority: 5,
            Description: 'd',
            DestGroupId: 'sg-2',
            DestPrefixListId: 'pl-1',
            DestPrefixListName: 'p',
            PortRangeListId: 'prl-1',
            Ipv6DestCidrIp: '::/0',
          },
          { Priority: '100', PortRange: 443, Policy: false, SourceCidrIp: null },
          {},
        ],
      },
    };
    const rulesModel = $dara.cast(rules, new $Ecs.DescribeSecurityGroupAttributeResponseBody({}));
    const rulesOurs = permissionsPageFromWire(rules);
    expect(held(rulesOurs, ['requestId', 'nextToken', 'innerAccessPolicy'])).toEqual(
      held(rulesModel, ['requestId', 'nextToken', 'innerAccessPolicy']),
    );
    expect(rulesOurs.permissions).toEqual(
      rulesModel.permissions!.permission!.map((p) => held(p, PERMISSION_KEYS)),
    );
    expect(rulesOurs.permissions[0]!.priority).toBe('5');
  });

  it('vSwitches, VPCs and a network ACL, whatever the JSON types of the fields we use', () => {
    const vsw = {
      RequestId: 'r',
      TotalCount: '3',
      PageNumber: '1',
      PageSize: 50,
      VSwitches: {
        VSwitch: [
          {
            VSwitchId: 'vsw-1',
            VSwitchName: 'a',
            VpcId: 'vpc-1',
            ZoneId: 'z',
            NetworkAclId: '',
            CidrBlock: '10.0.0.0/24',
            AvailableIpAddressCount: '250',
            Status: 'Available',
          },
          { VSwitchId: 5, AvailableIpAddressCount: '1.5', NetworkAclId: null },
          { AvailableIpAddressCount: '' },
        ],
      },
    };
    const vswModel = $dara.cast(vsw, new $Vpc.DescribeVSwitchesResponseBody({}));
    const vswOurs = vSwitchesPageFromWire(vsw);
    expect(held(vswOurs, PAGE_KEYS)).toEqual(held(vswModel, PAGE_KEYS));
    expect(vswOurs.items).toEqual(vswModel.vSwitches!.vSwitch!.map((v) => held(v, VSWITCH_KEYS)));
    expect(vswOurs.items.map((v) => v.availableIpAddressCount)).toEqual([250, 1.5, NaN]);

    const vpcs = {
      TotalCount: 1,
      Vpcs: {
        Vpc: [
          {
            VpcId: 'vpc-1',
            VpcName: 7,
            CidrBlock: '10.0.0.0/8',
            Status: 'Available',
            SecondaryCidrBlocks: { SecondaryCidrBlock: ['172.16.0.0/12', 5, ''] },
          },
          { VpcId: 'vpc-2' },
        ],
      },
    };
    const vpcsModel = $dara.cast(vpcs, new $Vpc.DescribeVpcsResponseBody({}));
    const vpcsOurs = vpcsPageFromWire(vpcs);
    expect(held(vpcsOurs, PAGE_KEYS)).toEqual(held(vpcsModel, PAGE_KEYS));
    expect(vpcsOurs.items).toEqual(
      vpcsModel.vpcs!.vpc!.map((v) => ({
        ...held(v, ['vpcId', 'vpcName', 'cidrBlock', 'status']),
        secondaryCidrBlocks: v.secondaryCidrBlocks?.secondaryCidrBlock ?? [],
      })),
    );

    const acl = {
      RequestId: 'r',
      NetworkAclAttribute: {
        NetworkAclId: 'nacl-1',
        NetworkAclName: 3,
        VpcId: 'vpc-1',
        Status: 'Available',
        EgressAclEntries: {
          EgressAclEntry: [
            {
              NetworkAclEntryId: 'nae-1',
              NetworkAclEntryName: 'a',
              EntryType: 'custom',
              Policy: 'drop',
              Protocol: 'all',
              Port: '-1/-1',
              IpVersion: 'IPv4',
              DestinationCidrIp: '100.64.0.0/10',
            },
            { Port: 443, DestinationCidrIp: null },
          ],
        },
        IngressAclEntries: { IngressAclEntry: [{ SourceCidrIp: '0.0.0.0/0', Policy: true }] },
        Resources: {
          Resource: [{ ResourceId: 'vsw-1', ResourceType: 'VSwitch', Status: 'BINDED' }, {}],
        },
      },
    };
    const aclModel = $dara.cast(acl, new $Vpc.DescribeNetworkAclAttributesResponseBody({}));
    const aclOurs = networkAclFromWire(acl);
    const m = aclModel.networkAclAttribute!;
    expect(aclOurs).toEqual({
      requestId: aclModel.requestId,
      acl: {
        ...held(m, ['networkAclId', 'networkAclName', 'vpcId', 'status']),
        egressAclEntries: m.egressAclEntries!.egressAclEntry!.map((e) =>
          held(e, [...ENTRY_KEYS, 'destinationCidrIp']),
        ),
        ingressAclEntries: m.ingressAclEntries!.ingressAclEntry!.map((e) =>
          held(e, [...ENTRY_KEYS, 'sourceCidrIp']),
        ),
        resources: m.resources!.resource!.map((r) =>
          held(r, ['resourceId', 'resourceType', 'status']),
        ),
      },
    });
    // Missing lists are empty, as `?? []` made them of the model; no attribute, no acl.
    expect(networkAclFromWire({ NetworkAclAttribute: {} })).toEqual({
      acl: { egressAclEntries: [], ingressAclEntries: [], resources: [] },
    });
    expect(networkAclFromWire({ RequestId: 'r' })).toEqual({ requestId: 'r' });
  });

  it('fails where the SDK fails: a field we use of a type it cannot cast', async () => {
    const cases: [
      new (m: object) => $dara.Model,
      (b: Record<string, unknown>) => unknown,
      Record<string, unknown>,
    ][] = [
      [
        $Ecs.DescribeSecurityGroupsResponseBody,
        securityGroupsPageFromWire,
        { SecurityGroups: 'x' },
      ],
      [
        $Ecs.DescribeSecurityGroupsResponseBody,
        securityGroupsPageFromWire,
        { SecurityGroups: { SecurityGroup: 'x' } },
      ],
      [
        $Ecs.DescribeSecurityGroupsResponseBody,
        securityGroupsPageFromWire,
        { SecurityGroups: { SecurityGroup: [null] } },
      ],
      [
        $Ecs.DescribeSecurityGroupsResponseBody,
        securityGroupsPageFromWire,
        { SecurityGroups: { SecurityGroup: [{ SecurityGroupType: {} }] } },
      ],
      [$Ecs.DescribeSecurityGroupsResponseBody, securityGroupsPageFromWire, { TotalCount: '-1' }],
      [
        $Ecs.DescribeSecurityGroupAttributeResponseBody,
        permissionsPageFromWire,
        { Permissions: { Permission: [{ DestCidrIp: ['0.0.0.0/0'] }] } },
      ],
      [
        $Vpc.DescribeVSwitchesResponseBody,
        vSwitchesPageFromWire,
        { VSwitches: { VSwitch: [{ AvailableIpAddressCount: 'many' }] } },
      ],
      [$Vpc.DescribeVSwitchesResponseBody, vSwitchesPageFromWire, { PageSize: true }],
      [
        $Vpc.DescribeVpcsResponseBody,
        vpcsPageFromWire,
        { Vpcs: { Vpc: [{ SecondaryCidrBlocks: { SecondaryCidrBlock: '10.0.0.0/8' } }] } },
      ],
      [
        $Vpc.DescribeNetworkAclAttributesResponseBody,
        networkAclFromWire,
        { NetworkAclAttribute: 'x' },
      ],
      [
        $Vpc.DescribeNetworkAclAttributesResponseBody,
        networkAclFromWire,
        { NetworkAclAttribute: { EgressAclEntries: { EgressAclEntry: [{ Port: {} }] } } },
      ],
    ];
    for (const [Body, read, bad] of cases) {
      const sdkError = (() => {
        try {
          $dara.cast(bad, new Body({}));
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })();
      expect(sdkError, JSON.stringify(bad)).not.toBe('no error');
      expect(() => read(bad), JSON.stringify(bad)).toThrow(sdkError);
    }
    // And through the public functions: a CloudError, as the SDK's cast failure was.
    answer = () => ({ SecurityGroups: { SecurityGroup: 'x' } });
    await expect(
      describeSecurityGroupType(session(), 'cn-hangzhou', 'sg-1'),
    ).rejects.toBeInstanceOf(CloudError);
    answer = () => ({ NetworkAclAttribute: { Resources: { Resource: [7] } } });
    await expect(
      describeNetworkAclAttributes(session(), 'cn-hangzhou', 'nacl-1'),
    ).rejects.toBeInstanceOf(CloudError);
  });

  it('a mistyped field we do not read no longer fails the call (the SDK model failed on it)', () => {
    const body = {
      SecurityGroups: { SecurityGroup: [{ SecurityGroupId: 'sg-1', EcsCount: 'many' }] },
    };
    expect(() => $dara.cast(body, new $Ecs.DescribeSecurityGroupsResponseBody({}))).toThrow(
      /mismatch/,
    );
    expect(securityGroupsPageFromWire(body).securityGroups).toEqual([{ securityGroupId: 'sg-1' }]);
  });
});
