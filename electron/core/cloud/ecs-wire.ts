// The ECS answers the egress check reads (DescribeSecurityGroups, DescribeSecurityGroupAttribute),
// as @alicloud/ecs20140526 7.11.6's response models would hold the fields we use (same names;
// cast rules: cloud/sdk-cast.ts), and what their calls are sent as (rpc-wire.ts rpcRead).
import { readList, readModel } from './rpc-wire';
import type { WireModel, WireObject } from './rpc-wire';

/** What rpcRead sends these answers' calls as. */
export const ECS_API = { product: 'ecs', version: '2014-05-26' } as const;

// Each model's fields we use: the model's name → the wire's name and the model's type.

const GROUPS_PAGE_FIELDS = {
  requestId: ['RequestId', 'string'],
  nextToken: ['NextToken', 'string'],
  totalCount: ['TotalCount', 'number'],
} as const;

const GROUP_FIELDS = {
  securityGroupId: ['SecurityGroupId', 'string'],
  securityGroupName: ['SecurityGroupName', 'string'],
  securityGroupType: ['SecurityGroupType', 'string'],
  vpcId: ['VpcId', 'string'],
} as const;

const RULES_PAGE_FIELDS = {
  requestId: ['RequestId', 'string'],
  nextToken: ['NextToken', 'string'],
  innerAccessPolicy: ['InnerAccessPolicy', 'string'],
} as const;

const PERMISSION_FIELDS = {
  securityGroupRuleId: ['SecurityGroupRuleId', 'string'],
  direction: ['Direction', 'string'],
  ipProtocol: ['IpProtocol', 'string'],
  portRange: ['PortRange', 'string'],
  destCidrIp: ['DestCidrIp', 'string'],
  ipv6DestCidrIp: ['Ipv6DestCidrIp', 'string'],
  destGroupId: ['DestGroupId', 'string'],
  destPrefixListId: ['DestPrefixListId', 'string'],
  destPrefixListName: ['DestPrefixListName', 'string'],
  portRangeListId: ['PortRangeListId', 'string'],
  policy: ['Policy', 'string'],
  // A string in the model (and on the wire); a number arrives as its text.
  priority: ['Priority', 'string'],
  description: ['Description', 'string'],
} as const;

export type SecurityGroupModel = WireModel<typeof GROUP_FIELDS>;
export type PermissionModel = WireModel<typeof PERMISSION_FIELDS>;

/** One DescribeSecurityGroups page: its paging fields and `SecurityGroups.SecurityGroup`. */
export function securityGroupsPageFromWire(
  body: WireObject,
): WireModel<typeof GROUPS_PAGE_FIELDS> & { securityGroups: SecurityGroupModel[] } {
  return {
    ...readModel(body, GROUPS_PAGE_FIELDS),
    securityGroups: readList(
      body,
      ['securityGroups', 'SecurityGroups'],
      ['securityGroup', 'SecurityGroup'],
    ).map((g) => readModel(g, GROUP_FIELDS)),
  };
}

/** One DescribeSecurityGroupAttribute page: its paging fields and `Permissions.Permission`. */
export function permissionsPageFromWire(
  body: WireObject,
): WireModel<typeof RULES_PAGE_FIELDS> & { permissions: PermissionModel[] } {
  return {
    ...readModel(body, RULES_PAGE_FIELDS),
    permissions: readList(body, ['permissions', 'Permissions'], ['permission', 'Permission']).map(
      (p) => readModel(p, PERMISSION_FIELDS),
    ),
  };
}
