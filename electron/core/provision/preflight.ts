// The preflight of a new cluster: the checklist idea applied to a cluster that does not exist yet.
// The key, service-role and caller checks are the change checklist's own (checks/), run on a
// context with no cluster; the network and spec checks are new. Each item has evidence and a fix.
import { parseKeyRef } from '../../contract/key-ref';
import type { CheckResult } from '../../contract/types/checks';
import type { ClusterSpec, PreflightCheck, PreflightId } from '../../contract/types/provision';
import { callerKmsCryptoAdmin, serviceRole } from '../checks/access';
import { CheckContext } from '../checks/context';
import { cidrContains, cidrOverlaps, parseCidr } from '../checks/egress/cidr';
import {
  keyCreator,
  keyDeletionProtection,
  keyExists,
  keyRegionCheck,
  keyRotation,
  keySpec,
  keyState,
  keyUsage,
} from '../checks/key';
import { checkKmsEgress } from '../checks/network-egress';
import { CONSOLE } from '../cloud/console';
import { couldNotCheck } from '../checks/result';
import { listClusters } from '../cloud/cs';
import type { KubernetesVersion } from '../cloud/cs';
import type { CloudSession } from '../cloud/session';
import type { VSwitchInfo, VpcInfo } from '../cloud/vpc';

/** Fewer free addresses than this in a vSwitch is a warning (the control plane takes some). */
export const LOW_FREE_ADDRESSES = 32;
/** Policies that include cs:CreateCluster (system policies; a custom one may too). */
const CREATE_POLICIES = new Set(['AliyunCSFullAccess', 'AdministratorAccess']);

export interface PreflightInput {
  session: CloudSession;
  accountId: string;
  spec: ClusterSpec;
  now: number;
  /** What the cloud said about the network and versions (or the error it gave). */
  vpcs: VpcInfo[] | Error;
  vswitches: VSwitchInfo[] | Error;
  versions: KubernetesVersion[] | Error;
}

type Evidence = PreflightCheck['evidence'];
const item = (
  id: PreflightId,
  status: PreflightCheck['status'],
  summary: string,
  evidence: Evidence = {},
  fix: PreflightCheck['fix'] = null,
): PreflightCheck => ({ id, status, summary, evidence, fix });

const vpcConsole = (regionId: string) =>
  `https://vpc.console.aliyun.com/vpc/${encodeURIComponent(regionId)}/vpcs`;
const vswConsole = (regionId: string) =>
  `https://vpc.console.aliyun.com/vpc/${encodeURIComponent(regionId)}/switches`;

/** A checklist result whose id is also a preflight id. */
const asPreflight = (r: CheckResult): PreflightCheck => ({ ...r, id: r.id as PreflightId });

/** The cloud would not answer: `unknown` (or `manual` for a permission gap), never a guess. */
function cloudFailure(
  id: PreflightId,
  what: string,
  error: unknown,
  manual?: PreflightCheck['fix'],
): PreflightCheck {
  // couldNotCheck words the result; its id is replaced with the preflight's own.
  return { ...couldNotCheck('key.exists', what, error, manual ?? undefined), id };
}

async function nameFree(input: PreflightInput): Promise<PreflightCheck> {
  const { spec, session } = input;
  try {
    const [edge, pro] = await Promise.all([
      listClusters(session, { regionId: spec.regionId, profile: 'Edge' }),
      listClusters(session, { regionId: spec.regionId, profile: 'Default' }),
    ]);
    const same = [...edge, ...pro].find((c) => c.name === spec.name);
    if (same) {
      return item(
        'spec.name',
        'fail',
        `A cluster named ${spec.name} already exists in ${spec.regionId} (${same.clusterId}).`,
        { name: spec.name, existingClusterId: same.clusterId },
        { hint: 'Choose another name: cluster names are unique in an account.' },
      );
    }
    return item('spec.name', 'pass', `No cluster in ${spec.regionId} is named ${spec.name}.`, {
      name: spec.name,
    });
  } catch (error) {
    return cloudFailure('spec.name', 'whether the name is taken', error as Error);
  }
}

