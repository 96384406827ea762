// network.kmsEgress: can the control plane's KMS plugin reach kms-vpc.<region>.aliyuncs.com,
// somewhere in 100.64.0.0/10? Decided from the cluster's security group (egress rules and type)
// and the network ACLs of its vSwitches, following docs/alibaba-cloud-api.md §9.5. If this is
// wrong, turning encryption on can make the API server unavailable, so the check says `warn`
// whenever the rules leave the answer open, and only a definite block is `fail`.
//
// Probes: TCP 443 to 100.64.0.0/10 (the KMS API) decides pass/fail. UDP 53 to the VPC DNS
// servers can only warn: that the managed plugin resolves through them is an inference (A7),
// and network ACLs always allow those servers anyway.
import type { CheckFix, CheckResult, EvidenceValue } from '../../contract/types/checks';
import { describeSecurityGroupEgress, describeSecurityGroupType } from '../cloud/ecs';
import type { SecurityGroupEgress, SecurityGroupSummary } from '../cloud/ecs';
import { CloudError } from '../cloud/errors';
import type { CloudSession } from '../cloud/session';
import { describeNetworkAclAttributes, describeVSwitch } from '../cloud/vpc';
import type { NetworkAclAttributes, VSwitchSummary } from '../cloud/vpc';
import { ALIBABA_SERVICES_CIDR } from './egress/cidr';
import { describeAclEntry, evaluateNetworkAcl } from './egress/network-acl';
import type { AclEvaluation } from './egress/network-acl';
import { DNS_PROBE, HTTPS_PROBE, worst } from './egress/probes';
import type { Verdict } from './egress/probes';
import { describeSgRule, evaluateSecurityGroup } from './egress/security-group';
import type { SgEvaluation } from './egress/security-group';

export const KMS_EGRESS_CHECK_ID = 'network.kmsEgress' as const;

export interface EgressClusterInput {
  regionId: string;
  securityGroupId: string | null;
  vswitchIds: string[];
}

const RECOMMENDED_SG_RULE = `Allow, all protocols, all ports (-1/-1), destination ${ALIBABA_SERVICES_CIDR}, priority 1`;
const READ_POLICIES =
  'ecs:DescribeSecurityGroups, ecs:DescribeSecurityGroupAttribute, vpc:DescribeVSwitches and vpc:DescribeNetworkAclAttributes (e.g. AliyunECSReadOnlyAccess and AliyunVPCReadOnlyAccess)';

export function securityGroupConsoleUrl(regionId: string, securityGroupId: string): string {
  return `https://ecs.console.aliyun.com/securityGroupDetail/region/${encodeURIComponent(regionId)}/groupId/${encodeURIComponent(securityGroupId)}/detail/intranetEgress`;
}

export function securityGroupListUrl(regionId: string): string {
  return `https://ecs.console.aliyun.com/securityGroup/region/${encodeURIComponent(regionId)}`;
}

export function networkAclConsoleUrl(regionId: string): string {
  return `https://vpc.console.aliyun.com/nacl/${encodeURIComponent(regionId)}/nacls`;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: CloudError };

/** Cloud failures become data (they decide manual/unknown); anything else is a bug: rethrow. */
async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    if (error instanceof CloudError) return { ok: false, error };
    throw error;
  }
}

/** One thing the verdict depends on: a security-group probe or one vSwitch's ACL. */
interface Layer {
  kind: 'sg-https' | 'sg-dns' | 'acl';
  /** Null when it could not be evaluated (see `error`). */
  verdict: Verdict | null;
  error: CloudError | null;
  reason: string;
  sg?: SgEvaluation;
  acl?: AclEvaluation;
  vSwitchIds?: string[];
}

interface Failure {
  key: string;
  error: CloudError;
}

function errorText(error: CloudError): string {
  const code = error.cloud.cloudCode ? ` ${error.cloud.cloudCode}` : '';
  const rid = error.cloud.requestId ? ` (request id ${error.cloud.requestId})` : '';
  return `${error.kind}${code}${rid}: ${error.message}`;
}

