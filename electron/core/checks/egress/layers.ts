// network.kmsEgress, step 2 of 3: evaluate what was read, one layer per thing the verdict
// depends on: the security group for each probe, and each network ACL (shared by the vSwitches
// bound to it). A layer that could not be evaluated carries the cloud error instead.
import type { CloudError } from '../../cloud/errors';
import type { EgressFacts } from './fetch';
import { evaluateNetworkAcl } from './network-acl';
import type { AclEvaluation } from './network-acl';
import { DNS_PROBE, HTTPS_PROBE, worst } from './probes';
import type { Verdict } from './probes';
import { evaluateSecurityGroup } from './security-group';
import type { SgEvaluation } from './security-group';

export interface Layer {
  kind: 'sg-https' | 'sg-dns' | 'acl';
  /** Null when it could not be evaluated (see `error`). */
  verdict: Verdict | null;
  error: CloudError | null;
  reason: string;
  sg?: SgEvaluation;
  acl?: AclEvaluation;
  vSwitchIds?: string[];
}

/** A read that failed, under the evidence key it is reported as. */
export interface Failure {
  key: string;
  error: CloudError;
}

function securityGroupLayers(facts: EgressFacts, failures: Failure[]): Layer[] {
  const { sgId, sgType, sgEgress } = facts;
  if (sgType && !sgType.ok) failures.push({ key: 'DescribeSecurityGroups', error: sgType.error });
  if (sgEgress && !sgEgress.ok) {
    failures.push({ key: 'DescribeSecurityGroupAttribute', error: sgEgress.error });
  }
  if (!sgId || !sgEgress) return [];
  const layers: Layer[] = [];
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
    // DNS can only warn: that the managed plugin resolves through the VPC's DNS is an inference.
    const verdict = kind === 'sg-dns' && sg.verdict === 'fail' ? 'warn' : sg.verdict;
    layers.push({ kind, verdict, error: null, reason: sg.reason, sg });
  }
  return layers;
}

function aclLayers(facts: EgressFacts, failures: Failure[]): Layer[] {
  const { vswitchIds, vswitches, acls } = facts;
  const layers: Layer[] = [];
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
  return layers;
}

/** The layers in the order the verdict reads them (security group first), and the failed reads. */
export function evaluateLayers(facts: EgressFacts): { layers: Layer[]; failures: Failure[] } {
  const failures: Failure[] = [];
  const layers = [...securityGroupLayers(facts, failures), ...aclLayers(facts, failures)];
  return { layers, failures };
}
