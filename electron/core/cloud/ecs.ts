// ECS 2014-05-26, read-only: what the egress check needs to know about a security group.
// DescribeSecurityGroupAttribute does not return the group type (docs/alibaba-cloud-api.md
// §9.1-9.2), so it comes from DescribeSecurityGroups. Both are paged with NextToken/MaxResults;
// DescribeSecurityGroups rejects PageNumber/PageSize outright, so those are never sent.
// Sent through openapi-core's RPC call as @alicloud/ecs20140526 7.11.6 sends them (§9: its Params
// and query keys) and read without its models (cloud/rpc-wire.ts): loading that SDK cost more CPU
// than the rest of a `check`.
import { CloudError } from './errors';
import { ECS_API, permissionsPageFromWire, securityGroupsPageFromWire } from './ecs-wire';
import { rpcRead } from './rpc-wire';
import { pageByToken } from './paging';
import type { CloudSession } from './session';

// MaxResults limits (docs/alibaba-cloud-api.md): DescribeSecurityGroups 1-100,
// DescribeSecurityGroupAttribute 10-1000. The cloud may answer fewer; the loop follows NextToken.
const GROUPS_PAGE_SIZE = 100;
const RULES_PAGE_SIZE = 1000;

export type SecurityGroupType = 'normal' | 'enterprise';

export interface SecurityGroupSummary {
  securityGroupId: string;
  name: string;
  /** `normal` (basic) or `enterprise` (advanced) as the cloud states it; null if absent. */
  type: SecurityGroupType | null;
  /** The raw value, for evidence when it is neither of the two known types. */
  rawType: string | null;
  vpcId: string | null;
  requestIds: string[];
}

export interface SecurityGroupEgressRule {
  ruleId: string | null;
  /** TCP, UDP, ICMP, ICMPv6, GRE or ALL (the cloud treats it case-insensitively). */
  ipProtocol: string;
  /** "-1/-1" for all ports, else "from/to". */
  portRange: string;
  destCidrIp: string | null;
  ipv6DestCidrIp: string | null;
  destGroupId: string | null;
  destPrefixListId: string | null;
  destPrefixListName: string | null;
  portRangeListId: string | null;
  /** "Accept" or "Drop" in responses; kept as returned. */
  policy: string;
  /** 1 (highest) to 100. The API returns a string; an absent value means the default, 1. */
  priority: number;
  description: string;
}

export interface SecurityGroupEgress {
  securityGroupId: string;
  innerAccessPolicy: string | null;
  rules: SecurityGroupEgressRule[];
  requestIds: string[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function parsePriority(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(text(value) ?? '1');
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function notFound(action: string, securityGroupId: string, requestId: string | null): CloudError {
  return new CloudError(
    `ecs ${action}: security group ${securityGroupId} does not exist in this region.`,
    {
      kind: 'notFound',
      product: 'ecs',
      action,
      cloudCode: 'InvalidSecurityGroupId.NotFound',
      httpStatus: null,
      requestId,
    },
  );
}

/** The type (basic or advanced) and VPC of one security group. */
export async function describeSecurityGroupType(
  session: CloudSession,
  regionId: string,
  securityGroupId: string,
): Promise<SecurityGroupSummary> {
  const requestIds: string[] = [];
  const { items } = await pageByToken(
    { product: 'ecs', action: 'DescribeSecurityGroups', regionId },
    async (nextToken) => {
      // The SDK's query keys in its order (describeSecurityGroupsWithOptions); SecurityGroupIds
      // is a JSON array in one string, sent as is.
      const page = await rpcRead(
        session,
        ECS_API,
        'DescribeSecurityGroups',
        regionId,
        {
          MaxResults: GROUPS_PAGE_SIZE,
          NextToken: nextToken || undefined,
          RegionId: regionId,
          SecurityGroupIds: JSON.stringify([securityGroupId]),
        },
        securityGroupsPageFromWire,
      );
      const requestId = text(page.requestId);
      if (requestId) requestIds.push(requestId);
      return {
        items: page.securityGroups,
        nextToken: text(page.nextToken),
        totalCount: page.totalCount,
      };
    },
    {
      idOf: (g) => text(g.securityGroupId),
      until: (g) => g.securityGroupId === securityGroupId,
    },
  );
  const match = items.find((g) => g.securityGroupId === securityGroupId);
  if (!match) throw notFound('DescribeSecurityGroups', securityGroupId, requestIds.at(-1) ?? null);
  const rawType = text(match.securityGroupType);
  return {
    securityGroupId,
    name: match.securityGroupName ?? '',
    type: rawType === 'normal' || rawType === 'enterprise' ? rawType : null,
    rawType,
    vpcId: text(match.vpcId),
    requestIds,
  };
}

/** Every outbound rule of one security group, all pages. */
export async function describeSecurityGroupEgress(
  session: CloudSession,
  regionId: string,
  securityGroupId: string,
): Promise<SecurityGroupEgress> {
  const requestIds: string[] = [];
  let innerAccessPolicy: string | null = null;
  const { items } = await pageByToken(
    { product: 'ecs', action: 'DescribeSecurityGroupAttribute', regionId },
    async (nextToken) => {
      // The SDK's query keys in its order (describeSecurityGroupAttributeWithOptions).
      const page = await rpcRead(
        session,
        ECS_API,
        'DescribeSecurityGroupAttribute',
        regionId,
        {
          Direction: 'egress',
          MaxResults: RULES_PAGE_SIZE,
          NextToken: nextToken || undefined,
          RegionId: regionId,
          SecurityGroupId: securityGroupId,
        },
        permissionsPageFromWire,
      );
      const requestId = text(page.requestId);
      if (requestId) requestIds.push(requestId);
      innerAccessPolicy ??= text(page.innerAccessPolicy);
      return { items: page.permissions, nextToken: text(page.nextToken) };
    },
    // A rule without an id is kept as it is (never merged with another).
    { idOf: (p) => text(p.securityGroupRuleId) },
  );
  const rules: SecurityGroupEgressRule[] = [];
  for (const p of items) {
    // We asked for egress only; a stray ingress rule must not decide an egress verdict.
    const direction = text(p.direction);
    if (direction && direction.toLowerCase() !== 'egress') continue;
    rules.push({
      ruleId: text(p.securityGroupRuleId),
      ipProtocol: text(p.ipProtocol) ?? 'ALL',
      portRange: text(p.portRange) ?? '-1/-1',
      destCidrIp: text(p.destCidrIp),
      ipv6DestCidrIp: text(p.ipv6DestCidrIp),
      destGroupId: text(p.destGroupId),
      destPrefixListId: text(p.destPrefixListId),
      destPrefixListName: text(p.destPrefixListName),
      portRangeListId: text(p.portRangeListId),
      policy: text(p.policy) ?? 'Accept',
      priority: parsePriority(p.priority),
      description: p.description ?? '',
    });
  }
  return { securityGroupId, innerAccessPolicy, rules, requestIds };
}
