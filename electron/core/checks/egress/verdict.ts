// network.kmsEgress, step 3 of 3: the verdict from the evaluated layers. A definite block fails
// whatever else could not be seen; otherwise anything left unread makes it manual (the caller
// may not read it) or unknown (the cloud could not be asked); else the worst layer decides.
// Every answer says what to change, where (console links), or how to check by hand.
import type { CheckResult, EvidenceValue } from '../../../contract/types/checks';
import { message } from '../../../contract';
import type { Message } from '../../../contract';
import { result } from '../result';
import type { FixSpec } from '../result';
import { ALIBABA_SERVICES_CIDR } from './cidr';
import type { EgressFacts } from './fetch';
import type { Failure, Layer } from './layers';
import { aclEntryFacts } from './network-acl';
import { sgRuleFacts } from './security-group';

export const KMS_EGRESS_CHECK_ID = 'network.kmsEgress' as const;

/** The rule to add, as the ECS console's fields: what the fix's copy button copies. */
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
  const where = { host: kmsHost, cidr: ALIBABA_SERVICES_CIDR };
  const evaluated = layers.filter((l) => l.verdict !== null);
  const unread = layers.filter((l) => l.verdict === null);
  const failing = evaluated.filter((l) => l.verdict === 'fail');
  const warning = evaluated.filter((l) => l.verdict === 'warn');

  if (failing.length > 0) {
    evidence.decidedBy = decidedBy(failing[0]!, sgId);
    return result(
      KMS_EGRESS_CHECK_ID,
      'fail',
      message(unread.length > 0 ? 'check.egress.blockedPartlyUnread' : 'check.egress.blocked', {
        ...where,
        reason: failing[0]!.reason,
      }),
      evidence,
      buildFix(regionId, sgId, [...failing, ...warning]),
    );
  }
  const blocking = unread.map((l) => l.error!).concat(failures.map((f) => f.error));
  if (unread.length > 0 || !sgId) {
    const permission = unread.some((l) => l.error?.kind === 'permission');
    if (permission) {
      return result(
        KMS_EGRESS_CHECK_ID,
        'manual',
        message('check.egress.manual', { ...where, unread: describeUnread(unread) }),
        evidence,
        {
          message: manualHint(sgId, vswitchIds, aclIds, READ_POLICIES),
          consoleUrl: sgId
            ? securityGroupConsoleUrl(regionId, sgId)
            : networkAclConsoleUrl(regionId),
          copy: RECOMMENDED_SG_RULE,
        },
      );
    }
    const first = blocking[0];
    return result(
      KMS_EGRESS_CHECK_ID,
      'unknown',
      !sgId
        ? message('check.egress.noSecurityGroup', where)
        : message('check.egress.unread', {
            ...where,
            unread: describeUnread(unread),
            kind: first ? first.kind : 'error',
          }),
      evidence,
      !sgId
        ? {
            message: message('fix.egress.findSecurityGroup', { cidr: ALIBABA_SERVICES_CIDR }),
            consoleUrl: securityGroupListUrl(regionId),
            copy: RECOMMENDED_SG_RULE,
          }
        : {
            message: message('fix.egress.cloudSilent', { detail: first?.message ?? 'no detail' }),
            consoleUrl: securityGroupConsoleUrl(regionId, sgId),
          },
    );
  }
  if (warning.length > 0) {
    evidence.decidedBy = decidedBy(warning[0]!, sgId);
    return result(
      KMS_EGRESS_CHECK_ID,
      'warn',
      message('check.egress.uncertain', { ...where, reason: warning[0]!.reason }),
      evidence,
      buildFix(regionId, sgId, warning),
    );
  }
  const httpsLayer = layers.find((l) => l.kind === 'sg-https');
  if (httpsLayer) evidence.decidedBy = decidedBy(httpsLayer, sgId);
  const aclCount = layers.filter((l) => l.kind === 'acl').length;
  return result(
    KMS_EGRESS_CHECK_ID,
    'pass',
    aclCount > 0
      ? message('check.egress.allowedWithAcls', { ...where, sgId, aclCount })
      : message('check.egress.allowedNoAcl', { ...where, sgId }),
    evidence,
    null,
  );
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

