// network.kmsEgress, step 3 of 3: the verdict from the evaluated layers. A definite block fails
// whatever else could not be seen; otherwise anything left unread makes it manual (the caller
// may not read it) or unknown (the cloud could not be asked); else the worst layer decides.
// Every answer says what to change, where (console links), or how to check by hand.
import type { CheckFix, CheckResult, EvidenceValue } from '../../../contract/types/checks';
import { ALIBABA_SERVICES_CIDR } from './cidr';
import type { EgressFacts } from './fetch';
import type { Failure, Layer } from './layers';
import { describeAclEntry } from './network-acl';
import { describeSgRule } from './security-group';

export const KMS_EGRESS_CHECK_ID = 'network.kmsEgress' as const;

const RECOMMENDED_SG_RULE = `Allow, all protocols, all ports (-1/-1), destination ${ALIBABA_SERVICES_CIDR}, priority 1`;
const READ_POLICIES =
  'ecs:DescribeSecurityGroups, ecs:DescribeSecurityGroupAttribute, vpc:DescribeVSwitches and vpc:DescribeNetworkAclAttributes (e.g. AliyunECSReadOnlyAccess and AliyunVPCReadOnlyAccess)';

function securityGroupConsoleUrl(regionId: string, securityGroupId: string): string {
  return `https://ecs.console.aliyun.com/securityGroupDetail/region/${encodeURIComponent(regionId)}/groupId/${encodeURIComponent(securityGroupId)}/detail/intranetEgress`;
}

function securityGroupListUrl(regionId: string): string {
  return `https://ecs.console.aliyun.com/securityGroup/region/${encodeURIComponent(regionId)}`;
}

function networkAclConsoleUrl(regionId: string): string {
  return `https://vpc.console.aliyun.com/nacl/${encodeURIComponent(regionId)}/nacls`;
}

export function egressVerdict(
  facts: EgressFacts,
  layers: Layer[],
  failures: Failure[],
  evidence: Record<string, EvidenceValue>,
): CheckResult {
  const { regionId, sgId, vswitchIds, aclIds } = facts;
  const kmsHost = `kms-vpc.${regionId}.aliyuncs.com`;
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
