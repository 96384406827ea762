// The network checks of a new cluster's preflight: its pod and Service CIDRs, the VPC, the
// chosen vSwitches (zone, free addresses) and overlaps between them. Pure: they read the
// region's answers handed in, never the cloud.
import type { ClusterSpec, PreflightCheck } from '../../contract/types/provision';
import { cidrContains, cidrOverlaps, parseCidr } from '../checks/egress/cidr';
import type { VSwitchInfo, VpcInfo } from '../cloud/vpc';
import { cloudFailure, item } from './preflight-item';
import type { PreflightInput } from './preflight-item';

/** Fewer free addresses than this in a vSwitch is a warning (the control plane takes some). */
export const LOW_FREE_ADDRESSES = 32;

const vpcConsole = (regionId: string) =>
  `https://vpc.console.aliyun.com/vpc/${encodeURIComponent(regionId)}/vpcs`;
const vswConsole = (regionId: string) =>
  `https://vpc.console.aliyun.com/vpc/${encodeURIComponent(regionId)}/switches`;

export function cidrsValid(spec: ClusterSpec): PreflightCheck {
  const pod = parseCidr(spec.containerCidr);
  const svc = parseCidr(spec.serviceCidr);
  const evidence = { containerCidr: spec.containerCidr, serviceCidr: spec.serviceCidr };
  const fix = {
    hint: 'Use private ranges that do not overlap, e.g. pods 172.20.0.0/16 and Services 192.168.0.0/16.',
  };
  if (!pod || !svc) {
    return item(
      'spec.cidrs',
      'fail',
      `${!pod ? `The pod CIDR ${spec.containerCidr}` : `The Service CIDR ${spec.serviceCidr}`} is not a valid IPv4 CIDR block.`,
      evidence,
      fix,
    );
  }
  const bad = (c: typeof pod) =>
    !['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].some((p) => cidrContains(p, c));
  if (bad(pod) || bad(svc)) {
    return item(
      'spec.cidrs',
      'fail',
      'Pod and Service CIDRs must be inside the private ranges 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
      evidence,
      fix,
    );
  }
  if (pod.prefix < 8 || pod.prefix > 24 || svc.prefix < 16 || svc.prefix > 24) {
    return item(
      'spec.cidrs',
      'fail',
      'The pod CIDR must be /8 to /24 and the Service CIDR /16 to /24.',
      evidence,
      fix,
    );
  }
  if (cidrOverlaps(pod, svc)) {
    return item(
      'spec.cidrs',
      'fail',
      `The pod CIDR ${spec.containerCidr} and the Service CIDR ${spec.serviceCidr} overlap.`,
      evidence,
      fix,
    );
  }
  return item('spec.cidrs', 'pass', 'The pod and Service CIDRs are valid and apart.', evidence);
}

export function vpcCheck(input: PreflightInput): { check: PreflightCheck; vpc: VpcInfo | null } {
  const { spec } = input;
  if (input.vpcs instanceof Error)
    return { check: cloudFailure('network.vpc', 'the VPC', input.vpcs), vpc: null };
  const vpc = input.vpcs.find((v) => v.vpcId === spec.vpcId) ?? null;
  if (!vpc) {
    return {
      vpc,
      check: item(
        'network.vpc',
        'fail',
        `VPC ${spec.vpcId} does not exist in ${spec.regionId}.`,
        { vpcId: spec.vpcId, vpcsInRegion: input.vpcs.length },
        { hint: `Choose a VPC of ${spec.regionId}.`, consoleUrl: vpcConsole(spec.regionId) },
      ),
    };
  }
  const evidence = { vpcId: vpc.vpcId, cidrBlock: vpc.cidrBlock, status: vpc.status };
  return {
    vpc,
    check:
      vpc.status === 'Available'
        ? item('network.vpc', 'pass', `VPC ${vpc.vpcId} (${vpc.cidrBlock}) is available.`, evidence)
        : item(
            'network.vpc',
            'fail',
            `VPC ${vpc.vpcId} is ${vpc.status}, not Available.`,
            evidence,
            { hint: 'Wait until the VPC is Available.', consoleUrl: vpcConsole(spec.regionId) },
          ),
  };
}

export function vswitchChecks(input: PreflightInput): {
  checks: PreflightCheck[];
  chosen: VSwitchInfo[];
} {
  const { spec } = input;
  if (input.vswitches instanceof Error) {
    const e = input.vswitches;
    return {
      chosen: [],
      checks: [
        cloudFailure('network.vswitches', 'the vSwitches', e),
        cloudFailure('network.freeAddresses', 'the free addresses', e),
      ],
    };
  }
  const byId = new Map(input.vswitches.map((v) => [v.vSwitchId, v]));
  const missing = spec.vswitchIds.filter((id) => !byId.has(id));
  const chosen = spec.vswitchIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const notReady = chosen.filter((v) => v.status !== 'Available');
  const fix = {
    hint: `Choose vSwitches of VPC ${spec.vpcId} that are Available.`,
    consoleUrl: vswConsole(spec.regionId),
  };
  const vsw =
    missing.length > 0
      ? item(
          'network.vswitches',
          'fail',
          `vSwitch ${missing.join(', ')} is not in VPC ${spec.vpcId} (${spec.regionId}).`,
          { missing: missing.join(','), vpcId: spec.vpcId },
          fix,
        )
      : notReady.length > 0
        ? item(
            'network.vswitches',
            'fail',
            `vSwitch ${notReady.map((v) => `${v.vSwitchId} is ${v.status}`).join(', ')}.`,
            { vswitchIds: spec.vswitchIds.join(',') },
            fix,
          )
        : item(
            'network.vswitches',
            'pass',
            `${chosen.length} vSwitch${chosen.length === 1 ? '' : 'es'} in VPC ${spec.vpcId}, zones ${[...new Set(chosen.map((v) => v.zoneId))].join(', ')}.`,
            { vswitchIds: spec.vswitchIds.join(','), vpcId: spec.vpcId },
          );
  const counts = chosen.map((v) => `${v.vSwitchId}:${v.availableIpAddressCount ?? '?'}`).join(',');
  const empty = chosen.filter((v) => v.availableIpAddressCount === 0);
  const low = chosen.filter(
    (v) => v.availableIpAddressCount !== null && v.availableIpAddressCount < LOW_FREE_ADDRESSES,
  );
  const unknown = chosen.filter((v) => v.availableIpAddressCount === null);
  const addrFix = {
    hint: 'Choose a vSwitch with free addresses, or release addresses in it.',
    consoleUrl: vswConsole(spec.regionId),
  };
  const free =
    chosen.length === 0
      ? item('network.freeAddresses', 'unknown', 'No chosen vSwitch could be read.', {}, null)
      : empty.length > 0
        ? item(
            'network.freeAddresses',
            'fail',
            `vSwitch ${empty.map((v) => v.vSwitchId).join(', ')} has no free address.`,
            { available: counts },
            addrFix,
          )
        : low.length > 0
          ? item(
              'network.freeAddresses',
              'warn',
              `vSwitch ${low.map((v) => `${v.vSwitchId} has ${v.availableIpAddressCount}`).join(', ')} free addresses; the control plane and nodes need some.`,
              { available: counts },
              addrFix,
            )
          : unknown.length > 0
            ? item(
                'network.freeAddresses',
                'unknown',
                `The cloud did not say how many addresses are free in ${unknown.map((v) => v.vSwitchId).join(', ')}.`,
                { available: counts },
                null,
              )
            : item('network.freeAddresses', 'pass', 'Every chosen vSwitch has free addresses.', {
                available: counts,
              });
  return { checks: [vsw, free], chosen };
}

export function overlapCheck(
  spec: ClusterSpec,
  vpc: VpcInfo | null,
  vswitches: VSwitchInfo[],
): PreflightCheck {
  if (!vpc)
    return item(
      'network.cidrOverlap',
      'unknown',
      'The VPC could not be read, so its ranges are not known.',
    );
  const taken = [
    ...(vpc.cidrBlock ? [[`VPC ${vpc.vpcId}`, vpc.cidrBlock] as const] : []),
    ...vpc.secondaryCidrBlocks.map((c) => [`VPC ${vpc.vpcId} (secondary)`, c] as const),
    ...vswitches.flatMap((v) =>
      v.cidrBlock ? [[`vSwitch ${v.vSwitchId}`, v.cidrBlock] as const] : [],
    ),
  ];
  const clashes: string[] = [];
  for (const [label, mine] of [
    ['pod CIDR', spec.containerCidr],
    ['Service CIDR', spec.serviceCidr],
  ] as const) {
    for (const [where, cidr] of taken) {
      if (parseCidr(mine) && parseCidr(cidr) && cidrOverlaps(mine, cidr))
        clashes.push(`the ${label} ${mine} overlaps ${where} ${cidr}`);
    }
  }
  const evidence = {
    vpcCidr: vpc.cidrBlock,
    containerCidr: spec.containerCidr,
    serviceCidr: spec.serviceCidr,
  };
  if (clashes.length > 0) {
    return item(
      'network.cidrOverlap',
      'fail',
      `${clashes.join('; ')}.`.replace(/^t/, 'T'),
      evidence,
      { hint: 'Choose pod and Service CIDRs outside the VPC (the suggested defaults are).' },
    );
  }
  return item(
    'network.cidrOverlap',
    'pass',
    `Neither CIDR overlaps VPC ${vpc.vpcId} or its vSwitches.`,
    evidence,
  );
}
