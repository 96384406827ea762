// The VPC answers the egress check and the create flow read (DescribeVSwitches, DescribeVpcs,
// DescribeNetworkAclAttributes), as @alicloud/vpc20160428 7.3.2's response models would hold the
// fields we use (same names; cast rules: cloud/sdk-cast.ts), and what their calls are sent as
// (rpc-wire.ts rpcRead).
import { readList, readModel, readObject } from './rpc-wire';
import type { WireModel, WireObject } from './rpc-wire';

/** What rpcRead sends these answers' calls as. */
export const VPC_API = { product: 'vpc', version: '2016-04-28' } as const;

// Each model's fields we use: the model's name → the wire's name and the model's type.

/** The paging fields of DescribeVSwitchesResponseBody and DescribeVpcsResponseBody. */
const PAGE_FIELDS = {
  requestId: ['RequestId', 'string'],
  totalCount: ['TotalCount', 'number'],
  pageNumber: ['PageNumber', 'number'],
  pageSize: ['PageSize', 'number'],
} as const;

/** One page of a VPC listing: its paging fields and its items. */
export type VpcPage<T> = WireModel<typeof PAGE_FIELDS> & { items: T[] };

const VSWITCH_FIELDS = {
  vSwitchId: ['VSwitchId', 'string'],
  vSwitchName: ['VSwitchName', 'string'],
  vpcId: ['VpcId', 'string'],
  zoneId: ['ZoneId', 'string'],
  networkAclId: ['NetworkAclId', 'string'],
  cidrBlock: ['CidrBlock', 'string'],
  availableIpAddressCount: ['AvailableIpAddressCount', 'number'],
  status: ['Status', 'string'],
} as const;
export type VSwitchModel = WireModel<typeof VSWITCH_FIELDS>;

const VPC_FIELDS = {
  vpcId: ['VpcId', 'string'],
  vpcName: ['VpcName', 'string'],
  cidrBlock: ['CidrBlock', 'string'],
  status: ['Status', 'string'],
} as const;
export type VpcModel = WireModel<typeof VPC_FIELDS> & { secondaryCidrBlocks: unknown[] };

const ACL_FIELDS = {
  networkAclId: ['NetworkAclId', 'string'],
  networkAclName: ['NetworkAclName', 'string'],
  vpcId: ['VpcId', 'string'],
  status: ['Status', 'string'],
} as const;

/** The fields both entry models share; the CIDR is DestinationCidrIp or SourceCidrIp. */
const ENTRY_FIELDS = {
  networkAclEntryId: ['NetworkAclEntryId', 'string'],
  networkAclEntryName: ['NetworkAclEntryName', 'string'],
  entryType: ['EntryType', 'string'],
  policy: ['Policy', 'string'],
  protocol: ['Protocol', 'string'],
  port: ['Port', 'string'],
  ipVersion: ['IpVersion', 'string'],
} as const;
const EGRESS_ENTRY_FIELDS = {
  ...ENTRY_FIELDS,
  destinationCidrIp: ['DestinationCidrIp', 'string'],
} as const;
const INGRESS_ENTRY_FIELDS = { ...ENTRY_FIELDS, sourceCidrIp: ['SourceCidrIp', 'string'] } as const;

const RESOURCE_FIELDS = {
  resourceId: ['ResourceId', 'string'],
  resourceType: ['ResourceType', 'string'],
  status: ['Status', 'string'],
} as const;

/** A DescribeVSwitches page; its items are `VSwitches.VSwitch`. */
export function vSwitchesPageFromWire(body: WireObject): VpcPage<VSwitchModel> {
  return {
    ...readModel(body, PAGE_FIELDS),
    items: readList(body, ['vSwitches', 'VSwitches'], ['vSwitch', 'VSwitch']).map((v) =>
      readModel(v, VSWITCH_FIELDS),
    ),
  };
}

/** A DescribeVpcs page; its items are `Vpcs.Vpc` (SecondaryCidrBlocks array<string>, as sent). */
export function vpcsPageFromWire(body: WireObject): VpcPage<VpcModel> {
  return {
    ...readModel(body, PAGE_FIELDS),
    items: readList(body, ['vpcs', 'Vpcs'], ['vpc', 'Vpc']).map((raw) => ({
      ...readModel(raw, VPC_FIELDS),
      secondaryCidrBlocks: readList(
        raw as WireObject,
        ['secondaryCidrBlocks', 'SecondaryCidrBlocks'],
        ['secondaryCidrBlock', 'SecondaryCidrBlock'],
      ),
    })),
  };
}

export type NetworkAclModel = WireModel<typeof ACL_FIELDS> & {
  egressAclEntries: WireModel<typeof EGRESS_ENTRY_FIELDS>[];
  ingressAclEntries: WireModel<typeof INGRESS_ENTRY_FIELDS>[];
  resources: WireModel<typeof RESOURCE_FIELDS>[];
};

/** A DescribeNetworkAclAttributes answer; `acl` is absent when the answer has none. */
export function networkAclFromWire(body: WireObject): {
  requestId?: string;
  acl?: NetworkAclModel;
} {
  const { requestId } = readModel(body, { requestId: PAGE_FIELDS.requestId });
  const acl = readObject(body, 'networkAclAttribute', 'NetworkAclAttribute');
  if (!acl) return requestId === undefined ? {} : { requestId };
  const entries = <F extends typeof ENTRY_FIELDS>(list: string, item: string, fields: F) =>
    readList(acl, [lower(list), list], [lower(item), item]).map((e) => readModel(e, fields));
  return {
    ...(requestId === undefined ? {} : { requestId }),
    acl: {
      ...readModel(acl, ACL_FIELDS),
      egressAclEntries: entries('EgressAclEntries', 'EgressAclEntry', EGRESS_ENTRY_FIELDS),
      ingressAclEntries: entries('IngressAclEntries', 'IngressAclEntry', INGRESS_ENTRY_FIELDS),
      resources: readList(acl, ['resources', 'Resources'], ['resource', 'Resource']).map((r) =>
        readModel(r, RESOURCE_FIELDS),
      ),
    },
  };
}

/** The model's name of a wire name: EgressAclEntries → egressAclEntries. */
const lower = (name: string) => name[0]!.toLowerCase() + name.slice(1);
