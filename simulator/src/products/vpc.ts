// VPC 2016-04-28, RPC: vSwitches and their network ACLs, for the 100.64.0.0/10 egress check.
import { ApiError } from '../http/errors';
import type { NetworkAclFx } from '../fixtures/schema';
import type { Ctx, Product } from './types';
import { intParam, page, requireParam } from './util';

type Acl = NetworkAclFx & { accountId: string };

function aclJson(ctx: Ctx, a: Acl) {
  const entryId = (dir: string, i: number) => `nae-${a.id.slice(4)}${dir}${i}`;
  return {
    NetworkAclId: a.id,
    NetworkAclName: a.name,
    VpcId: a.vpcId,
    RegionId: a.regionId,
    OwnerId: Number(a.accountId),
    Status: 'Available',
    Description: '',
    CreationTime: '2024-01-01T00:00:00Z',
    EgressAclEntries: {
      EgressAclEntry: a.egress.map((e, i) => ({
        NetworkAclEntryId: entryId('e', i),
        NetworkAclEntryName: e.name,
        EntryType: e.entryType,
        Policy: e.policy,
        Protocol: e.protocol,
        Port: e.port,
        DestinationCidrIp: e.cidr,
        IpVersion: 'IPv4',
        Description: '',
      })),
    },
    IngressAclEntries: {
      IngressAclEntry: a.ingress.map((e, i) => ({
        NetworkAclEntryId: entryId('i', i),
        NetworkAclEntryName: e.name,
        EntryType: e.entryType,
        Policy: e.policy,
        Protocol: e.protocol,
        Port: e.port,
        SourceCidrIp: e.cidr,
        IpVersion: 'IPv4',
        Description: '',
      })),
    },
    Resources: {
      Resource: ctx.world
        .vswitchesIn(a.accountId, a.regionId)
        .filter((v) => v.networkAclId === a.id)
        .map((v) => ({ ResourceId: v.id, ResourceType: 'VSwitch', Status: 'BINDED' })),
    },
  };
}

function describeVSwitches(ctx: Ctx) {
  requireParam(ctx, 'RegionId');
  const p = ctx.params;
  const pageNumber = intParam(ctx, 'PageNumber', 1, 1, 100_000);
  const pageSize = ctx.pageCaps.apply(
    'vpc/DescribeVSwitches',
    intParam(ctx, 'PageSize', 10, 1, 50),
  );
  const all = ctx.world
    .vswitchesIn(ctx.caller.accountId, ctx.regionId)
    .filter(
      (v) =>
        (!p.VSwitchId || v.id === p.VSwitchId) &&
        (!p.VpcId || v.vpcId === p.VpcId) &&
        (!p.ZoneId || v.zoneId === p.ZoneId),
    );
  return {
    json: {
      RequestId: ctx.requestId,
      TotalCount: all.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      VSwitches: {
        VSwitch: page(all, pageNumber, pageSize).map((v) => ({
          VSwitchId: v.id,
          VSwitchName: v.name,
          VpcId: v.vpcId,
          ZoneId: v.zoneId,
          CidrBlock: v.cidr,
          AvailableIpAddressCount: v.availableIps ?? freeAddresses(v.cidr),
          Status: v.status,
          NetworkAclId: v.networkAclId,
          IsDefault: false,
          Description: '',
          CreationTime: '2024-01-01T00:00:00Z',
          ResourceGroupId: '',
        })),
      },
    },
  };
}

/** A vSwitch's size less the first and last three addresses the VPC reserves (VPC CreateVSwitch doc). */
function freeAddresses(cidr: string): number {
  const prefix = Number(cidr.split('/')[1]);
  return Number.isInteger(prefix) && prefix <= 29 ? 2 ** (32 - prefix) - 4 : 0;
}