export async function checkKmsEgress(
  session: CloudSession,
  cluster: EgressClusterInput,
): Promise<CheckResult> {
  const { regionId } = cluster;
  const sgId = cluster.securityGroupId?.trim() || null;
  const vswitchIds = [...new Set(cluster.vswitchIds.map((v) => v.trim()).filter(Boolean))];
  const kmsHost = `kms-vpc.${regionId}.aliyuncs.com`;

  // Everything independent goes out at once; ACLs need the vSwitches first.
  const [sgType, sgEgress, vswitches] = await Promise.all([
    sgId ? settle(describeSecurityGroupType(session, regionId, sgId)) : null,
    sgId ? settle(describeSecurityGroupEgress(session, regionId, sgId)) : null,
    Promise.all(vswitchIds.map((id) => settle(describeVSwitch(session, regionId, id)))),
  ]);
  const aclIds = [
    ...new Set(
      vswitches.flatMap((v) => (v.ok && v.value.networkAclId ? [v.value.networkAclId] : [])),
    ),
  ];
  const acls = new Map<string, Settled<NetworkAclAttributes>>(
    await Promise.all(
      aclIds.map(
        async (id) =>
          [id, await settle(describeNetworkAclAttributes(session, regionId, id))] as const,
      ),
    ),
  );

  const failures: Failure[] = [];
  const layers: Layer[] = [];

  // Security group.
  if (sgType && !sgType.ok) failures.push({ key: 'DescribeSecurityGroups', error: sgType.error });
  if (sgEgress && !sgEgress.ok) {
    failures.push({ key: 'DescribeSecurityGroupAttribute', error: sgEgress.error });
  }
  if (sgId && sgEgress) {
    for (const probe of [HTTPS_PROBE, DNS_PROBE]) {
      const kind = probe === HTTPS_PROBE ? 'sg-https' : 'sg-dns';
      if (!sgEgress.ok) {
        layers.push({ kind, verdict: null, error: sgEgress.error, reason: sgEgress.error.message });
        continue;
      }
      const type = sgType?.ok ? sgType.value.type : null;
      const sg = evaluateSecurityGroup(
        { securityGroupId: sgId, type, rules: sgEgress.value.rules },
        probe,
      );
      if (sg.decision === 'typeUnknown' && sgType && !sgType.ok) {
        // The answer hinges on the type we were not allowed (or able) to read.
        layers.push({ kind, verdict: null, error: sgType.error, reason: sg.reason, sg });
        continue;
      }
      // DNS can only warn (see the header).
      const verdict = kind === 'sg-dns' && sg.verdict === 'fail' ? 'warn' : sg.verdict;
      layers.push({ kind, verdict, error: null, reason: sg.reason, sg });
    }
  }

  // Network ACLs, one layer per ACL (shared by the vSwitches bound to it).
  if (vswitchIds.length === 0) {
    // Without vSwitches the ACL half of the question was never asked: not a pass.
    layers.push({
      kind: 'acl',
      verdict: 'warn',
      error: null,
      reason:
        "The cluster reports no vSwitches, so the network ACLs on the control plane's path were not checked.",
      vSwitchIds: [],
    });
  }
  const aclVswitches = new Map<string, string[]>();
  vswitches.forEach((v, i) => {
    if (!v.ok) {
      failures.push({ key: `DescribeVSwitches.${vswitchIds[i]}`, error: v.error });
      layers.push({
        kind: 'acl',
        verdict: null,
        error: v.error,
        reason: v.error.message,
        vSwitchIds: [vswitchIds[i]!],
      });
      return;
    }
    if (v.value.networkAclId) {
      const list = aclVswitches.get(v.value.networkAclId) ?? [];
      list.push(v.value.vSwitchId);
      aclVswitches.set(v.value.networkAclId, list);
    }
  });
  for (const [aclId, attached] of aclVswitches) {
    const fetched = acls.get(aclId)!;
    if (!fetched.ok) {
      failures.push({ key: `DescribeNetworkAclAttributes.${aclId}`, error: fetched.error });
      layers.push({
        kind: 'acl',
        verdict: null,
        error: fetched.error,
        reason: fetched.error.message,
        vSwitchIds: attached,
      });
      continue;
    }
    // Evaluate once per bound vSwitch only to catch a binding in flux; the entries are shared.
    const evaluations = attached.map((vsw) =>
      evaluateNetworkAcl(fetched.value, { vSwitchId: vsw }),
    );
    const acl = evaluations.reduce((a, b) => (worst(a.verdict, b.verdict) === a.verdict ? a : b));
    layers.push({
      kind: 'acl',
      verdict: acl.verdict,
      error: null,
      reason: acl.reason,
      acl,
      vSwitchIds: attached,
    });
  }

  const evidence = buildEvidence(
    cluster,
    sgId,
    vswitchIds,
    sgType,
    sgEgress,
    vswitches,
    acls,
    layers,
    failures,
  );

  // Status: a definite block fails whatever else we could not see; otherwise anything left
  // unread makes it manual (not allowed to read) or unknown (could not ask); else the worst.
  const evaluated = layers.filter((l) => l.verdict !== null);
  const unread = layers.filter((l) => l.verdict === null);
  const failing = evaluated.filter((l) => l.verdict === 'fail');
  const warning = evaluated.filter((l) => l.verdict === 'warn');

  if (failing.length > 0) {
    evidence.decidedBy = decidedBy(failing[0]!);
    return {
      id: KMS_EGRESS_CHECK_ID,
      status: 'fail',
      summary: `The KMS plugin cannot reach ${kmsHost} (${ALIBABA_SERVICES_CIDR}): ${failing[0]!.reason}${unread.length > 0 ? ' Some rules could not be read (see evidence).' : ''}`,
      evidence,
      fix: buildFix(regionId, sgId, [...failing, ...warning]),
    };
  }
  const blocking = unread.map((l) => l.error!).concat(failures.map((f) => f.error));
  if (unread.length > 0 || !sgId) {
    const permission = unread.some((l) => l.error?.kind === 'permission');
    if (permission) {
      return {
        id: KMS_EGRESS_CHECK_ID,
        status: 'manual',
        summary: `The caller may not read ${describeUnread(unread)}, so whether the KMS plugin can reach ${kmsHost} (${ALIBABA_SERVICES_CIDR}) must be checked by hand.`,
        evidence,
        fix: {
          hint: manualHint(sgId, vswitchIds, aclIds, READ_POLICIES),
          consoleUrl: sgId
            ? securityGroupConsoleUrl(regionId, sgId)
            : networkAclConsoleUrl(regionId),
        },
      };
    }
    const first = blocking[0];
    return {
      id: KMS_EGRESS_CHECK_ID,
      status: 'unknown',
      summary: !sgId
        ? `The cluster reports no security group, so egress to ${kmsHost} (${ALIBABA_SERVICES_CIDR}) cannot be evaluated.`
        : `Could not read ${describeUnread(unread)} (${first ? first.kind : 'error'}), so egress to ${kmsHost} (${ALIBABA_SERVICES_CIDR}) is unknown.`,
      evidence,
      fix: !sgId
        ? {
            hint: `Find the cluster's control-plane security group in the ACK console (cluster information) and check that its outbound rules allow ${ALIBABA_SERVICES_CIDR} (${RECOMMENDED_SG_RULE}).`,
            consoleUrl: securityGroupListUrl(regionId),
          }
        : {
            hint: `The cloud did not answer (${first?.message ?? 'no detail'}). Check the network, proxy and endpoint settings and run the check again.`,
            consoleUrl: securityGroupConsoleUrl(regionId, sgId),
          },
    };
  }
  if (warning.length > 0) {
    evidence.decidedBy = decidedBy(warning[0]!);
    return {
      id: KMS_EGRESS_CHECK_ID,
      status: 'warn',
      summary: `Whether the KMS plugin can reach ${kmsHost} (${ALIBABA_SERVICES_CIDR}) is uncertain: ${warning[0]!.reason}`,
      evidence,
      fix: buildFix(regionId, sgId, warning),
    };
  }
  const httpsLayer = layers.find((l) => l.kind === 'sg-https');
  if (httpsLayer) evidence.decidedBy = decidedBy(httpsLayer);
  const aclCount = layers.filter((l) => l.kind === 'acl').length;
  return {
    id: KMS_EGRESS_CHECK_ID,
    status: 'pass',
    summary: `Security group ${sgId} ${aclCount > 0 ? `and ${aclCount === 1 ? 'the network ACL' : `${aclCount} network ACLs`} of the cluster's vSwitches allow` : 'allows (no network ACL is bound to the vSwitches)'} HTTPS and DNS to ${ALIBABA_SERVICES_CIDR}, where ${kmsHost} lives.`,
    evidence,
    fix: null,
  };
}