/**
 * What decided, as ids the console finds (group, rule, ACL, entry) and the direction: the same
 * in every language; the rule's fields and the decision are beside it in the evidence.
 */
function decidedBy(layer: Layer, sgId: string | null): string {
  if (layer.sg) {
    const s = layer.sg;
    const rules = [s.rule, s.caveat].flatMap((r) => (r ? [sgRuleFacts(r)] : []));
    return [sgId ?? '—', s.probe.key.toUpperCase(), ...rules].join(' · ');
  }
  if (layer.acl) {
    const a = layer.acl;
    const dir = a.egress.verdict !== 'pass' || a.ingress.verdict === 'pass' ? a.egress : a.ingress;
    const entry = dir.caveat ?? dir.entry;
    return [a.networkAclId, dir.direction, ...(entry ? [aclEntryFacts(entry)] : [])].join(' · ');
  }
  return layer.kind;
}

function buildFix(regionId: string, sgId: string | null, layers: Layer[]): FixSpec {
  const hints: Message[] = [];
  const seen = new Set<string>();
  const add = (m: Message) => {
    const id = JSON.stringify(m);
    if (!seen.has(id)) hints.push(m);
    seen.add(id);
  };
  let consoleUrl: string | undefined;
  let copy: string | undefined;
  const cidr = ALIBABA_SERVICES_CIDR;
  for (const layer of layers) {
    if (layer.sg && sgId) {
      consoleUrl ??= securityGroupConsoleUrl(regionId, sgId);
      const drop = [layer.sg.rule, layer.sg.caveat].find(
        (r) => r && r.policy.toLowerCase() === 'drop' && r.priority === 1,
      );
      copy ??= RECOMMENDED_SG_RULE;
      add(
        drop
          ? message('fix.egress.addSgRuleRemoveDrop', {
              sgId,
              cidr,
              dropRule: drop.ruleId ?? 'the Drop rule',
            })
          : message('fix.egress.addSgRule', { sgId, cidr }),
      );
    } else if (layer.acl) {
      consoleUrl ??= networkAclConsoleUrl(regionId);
      const a = layer.acl;
      const out = a.egress.verdict !== 'pass';
      const back = a.ingress.verdict !== 'pass';
      const aclId = a.networkAclId;
      // What the ACL entry's source or destination field takes.
      if (out || back) copy ??= cidr;
      if (out && back) add(message('fix.egress.aclBoth', { aclId, cidr }));
      else if (out) add(message('fix.egress.aclOutbound', { aclId, cidr }));
      else if (back) add(message('fix.egress.aclInbound', { aclId, cidr }));
      if (a.inFlux) add(message('fix.egress.aclInFlux', { aclId }));
    } else if (layer.kind === 'acl' && layer.verdict !== null) {
      consoleUrl ??= networkAclConsoleUrl(regionId);
      add(message('fix.egress.aclByHand', { cidr }));
    }
  }
  return {
    message: hints.length > 0 ? hints : message('fix.egress.default', { cidr }),
    ...(consoleUrl ? { consoleUrl } : {}),
    ...(copy ? { copy } : {}),
  };
}

function manualHint(
  sgId: string | null,
  vswitchIds: string[],
  aclIds: string[],
  policies: string,
): Message {
  const sg = sgId ?? "the cluster's security group";
  const acl =
    aclIds.length > 0
      ? `network ACL ${aclIds.join(', ')}`
      : `the network ACL bound to vSwitch ${vswitchIds.join(', ') || '(none listed)'} (if any)`;
  return message('fix.egress.grantOrCheck', {
    policies,
    sgId: sg,
    acl,
    cidr: ALIBABA_SERVICES_CIDR,
  });
}
