// The ECS and VPC answers read without the SDK models (cloud/ecs-wire.ts, vpc-wire.ts, cast rules
// in sdk-cast.ts) hold what @alicloud/ecs20140526 7.11.6 and @alicloud/vpc20160428 7.3.2's models
// would hold of the fields we use, and fail where those models fail. The requests are compared
// on the wire in ecs-vpc-wire.test.ts.
import * as $dara from '@darabonba/typescript';
import * as $Ecs from '@alicloud/ecs20140526';
import * as $Vpc from '@alicloud/vpc20160428';
import { describe, expect, it } from 'vitest';
import {
  permissionsPageFromWire,
  securityGroupsPageFromWire,
} from '../../../electron/core/cloud/ecs-wire';
import {
  networkAclFromWire,
  vpcsPageFromWire,
  vSwitchesPageFromWire,
} from '../../../electron/core/cloud/vpc-wire';

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

  it('fails where the SDK fails: a field we use of a type it cannot cast', () => {
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