function describeUnread(unread: Layer[]): string {
  const parts = new Set<string>();
  for (const l of unread) {
    if (l.kind !== 'acl') parts.add('the security group');
    else if (l.error?.cloud.action === 'DescribeVSwitches')
      parts.add(`vSwitch ${l.vSwitchIds?.join(', ')}`);
    else parts.add(`the network ACL of vSwitch ${l.vSwitchIds?.join(', ')}`);
  }
  return [...parts].join(' and ');
}

function decidedBy(layer: Layer): string {
  if (layer.sg) {
    const s = layer.sg;
    const parts: string[] = [];
    if (s.rule) parts.push(`rule ${describeSgRule(s.rule)}`);
    if (s.caveat) parts.push(`caveat ${describeSgRule(s.caveat)}`);
    if (parts.length === 0) parts.push(`default of the group type (${s.decision})`);
    return `security group, ${s.probe.label}: ${parts.join('; ')}`;
  }
  if (layer.acl) {
    const a = layer.acl;
    const dir = a.egress.verdict !== 'pass' || a.ingress.verdict === 'pass' ? a.egress : a.ingress;
    const entry = dir.caveat ?? dir.entry;
    const what = entry ? describeAclEntry(entry) : `no matching entry (${dir.decision})`;
    return `network ACL ${a.networkAclId} ${dir.direction}: ${what}${a.inFlux ? ` (${a.inFlux})` : ''}`;
  }
  return layer.reason;
}

