// network.kmsEgress: the evidence of the verdict, every rule and entry that decided, the ids
// read and the request ids, so an engineer can check the answer in the console. Values are ids,
// cloud fields and decision words only (the window words them in its language); the evaluator's
// English sentence is in the summary's English text, not here.
import type { EvidenceValue } from '../../../contract/types/checks';
import type { CloudError } from '../../cloud/errors';
import { ALIBABA_SERVICES_CIDR } from './cidr';
import type { EgressFacts } from './fetch';
import type { Failure, Layer } from './layers';
import { aclEntryFacts } from './network-acl';
import { sgRuleFacts } from './security-group';

function errorText(error: CloudError): string {
  const code = error.cloud.cloudCode ? ` ${error.cloud.cloudCode}` : '';
  const rid = error.cloud.requestId ? ` (request id ${error.cloud.requestId})` : '';
  return `${error.kind}${code}${rid}: ${error.message}`;
}

export function egressEvidence(
  facts: EgressFacts,
  layers: Layer[],
  failures: Failure[],
): Record<string, EvidenceValue> {
  const { sgId, vswitchIds, sgType, sgEgress, vswitches, acls } = facts;
  const e: Record<string, EvidenceValue> = {
    regionId: facts.regionId,
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
    const rule = s.rule ?? s.caveat;
    if (rule) {
      e[`${k}.ruleId`] = rule.ruleId;
      e[`${k}.priority`] = rule.priority;
      e[`${k}.policy`] = rule.policy;
      e[`${k}.protocol`] = rule.ipProtocol;
      e[`${k}.portRange`] = rule.portRange;
      e[`${k}.cidr`] = rule.destCidrIp ?? rule.destPrefixListId;
    }
    if (s.caveat && s.rule) e[`${k}.caveat`] = sgRuleFacts(s.caveat);
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
      e[`${k}.${dir.direction}.entry`] = entry ? aclEntryFacts(entry) : null;
    }
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
