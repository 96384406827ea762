// ECS 2014-05-26, read-only: what the egress check needs to know about a security group.
// DescribeSecurityGroupAttribute does not return the group type (docs/alibaba-cloud-api.md
// §9.1-9.2), so it comes from DescribeSecurityGroups. Both are paged with NextToken/MaxResults;
// DescribeSecurityGroups rejects PageNumber/PageSize outright, so those are never sent.
import type * as EcsModule from '@alicloud/ecs20140526';
import { CloudError } from './errors';
import { pageByToken } from './paging';
import { loadOnce, sdkClient } from './sdk';
import type { CloudSession } from './session';

// The SDK, loaded by the first call that needs it (sdk.ts); sdkClient gives the client class
// whether or not a bundler resolved the default export.
let EcsClient: typeof EcsModule.default;
let DescribeSecurityGroupAttributeRequest: typeof EcsModule.DescribeSecurityGroupAttributeRequest;
let DescribeSecurityGroupsRequest: typeof EcsModule.DescribeSecurityGroupsRequest;
const sdk = loadOnce(async () => {
  const m = await import('@alicloud/ecs20140526');
  EcsClient = sdkClient(m.default);
  ({ DescribeSecurityGroupAttributeRequest, DescribeSecurityGroupsRequest } = m);
});

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
  await sdk();
  const requestIds: string[] = [];
  const { items } = await pageByToken(
    { product: 'ecs', action: 'DescribeSecurityGroups', regionId },
    async (nextToken) => {
      const body = await session.call(
        'ecs',
        'DescribeSecurityGroups',
        regionId,
        async (config) => {
          const response = await new EcsClient(config).describeSecurityGroups(
            new DescribeSecurityGroupsRequest({
              regionId,
              securityGroupIds: JSON.stringify([securityGroupId]),
              maxResults: GROUPS_PAGE_SIZE,
              ...(nextToken ? { nextToken } : {}),
            }),
          );
          return response.body;
        },
        { idempotent: true },
      );
      const requestId = text(body?.requestId);
      if (requestId) requestIds.push(requestId);
      return {
        items: body?.securityGroups?.securityGroup ?? [],
        nextToken: text(body?.nextToken),
        totalCount: body?.totalCount,
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
  await sdk();
  const requestIds: string[] = [];
  let innerAccessPolicy: string | null = null;
  const { items } = await pageByToken(
    { product: 'ecs', action: 'DescribeSecurityGroupAttribute', regionId },
    async (nextToken) => {
      const body = await session.call(
        'ecs',
        'DescribeSecurityGroupAttribute',
        regionId,
        async (config) => {
          const response = await new EcsClient(config).describeSecurityGroupAttribute(
            new DescribeSecurityGroupAttributeRequest({
              regionId,
              securityGroupId,
              direction: 'egress',
              maxResults: RULES_PAGE_SIZE,
              ...(nextToken ? { nextToken } : {}),
            }),
          );
          return response.body;
        },
        { idempotent: true },
      );
      const requestId = text(body?.requestId);
      if (requestId) requestIds.push(requestId);
      innerAccessPolicy ??= text(body?.innerAccessPolicy);
      return { items: body?.permissions?.permission ?? [], nextToken: text(body?.nextToken) };
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