function buildFix(regionId: string, sgId: string | null, layers: Layer[]): CheckFix {
  const hints: string[] = [];
  let consoleUrl: string | undefined;
  for (const layer of layers) {
    if (layer.sg && sgId) {
      consoleUrl ??= securityGroupConsoleUrl(regionId, sgId);
      const drop = [layer.sg.rule, layer.sg.caveat].find(
        (r) => r && r.policy.toLowerCase() === 'drop' && r.priority === 1,
      );
      const hint =
        `In security group ${sgId}, add the outbound rule ${RECOMMENDED_SG_RULE}` +
        (drop
          ? `, and remove or narrow ${drop.ruleId ?? 'the Drop rule'} (a Drop at priority 1 wins over an Allow at the same priority).`
          : '.');
      if (!hints.includes(hint)) hints.push(hint);
    } else if (layer.acl) {
      consoleUrl ??= networkAclConsoleUrl(regionId);
      const a = layer.acl;
      const needs: string[] = [];
      if (a.egress.verdict !== 'pass') {
        needs.push(`an outbound rule allowing all protocols to ${ALIBABA_SERVICES_CIDR}`);
      }
      if (a.ingress.verdict !== 'pass') {
        needs.push(
          `an inbound rule allowing all protocols (ports 1024-65535 at least) from ${ALIBABA_SERVICES_CIDR}`,
        );
      }
      if (needs.length > 0) {
        hints.push(
          `In network ACL ${a.networkAclId}, add ${needs.join(' and ')}, above any drop entry covering that range (entries apply in order).`,
        );
      }
      if (a.inFlux)
        hints.push(`Run the check again when network ACL ${a.networkAclId} is Available.`);
    } else if (layer.kind === 'acl' && layer.verdict !== null) {
      consoleUrl ??= networkAclConsoleUrl(regionId);
      hints.push(
        `Check by hand that the network ACLs of the cluster's vSwitches allow ${ALIBABA_SERVICES_CIDR} outbound and replies from it inbound (ports 1024-65535).`,
      );
    }
  }
  return {
    hint:
      hints.join(' ') ||
      `Allow all protocols to ${ALIBABA_SERVICES_CIDR} in the cluster's security group and network ACLs.`,
    ...(consoleUrl ? { consoleUrl } : {}),
  };
}

