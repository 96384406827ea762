// VPC 2016-04-28, read-only: a vSwitch's network ACL and that ACL's entries, for the egress
// check (docs/alibaba-cloud-api.md §9.3-9.5). Entries keep the cloud's array order: it IS the
// evaluation order, there is no priority field.
// Sent through openapi-core's RPC call as @alicloud/vpc20160428 7.3.2 sends them (§9: its Params
// and query keys) and read without its models (cloud/rpc-wire.ts): loading that SDK cost more CPU
// than the rest of a `check`.
import { CloudError } from './errors';
import { pageByNumber } from './paging';
import type { PagingOptions } from './paging';
import type { RpcQuery } from './rpc';
import type { WireObject } from './rpc-wire';
import type { CloudSession } from './session';
import { VPC_API, networkAclFromWire, vpcsPageFromWire, vSwitchesPageFromWire } from './vpc-wire';
import { rpcRead } from './rpc-wire';
import type { VpcPage, VSwitchModel } from './vpc-wire';

export interface VSwitchSummary {
  vSwitchId: string;
  vpcId: string | null;
  zoneId: string | null;
  /** Null when no network ACL is bound (the cloud returns an empty string). */
  networkAclId: string | null;
  requestId: string | null;
}

export interface NetworkAclEntry {
  entryId: string | null;
  name: string;
  /** `custom` or `system`; both take part in evaluation. */
  entryType: string;
  /** `accept` or `drop`, kept as returned. */
  policy: string;
  /** all, tcp, udp, icmp, gre. */
  protocol: string;
  /** "-1/-1" or "from/to"; always the destination port, in both directions. */
  port: string;
  /** DestinationCidrIp for egress entries, SourceCidrIp for ingress entries. */
  cidr: string | null;
  ipVersion: string | null;
}

export interface NetworkAclResource {
  resourceId: string;
  resourceType: string;
  /** BINDED, BINDING or UNBINDING. */
  status: string;
}

