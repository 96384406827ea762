// ECS 2014-05-26, RPC: just enough security-group reading for the 100.64.0.0/10 egress check.
import { isoUtc } from '../clock';
import { ApiError } from '../http/errors';
import type { SecurityGroupFx } from '../fixtures/schema';
import type { Ctx, Product } from './types';
import { decodeToken, encodeToken, intParam, jsonArrayParam, requireParam } from './util';

type Sg = SecurityGroupFx & { accountId: string };

function sgJson(sg: Sg) {
  return {
    SecurityGroupId: sg.id,
    SecurityGroupName: sg.name,
    SecurityGroupType: sg.type,
    VpcId: sg.vpcId,
    Description: '',
    CreationTime: '2024-01-01T00:00:00Z',
    ResourceGroupId: '',
    ServiceManaged: false,
    Tags: { Tag: [] },
  };
}

/**
 * A NextToken we did not issue. DescribeSecurityGroups declares `InValidParameter.NextToken` 400
 * (capital V; docs/alibaba-cloud-api.md §9.1); DescribeSecurityGroupAttribute lists no code for
 * it, so the same one is used there (GUESS).
 */
const badNextToken = () =>
  new ApiError(400, 'InValidParameter.NextToken', 'The parameter NextToken is invalid.');

function describeSecurityGroups(ctx: Ctx) {
  requireParam(ctx, 'RegionId');
  if (ctx.params.PageNumber || ctx.params.PageSize) {
    // Deprecated parameters the API refuses (docs/alibaba-cloud-api.md §9.1).
    throw new ApiError(
      400,
      'NotSupported.PageNumberAndPageSize',
      'PageNumber and PageSize are not supported; use MaxResults and NextToken.',
    );
  }
  const max = ctx.pageCaps.apply(
    'ecs/DescribeSecurityGroups',
    intParam(ctx, 'MaxResults', 10, 1, 100),
  );
  const ids = jsonArrayParam(ctx, 'SecurityGroupIds');
  const p = ctx.params;
  const all = ctx.world
    .securityGroupsIn(ctx.caller.accountId, ctx.regionId)
    .filter(
      (sg) =>
        (!ids || ids.includes(sg.id)) &&
        (!p.SecurityGroupId || sg.id === p.SecurityGroupId) &&
        (!p.VpcId || sg.vpcId === p.VpcId) &&
        (!p.SecurityGroupType || sg.type === p.SecurityGroupType),
    );
  const salt = `${ctx.regionId}|${ids?.join(',')}|${p.SecurityGroupId}|${p.VpcId}|${p.SecurityGroupType}`;
  const from = decodeToken(ctx, p.NextToken, salt, badNextToken);
  const slice = all.slice(from, from + max);
  return {
    json: {
      RequestId: ctx.requestId,
      RegionId: ctx.regionId,
      NextToken: from + max < all.length ? encodeToken(from + max, salt) : '',
      SecurityGroups: { SecurityGroup: slice.map(sgJson) },
    },
  };
}

function describeSecurityGroupAttribute(ctx: Ctx) {
  requireParam(ctx, 'RegionId');
  const id = requireParam(ctx, 'SecurityGroupId');
  const sg = ctx.world.securityGroups.get(id);
  if (!sg || sg.accountId !== ctx.caller.accountId || sg.regionId !== ctx.regionId) {
    throw new ApiError(
      404,
      'InvalidSecurityGroupId.NotFound',
      `The specified SecurityGroupId ${id} does not exist.`,
    ); // status GUESS
  }
  const direction = ctx.params.Direction || 'all';
  const max = ctx.pageCaps.apply(
    'ecs/DescribeSecurityGroupAttribute',
    intParam(ctx, 'MaxResults', 500, 10, 1000),
  );
  const rules = direction === 'ingress' ? [] : sg.egress; // the fixture models egress only
  const salt = `${id}|${direction}`;
  const from = decodeToken(ctx, ctx.params.NextToken, salt, badNextToken);
  return {
    json: {
      RequestId: ctx.requestId,
      RegionId: ctx.regionId,
      SecurityGroupId: sg.id,
      SecurityGroupName: sg.name,
      VpcId: sg.vpcId,
      Description: '',
      InnerAccessPolicy: sg.type === 'enterprise' ? 'Drop' : 'Accept',
      NextToken: from + max < rules.length ? encodeToken(from + max, salt) : '',
      Permissions: {
        Permission: rules.slice(from, from + max).map((r, i) => ({
          SecurityGroupRuleId: `sgr-${sg.id.slice(3)}${String(from + i).padStart(3, '0')}`,
          Direction: 'egress',
          IpProtocol: r.protocol,
          PortRange: r.portRange,
          DestCidrIp: r.destCidr,
          Ipv6DestCidrIp: '',
          DestGroupId: '',
          DestPrefixListId: '',
          DestPrefixListName: '',
          SourceCidrIp: '',
          SourcePortRange: '',
          PortRangeListId: '',
          Policy: r.policy,
          Priority: String(r.priority),
          NicType: 'intranet',
          Description: r.description,
          CreateTime: isoUtc(Date.parse('2024-01-01T00:00:00Z')),
        })),
      },
    },
  };
}

export const ecs: Product = {
  id: 'ecs',
  style: 'rpc',
  version: '2014-05-26',
  host: 'ecs',
  regional: true,
  actions: {
    DescribeSecurityGroups: { ram: 'ecs:DescribeSecurityGroups', handler: describeSecurityGroups },
    DescribeSecurityGroupAttribute: {
      ram: 'ecs:DescribeSecurityGroupAttribute',
      handler: describeSecurityGroupAttribute,
    },
  },
};