function manualHint(
  sgId: string | null,
  vswitchIds: string[],
  aclIds: string[],
  policies: string,
): string {
  const sg = sgId ?? "the cluster's security group";
  const acl =
    aclIds.length > 0
      ? `network ACL ${aclIds.join(', ')}`
      : `the network ACL bound to vSwitch ${vswitchIds.join(', ') || '(none listed)'} (if any)`;
  return (
    `Grant the caller ${policies}, or check by hand: in the ECS console open security group ${sg}, Outbound rules: ` +
    `an Allow rule for all protocols (or TCP 443) to ${ALIBABA_SERVICES_CIDR} or a wider range must come before any Drop rule covering part of it ` +
    `(a smaller priority number wins; at equal priority Drop wins); an advanced (enterprise) group denies whatever no rule allows. ` +
    `Then in the VPC console open ${acl}: an outbound entry allowing ${ALIBABA_SERVICES_CIDR} and an inbound entry allowing replies from it to ports 1024-65535 must each come before any drop entry covering that range; an ACL with no entries denies everything.`
  );
}

function buildEvidence(
  cluster: EgressClusterInput,
  sgId: string | null,
  vswitchIds: string[],
  sgType: Settled<SecurityGroupSummary> | null,
  sgEgress: Settled<SecurityGroupEgress> | null,
  vswitches: Settled<VSwitchSummary>[],
  acls: Map<string, Settled<NetworkAclAttributes>>,
  layers: Layer[],
  failures: Failure[],
): Record<string, EvidenceValue> {
  const e: Record<string, EvidenceValue> = {
    regionId: cluster.regionId,
    target: ALIBABA_SERVICES_CIDR,
    securityGroupId: sgId,
    securityGroupType: sgType?.ok ? sgType.value.rawType : null,
  };
  if (sgType?.ok) e.securityGroupVpcId = sgType.value.vpcId;
  if (sgEgress?.ok) e.securityGroupEgressRules = sgEgress.value.rules.length;
  for (const layer of layers) {
    if (!layer.sg) continue;
    const s = layer.sg;
    const k = `securityGroup.${s.probe.key}`;
    e[`${k}.verdict`] = layer.verdict;
    e[`${k}.decision`] = s.decision;
    e[`${k}.reason`] = s.reason;
    const rule = s.rule ?? s.caveat;
    if (rule) {
      e[`${k}.ruleId`] = rule.ruleId;
      e[`${k}.priority`] = rule.priority;
      e[`${k}.policy`] = rule.policy;
      e[`${k}.protocol`] = rule.ipProtocol;
      e[`${k}.portRange`] = rule.portRange;
      e[`${k}.cidr`] = rule.destCidrIp ?? rule.destPrefixListId;
    }
    if (s.caveat && s.rule) e[`${k}.caveat`] = describeSgRule(s.caveat);
  }
  e.vswitchIds = vswitchIds.join(',');
  vswitches.forEach((v, i) => {
    if (v.ok) e[`vswitch.${vswitchIds[i]}.networkAclId`] = v.value.networkAclId;
  });
  for (const layer of layers) {
    if (!layer.acl) continue;
    const a = layer.acl;
    const fetched = acls.get(a.networkAclId);
    const k = `networkAcl.${a.networkAclId}`;
    e[`${k}.verdict`] = a.verdict;
    e[`${k}.status`] = fetched?.ok ? fetched.value.status : null;
    e[`${k}.vswitchIds`] = (layer.vSwitchIds ?? []).join(',');
    for (const dir of [a.egress, a.ingress]) {
      const entry = dir.caveat ?? dir.entry;
      e[`${k}.${dir.direction}.decision`] = dir.decision;
      e[`${k}.${dir.direction}.entryId`] = entry?.entryId ?? null;
      e[`${k}.${dir.direction}.entryName`] = entry?.name ?? null;
      e[`${k}.${dir.direction}.entry`] = entry ? describeAclEntry(entry) : null;
    }
    e[`${k}.reason`] = a.reason;
  }
  const ids = (list: (string | null)[]) => list.filter((x): x is string => !!x).join(',') || null;
  e['requestIds.DescribeSecurityGroups'] = sgType?.ok ? ids(sgType.value.requestIds) : null;
  e['requestIds.DescribeSecurityGroupAttribute'] = sgEgress?.ok
    ? ids(sgEgress.value.requestIds)
    : null;
  e['requestIds.DescribeVSwitches'] = ids(vswitches.map((v) => (v.ok ? v.value.requestId : null)));
  e['requestIds.DescribeNetworkAclAttributes'] = ids(
    [...acls.values()].map((a) => (a.ok ? a.value.requestId : null)),
  );
  for (const f of failures) e[`error.${f.key}`] = errorText(f.error);
  return e;
}