function describeVpcs(ctx: Ctx) {
  requireParam(ctx, 'RegionId');
  const p = ctx.params;
  const pageNumber = intParam(ctx, 'PageNumber', 1, 1, 100_000);
  const pageSize = ctx.pageCaps.apply('vpc/DescribeVpcs', intParam(ctx, 'PageSize', 10, 1, 50));
  const wanted = p.VpcId ? new Set(p.VpcId.split(',')) : null;
  const all = ctx.world
    .vpcsIn(ctx.caller.accountId, ctx.regionId)
    .filter((v) => !wanted || wanted.has(v.id));
  return {
    json: {
      RequestId: ctx.requestId,
      TotalCount: all.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      Vpcs: {
        Vpc: page(all, pageNumber, pageSize).map((v) => ({
          VpcId: v.id,
          VpcName: v.name,
          RegionId: v.regionId,
          CidrBlock: v.cidr,
          SecondaryCidrBlocks: { SecondaryCidrBlock: v.secondaryCidrs },
          Status: v.status,
          IsDefault: false,
          Description: '',
          CreationTime: '2024-01-01T00:00:00Z',
          OwnerId: Number(v.accountId),
          VSwitchIds: {
            VSwitchId: ctx.world
              .vswitchesIn(v.accountId, v.regionId)
              .filter((s) => s.vpcId === v.id)
              .map((s) => s.id),
          },
        })),
      },
    },
  };
}

function describeNetworkAcls(ctx: Ctx) {
  requireParam(ctx, 'RegionId');
  const p = ctx.params;
  const pageNumber = intParam(ctx, 'PageNumber', 1, 1, 100_000);
  const pageSize = ctx.pageCaps.apply(
    'vpc/DescribeNetworkAcls',
    intParam(ctx, 'PageSize', 10, 1, 50),
  );
  const boundTo = p.ResourceId
    ? (ctx.world.vswitches.get(p.ResourceId)?.networkAclId ?? '\0')
    : undefined;
  const all = ctx.world
    .networkAclsIn(ctx.caller.accountId, ctx.regionId)
    .filter(
      (a) =>
        (!p.NetworkAclId || a.id === p.NetworkAclId) &&
        (!p.VpcId || a.vpcId === p.VpcId) &&
        (!p.NetworkAclName || a.name === p.NetworkAclName) &&
        (boundTo === undefined || a.id === boundTo),
    );
  return {
    json: {
      RequestId: ctx.requestId,
      TotalCount: String(all.length),
      PageNumber: String(pageNumber),
      PageSize: String(pageSize),
      NetworkAcls: { NetworkAcl: page(all, pageNumber, pageSize).map((a) => aclJson(ctx, a)) },
    },
  };
}

function describeNetworkAclAttributes(ctx: Ctx) {
  requireParam(ctx, 'RegionId');
  const id = requireParam(ctx, 'NetworkAclId');
  const a = ctx.world.networkAcls.get(id);
  if (!a || a.accountId !== ctx.caller.accountId || a.regionId !== ctx.regionId) {
    // 400, not 404: the status DescribeNetworkAclAttributes declares (docs/alibaba-cloud-api.md §9.4).
    throw new ApiError(400, 'InvalidNetworkAcl.NotFound', 'The special Network Acl is not found.');
  }
  return { json: { RequestId: ctx.requestId, NetworkAclAttribute: aclJson(ctx, a) } };
}

export const vpc: Product = {
  id: 'vpc',
  style: 'rpc',
  version: '2016-04-28',
  host: 'vpc',
  regional: true,
  actions: {
    DescribeVSwitches: { ram: 'vpc:DescribeVSwitches', handler: describeVSwitches },
    DescribeVpcs: { ram: 'vpc:DescribeVpcs', handler: describeVpcs },
    DescribeNetworkAcls: { ram: 'vpc:DescribeNetworkAcls', handler: describeNetworkAcls },
    DescribeNetworkAclAttributes: {
      ram: 'vpc:DescribeNetworkAclAttributes',
      handler: describeNetworkAclAttributes,
    },
  },
};