function cidrsValid(spec: ClusterSpec): PreflightCheck {
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

function vpcCheck(input: PreflightInput): { check: PreflightCheck; vpc: VpcInfo | null } {
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

function vswitchChecks(input: PreflightInput): {
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

function overlapCheck(
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

function versionCheck(input: PreflightInput): PreflightCheck {
  const { spec } = input;
  if (input.versions instanceof Error)
    return cloudFailure('cluster.version', 'the Kubernetes versions', input.versions);
  const offered = input.versions.filter((v) => v.creatable).map((v) => v.version);
  if (!spec.kubernetesVersion) {
    return item(
      'cluster.version',
      offered.length ? 'pass' : 'fail',
      offered.length
        ? 'No version chosen: the cloud uses its default.'
        : `The cloud offers no Kubernetes version for new ACK Edge clusters in ${spec.regionId}.`,
      { offered: offered.join(',') || null },
      offered.length ? null : { hint: 'Choose another region.' },
    );
  }
  return offered.includes(spec.kubernetesVersion)
    ? item('cluster.version', 'pass', `Kubernetes ${spec.kubernetesVersion} is offered.`, {
        version: spec.kubernetesVersion,
      })
    : item(
        'cluster.version',
        'fail',
        `Kubernetes ${spec.kubernetesVersion} is not offered for new ACK Edge clusters in ${spec.regionId}.`,
        { version: spec.kubernetesVersion, offered: offered.join(',') || null },
        { hint: `Choose one of: ${offered.join(', ') || '(none)'}.` },
      );
}

async function callerMayCreate(ctx: CheckContext): Promise<PreflightCheck> {
  let identity;
  try {
    identity = await ctx.identity();
  } catch (error) {
    return cloudFailure('caller.createCluster', 'who the caller is', error as Error);
  }
  const base = { identityType: identity.identityType, arn: identity.arn };
  if (identity.identityType === 'Account')
    return item(
      'caller.createCluster',
      'pass',
      'The caller is the root account, which may create clusters.',
      base,
    );
  const manual = {
    hint: `Make sure ${identity.arn} may call cs:CreateCluster (e.g. the system policy AliyunCSFullAccess).`,
    consoleUrl: CONSOLE.ramUsers,
  };
  try {
    const { policies } = await ctx.callerPolicies();
    const granting = policies.find(
      (p) => CREATE_POLICIES.has(p.policyName) && p.policyType === 'System',
    );
    if (granting)
      return item(
        'caller.createCluster',
        'pass',
        `The caller has ${granting.policyName} (through ${granting.via}), which allows cs:CreateCluster.`,
        { ...base, policy: granting.policyName },
      );
    // A custom policy may allow it: only its name can be read here, so this is not a failure.
    return item(
      'caller.createCluster',
      'manual',
      `None of the caller's system policies allows cs:CreateCluster; a custom policy may.`,
      { ...base, policies: policies.map((p) => p.policyName).join(',') || null },
      manual,
    );
  } catch (error) {
    return cloudFailure(
      'caller.createCluster',
      'whether the caller may create clusters',
      error,
      manual,
    );
  }
}

/** The key id a spec's key names: an alias is resolved in the region; unresolvable stays as it is. */
export async function resolveKey(ctx: CheckContext, keyRef: string): Promise<string> {
  const ref = parseKeyRef(keyRef);
  if (!ref || ref.kind === 'id') return keyRef;
  if (ref.kind === 'arn') return ref.keyId;
  try {
    return (await ctx.key(ref.alias)).key.keyId || keyRef;
  } catch {
    return keyRef;
  }
}

export async function runPreflight(
  input: PreflightInput,
): Promise<{ keyId: string; checks: PreflightCheck[] }> {
  const { spec, session } = input;
  const base = {
    session,
    accountId: input.accountId,
    clusterId: '',
    regionId: spec.regionId,
    action: 'enable' as const,
    now: input.now,
  };
  const keyId = await resolveKey(new CheckContext({ ...base, keyId: spec.keyId }), spec.keyId);
  const keyRef = keyId !== spec.keyId ? { keyRef: spec.keyId } : {};
  const ctx = new CheckContext({ ...base, keyId, ...keyRef });
  const { check: vpc, vpc: vpcInfo } = vpcCheck(input);
  const { checks: vsw, chosen } = vswitchChecks(input);
  const guarded = (p: Promise<CheckResult>, id: PreflightId) =>
    p.then(asPreflight).catch((error: unknown) => cloudFailure(id, id, error));
  const keyChecks = await Promise.all([
    guarded(keyExists(ctx), 'key.exists'),
    guarded(keyRegionCheck(ctx), 'key.region'),
    guarded(keySpec(ctx), 'key.spec'),
    guarded(keyUsage(ctx), 'key.usage'),
    guarded(keyState(ctx), 'key.state'),
    guarded(keyRotation(ctx), 'key.rotation'),
    guarded(keyCreator(ctx), 'key.creator'),
    guarded(keyDeletionProtection(ctx), 'key.deletionProtection'),
    guarded(serviceRole(ctx), 'role.csManagedSecurity'),
    callerMayCreate(ctx),
    guarded(callerKmsCryptoAdmin(ctx), 'caller.kmsCryptoAdmin'),
  ]);
  const egress = spec.securityGroupId
    ? [
        await guarded(
          checkKmsEgress(ctx, {
            regionId: spec.regionId,
            securityGroupId: spec.securityGroupId,
            vswitchIds: spec.vswitchIds,
          }),
          'network.kmsEgress',
        ),
      ]
    : [];
  const checks = [
    await nameFree(input),
    cidrsValid(spec),
    vpc,
    ...vsw,
    overlapCheck(spec, vpcInfo, chosen),
    ...egress,
    versionCheck(input),
    ...keyChecks,
  ];
  return { keyId, checks };
}
