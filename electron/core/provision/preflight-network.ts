// The network checks of a new cluster's preflight: its pod and Service CIDRs, the VPC, the
// chosen vSwitches (zone, free addresses) and overlaps between them. Pure: they read the
// region's answers handed in, never the cloud.
import { message } from '../../contract';
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
  const fix = { message: message('fix.preflight.cidrs.private') };
  if (!pod || !svc) {
    return item(
      'spec.cidrs',
      'fail',
      !pod
        ? message('preflight.cidrs.podInvalid', { cidr: spec.containerCidr })
        : message('preflight.cidrs.serviceInvalid', { cidr: spec.serviceCidr }),
      evidence,
      fix,
    );
  }
  const bad = (c: typeof pod) =>
    !['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].some((p) => cidrContains(p, c));
  if (bad(pod) || bad(svc)) {
    return item('spec.cidrs', 'fail', message('preflight.cidrs.notPrivate'), evidence, fix);
  }
  if (pod.prefix < 8 || pod.prefix > 24 || svc.prefix < 16 || svc.prefix > 24) {
    return item('spec.cidrs', 'fail', message('preflight.cidrs.prefix'), evidence, fix);
  }
  if (cidrOverlaps(pod, svc)) {
    return item(
      'spec.cidrs',
      'fail',
      message('preflight.cidrs.overlap', { pod: spec.containerCidr, service: spec.serviceCidr }),
      evidence,
      fix,
    );
  }
  return item('spec.cidrs', 'pass', message('preflight.cidrs.ok'), evidence);
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
        message('preflight.vpc.missing', { vpcId: spec.vpcId, region: spec.regionId }),
        { vpcId: spec.vpcId, vpcsInRegion: input.vpcs.length },
        {
          message: message('fix.preflight.vpc.choose', { region: spec.regionId }),
          consoleUrl: vpcConsole(spec.regionId),
        },
      ),
    };
  }
  const evidence = { vpcId: vpc.vpcId, cidrBlock: vpc.cidrBlock, status: vpc.status };
  return {
    vpc,
    check:
      vpc.status === 'Available'
        ? item(
            'network.vpc',
            'pass',
            message('preflight.vpc.available', { vpcId: vpc.vpcId, cidr: vpc.cidrBlock }),
            evidence,
          )
        : item(
            'network.vpc',
            'fail',
            message('preflight.vpc.notAvailable', { vpcId: vpc.vpcId, status: vpc.status }),
            evidence,
            {
              message: message('fix.preflight.vpc.wait'),
              consoleUrl: vpcConsole(spec.regionId),
            },
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
    message: message('fix.preflight.vswitches.choose', { vpcId: spec.vpcId }),
    consoleUrl: vswConsole(spec.regionId),
  };
  const vsw =
    missing.length > 0
      ? item(
          'network.vswitches',
          'fail',
          message('preflight.vswitches.missing', {
            ids: missing.join(', '),
            vpcId: spec.vpcId,
            region: spec.regionId,
          }),
          { missing: missing.join(','), vpcId: spec.vpcId },
          fix,
        )
      : notReady.length > 0
        ? item(
            'network.vswitches',
            'fail',
            message('preflight.vswitches.notReady', {
              list: notReady.map((v) => `${v.vSwitchId} (${v.status})`).join(', '),
            }),
            { vswitchIds: spec.vswitchIds.join(',') },
            fix,
          )
        : item(
            'network.vswitches',
            'pass',
            message('preflight.vswitches.ok', {
              count: chosen.length,
              vpcId: spec.vpcId,
              zones: [...new Set(chosen.map((v) => v.zoneId))].join(', '),
            }),
            { vswitchIds: spec.vswitchIds.join(','), vpcId: spec.vpcId },
          );
  const counts = chosen.map((v) => `${v.vSwitchId}:${v.availableIpAddressCount ?? '?'}`).join(',');
  const empty = chosen.filter((v) => v.availableIpAddressCount === 0);
  const low = chosen.filter(
    (v) => v.availableIpAddressCount !== null && v.availableIpAddressCount < LOW_FREE_ADDRESSES,
  );
  const unknown = chosen.filter((v) => v.availableIpAddressCount === null);
  const addrFix = {
    message: message('fix.preflight.addresses.choose'),
    consoleUrl: vswConsole(spec.regionId),
  };
  const free =
    chosen.length === 0
      ? item('network.freeAddresses', 'unknown', message('preflight.addresses.noneRead'), {}, null)
      : empty.length > 0
        ? item(
            'network.freeAddresses',
            'fail',
            message('preflight.addresses.empty', { ids: empty.map((v) => v.vSwitchId).join(', ') }),
            { available: counts },
            addrFix,
          )
        : low.length > 0
          ? item(
              'network.freeAddresses',
              'warn',
              message('preflight.addresses.low', {
                list: low.map((v) => `${v.vSwitchId} (${v.availableIpAddressCount})`).join(', '),
              }),
              { available: counts },
              addrFix,
            )
          : unknown.length > 0
            ? item(
                'network.freeAddresses',
                'unknown',
                message('preflight.addresses.unknown', {
                  ids: unknown.map((v) => v.vSwitchId).join(', '),
                }),
                { available: counts },
                null,
              )
            : item('network.freeAddresses', 'pass', message('preflight.addresses.ok'), {
                available: counts,
              });
  return { checks: [vsw, free], chosen };
}

export function overlapCheck(
  spec: ClusterSpec,
  vpc: VpcInfo | null,
  vswitches: VSwitchInfo[],
): PreflightCheck {
  if (!vpc) return item('network.cidrOverlap', 'unknown', message('preflight.overlap.unknown'));
  // The ranges taken, each as "<id> <cidr>" (the id says whether it is the VPC or a vSwitch).
  const taken = [
    ...(vpc.cidrBlock ? [[vpc.vpcId, vpc.cidrBlock] as const] : []),
    ...vpc.secondaryCidrBlocks.map((c) => [vpc.vpcId, c] as const),
    ...vswitches.flatMap((v) => (v.cidrBlock ? [[v.vSwitchId, v.cidrBlock] as const] : [])),
  ];
  const clashesOf = (mine: string) =>
    taken
      .filter(([, cidr]) => parseCidr(mine) && parseCidr(cidr) && cidrOverlaps(mine, cidr))
      .map(([where, cidr]) => `${where} ${cidr}`)
      .join(', ');
  const pod = clashesOf(spec.containerCidr);
  const service = clashesOf(spec.serviceCidr);
  const evidence = {
    vpcCidr: vpc.cidrBlock,
    containerCidr: spec.containerCidr,
    serviceCidr: spec.serviceCidr,
  };
  if (pod || service) {
    return item(
      'network.cidrOverlap',
      'fail',
      pod && service
        ? message('preflight.overlap.both', {
            pod: spec.containerCidr,
            podRanges: pod,
            service: spec.serviceCidr,
            serviceRanges: service,
          })
        : pod
          ? message('preflight.overlap.pod', { cidr: spec.containerCidr, ranges: pod })
          : message('preflight.overlap.service', { cidr: spec.serviceCidr, ranges: service }),
      evidence,
      { message: message('fix.preflight.overlap.outside') },
    );
  }
  return item(
    'network.cidrOverlap',
    'pass',
    message('preflight.overlap.ok', { vpcId: vpc.vpcId }),
    evidence,
  );
}