export interface NetworkAclAttributes {
  networkAclId: string;
  name: string;
  vpcId: string | null;
  /** Available, or Modifying while a change is being applied. */
  status: string | null;
  egress: NetworkAclEntry[];
  ingress: NetworkAclEntry[];
  resources: NetworkAclResource[];
  requestId: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Every page of one VPC listing (DescribeVpcs, DescribeVSwitches): each call as a read (safe to
 * repeat), paged by what arrives (cloud/paging.ts), and the last request id the cloud gave.
 */
async function listVpcPages<T>(
  session: CloudSession,
  regionId: string,
  listing: {
    action: 'DescribeVpcs' | 'DescribeVSwitches';
    pageSize: number;
    /** The SDK's query keys after PageNumber and PageSize, in its order (alphabetical). */
    query: RpcQuery;
    read: (body: WireObject) => VpcPage<T>;
  },
  options: PagingOptions<T>,
): Promise<{ items: T[]; requestId: string | null }> {
  let requestId: string | null = null;
  const { items } = await pageByNumber(
    { product: 'vpc', action: listing.action, regionId },
    listing.pageSize,
    async (page) => {
      const body = await rpcRead(
        session,
        VPC_API,
        listing.action,
        regionId,
        { PageNumber: page.pageNumber, PageSize: page.pageSize, ...listing.query },
        listing.read,
      );
      requestId = text(body.requestId) ?? requestId;
      return {
        items: body.items,
        totalCount: body.totalCount,
        pageNumber: body.pageNumber,
        pageSize: body.pageSize,
      };
    },
    options,
  );
  return { items, requestId };
}

/** DescribeVSwitches takes PageSize 1 to 50 (docs/alibaba-cloud-api.md). */
const VSWITCH_PAGE_SIZE = 50;

/** DescribeVSwitches filtered to one vSwitch or one VPC, every page. */
function listVSwitchPages(
  session: CloudSession,
  regionId: string,
  filter: { vSwitchId: string } | { vpcId: string },
  until?: (v: VSwitchModel) => boolean,
) {
  return listVpcPages(
    session,
    regionId,
    {
      action: 'DescribeVSwitches',
      pageSize: VSWITCH_PAGE_SIZE,
      // RegionId, then VSwitchId or VpcId: describeVSwitchesWithOptions' order.
      query: {
        RegionId: regionId,
        ...('vSwitchId' in filter ? { VSwitchId: filter.vSwitchId } : { VpcId: filter.vpcId }),
      },
      read: vSwitchesPageFromWire,
    },
    { idOf: (v: VSwitchModel) => text(v.vSwitchId), ...(until ? { until } : {}) },
  );
}

/** One vSwitch, for the id of the network ACL bound to it. */
export async function describeVSwitch(
  session: CloudSession,
  regionId: string,
  vSwitchId: string,
): Promise<VSwitchSummary> {
  // Filtered by id, so one page in practice; paged all the same, so a cloud that ignores the
  // filter (or pages in smaller steps) cannot hide the vSwitch on a later page.
  const { items, requestId } = await listVSwitchPages(
    session,
    regionId,
    { vSwitchId },
    (v) => v.vSwitchId === vSwitchId,
  );
  const match = items.find((v) => v.vSwitchId === vSwitchId);
  if (!match) {
    throw new CloudError(
      `vpc DescribeVSwitches: vSwitch ${vSwitchId} does not exist in ${regionId}.`,
      {
        kind: 'notFound',
        product: 'vpc',
        action: 'DescribeVSwitches',
        cloudCode: 'InvalidVSwitchId.NotFound',
        httpStatus: null,
        requestId,
      },
    );
  }
  return {
    vSwitchId,
    vpcId: text(match.vpcId),
    zoneId: text(match.zoneId),
    networkAclId: text(match.networkAclId),
    requestId,
  };
}

/** A network ACL with its entries in evaluation order and the resources bound to it. */
export async function describeNetworkAclAttributes(
  session: CloudSession,
  regionId: string,
  networkAclId: string,
): Promise<NetworkAclAttributes> {
  // NetworkAclId, RegionId: describeNetworkAclAttributesWithOptions' order (it sets RegionId
  // twice, the same key).
  const body = await rpcRead(
    session,
    VPC_API,
    'DescribeNetworkAclAttributes',
    regionId,
    { NetworkAclId: networkAclId, RegionId: regionId },
    networkAclFromWire,
  );
  const requestId = text(body.requestId);
  const acl = body.acl;
  if (!acl) {
    throw new CloudError(
      `vpc DescribeNetworkAclAttributes: network ACL ${networkAclId} was not returned.`,
      {
        kind: 'notFound',
        product: 'vpc',
        action: 'DescribeNetworkAclAttributes',
        cloudCode: 'InvalidNetworkAcl.NotFound',
        httpStatus: null,
        requestId,
      },
    );
  }
  const entry = (
    e: {
      networkAclEntryId?: string;
      networkAclEntryName?: string;
      entryType?: string;
      policy?: string;
      protocol?: string;
      port?: string;
      ipVersion?: string;
    },
    cidr: string | undefined,
  ): NetworkAclEntry => ({
    entryId: text(e.networkAclEntryId),
    name: e.networkAclEntryName ?? '',
    entryType: text(e.entryType) ?? 'custom',
    policy: text(e.policy) ?? '',
    protocol: text(e.protocol) ?? '',
    port: text(e.port) ?? '-1/-1',
    cidr: text(cidr),
    ipVersion: text(e.ipVersion),
  });
  return {
    networkAclId: text(acl.networkAclId) ?? networkAclId,
    name: acl.networkAclName ?? '',
    vpcId: text(acl.vpcId),
    status: text(acl.status),
    egress: acl.egressAclEntries.map((e) => entry(e, e.destinationCidrIp)),
    ingress: acl.ingressAclEntries.map((e) => entry(e, e.sourceCidrIp)),
    resources: acl.resources.map((r) => ({
      resourceId: r.resourceId ?? '',
      resourceType: r.resourceType ?? '',
      status: r.status ?? '',
    })),
    requestId,
  };
}

/** DescribeVpcs takes PageSize 1 to 50 (docs/alibaba-cloud-api.md §9.6). */
const VPC_PAGE_SIZE = 50;

export interface VpcInfo {
  vpcId: string;
  name: string;
  cidrBlock: string | null;
  secondaryCidrBlocks: string[];
  status: string;
}

/** Every VPC of the region (every page, counted by what arrives: cloud/paging.ts). */
export async function describeVpcs(session: CloudSession, regionId: string): Promise<VpcInfo[]> {
  const { items } = await listVpcPages(
    session,
    regionId,
    {
      action: 'DescribeVpcs',
      pageSize: VPC_PAGE_SIZE,
      query: { RegionId: regionId },
      read: vpcsPageFromWire,
    },
    { idOf: (v) => text(v.vpcId) },
  );
  return items
    .filter((v) => text(v.vpcId))
    .map((v) => ({
      vpcId: text(v.vpcId)!,
      name: v.vpcName ?? '',
      cidrBlock: text(v.cidrBlock),
      secondaryCidrBlocks: v.secondaryCidrBlocks.filter(
        (c): c is string => typeof c === 'string' && c !== '',
      ),
      status: text(v.status) ?? 'Available',
    }));
}

export interface VSwitchInfo {
  vSwitchId: string;
  name: string;
  vpcId: string;
  zoneId: string;
  cidrBlock: string | null;
  /** Free private addresses; null when the cloud did not say. */
  availableIpAddressCount: number | null;
  status: string;
}

/** Every vSwitch of a VPC, with its free addresses. */
export async function listVSwitches(
  session: CloudSession,
  regionId: string,
  vpcId: string,
): Promise<VSwitchInfo[]> {
  const { items } = await listVSwitchPages(session, regionId, { vpcId });
  return items
    .filter((v) => text(v.vSwitchId) && (v.vpcId === vpcId || !v.vpcId))
    .map((v) => ({
      vSwitchId: text(v.vSwitchId)!,
      name: v.vSwitchName ?? '',
      vpcId,
      zoneId: text(v.zoneId) ?? '',
      cidrBlock: text(v.cidrBlock),
      availableIpAddressCount:
        typeof v.availableIpAddressCount === 'number' &&
        Number.isSafeInteger(v.availableIpAddressCount) &&
        v.availableIpAddressCount >= 0
          ? v.availableIpAddressCount
          : null,
      status: text(v.status) ?? 'Available',
    }));
}
